// Social-impact evaluation (issue 25, seed 000): a results framework per project with indicators and their
// values, before and after on outcome questions, stories of change (Most Significant Change), SROI, and the
// balanced scorecard across a body's projects; it plugs into monitoring's round and Annex 9 column 7.
import type { DomainModule } from '../services.ts';
import { scheduleImpact } from './demo.ts';
import { createImpactFiles } from './impact-files.ts';
import { createImpactServices, type ImpactServices } from './impact-services.ts';
import { storyPersonalData } from './story-personal-data.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    impact: ImpactServices;
  }
}

export const impactDomain: DomainModule<'impact'> = {
  name: 'impact',
  services: ({ prisma, i18n, now, calendar, options }) => ({
    impact: createImpactServices({ prisma, i18n, now, calendar, storageDir: options.storageDir, telegramFiles: options.telegramFiles }),
  }),
  personalData: ({ options }) => storyPersonalData(createImpactFiles({ storageDir: options.storageDir })),
  // Annex 9 column 7 cites the framework, the before/after verdicts and the stories (monitoring never imports impact)
  connect: (services) =>
    services.monitoring.addColumn7Contributor((projectId, period, locale) => services.impact.monitoring.column7(projectId, period, locale)),
  // the demo project's framework, values, stories of change and SROI (after the projects' demo made the project)
  demo: {
    schedule: scheduleImpact,
    count: async ({ prisma: p }) => ({
      impactIndicators: await p.resultIndicator.count(),
      changeStories: await p.changeStory.count({ where: { status: 'submitted' } }),
      sroiOutcomes: await p.sroiOutcome.count(),
    }),
  },
};
