// The impact services (issue 25, seed 000), built once by core/services.ts: the results framework and its
// values, outcome measures with before and after, stories of change (citizen and staff sides), SROI with its
// proxies. Each staff method takes the calling staff member and applies the project's scope itself.
import type { i18n as I18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { TelegramFiles } from '../reports/evidence-store.ts';
import { createFramework } from './framework.ts';
import { createImpactFiles } from './impact-files.ts';
import { processIndicatorReminders } from './indicator-reminders.ts';
import { createIndicatorValues } from './indicator-values.ts';
import { createMonitoringHooks } from './monitoring-hooks.ts';
import { createOutcomeMeasures } from './outcome-measures.ts';
import { createProxies } from './proxies.ts';
import { createScorecard } from './scorecard.ts';
import { createSroiService } from './sroi-service.ts';
import { processStoryCalls } from './story-calls.ts';
import { createStories } from './stories.ts';
import { createStoryReview } from './story-review.ts';

export interface ImpactDeps {
  prisma: PrismaClient;
  i18n: I18n;
  now: () => Date;
  calendar: CalendarService;
  storageDir?: string;
  telegramFiles?: TelegramFiles;
}

export function createImpactServices({ prisma, i18n, now, calendar, storageDir, telegramFiles }: ImpactDeps) {
  const files = createImpactFiles({ storageDir, telegramFiles });
  const framework = createFramework({ prisma });
  const values = createIndicatorValues({ prisma, now, framework, files });
  const outcomes = createOutcomeMeasures({ prisma });
  return {
    /** the logframe tree: nodes and indicators (writes) */
    framework,
    /** the tree with values and progress per period; manual values with evidence */
    values,
    outcomes,
    /** the citizen's side of stories of change (the bot) */
    stories: createStories({ prisma, now, files }),
    /** the staff's side: calls, review, selection, publication, the public feed */
    storyReview: createStoryReview({ prisma, now, files }),
    sroi: createSroiService({ prisma, now }),
    proxies: createProxies({ prisma }),
    /** the balanced scorecard across a state body's projects */
    scorecard: createScorecard({ prisma, now }),
    /** the round's indicators tool prefilled, and Annex 9 column 7's lines */
    monitoring: createMonitoringHooks({ prisma, i18n, outcomes }),
    /** the impact-story-calls job's work */
    processStoryCalls: () => processStoryCalls({ prisma, i18n, now }),
    /** the impact-indicator-reminders job's work */
    processIndicatorReminders: () => processIndicatorReminders({ prisma, i18n, now, calendar }),
    files,
  };
}

export type ImpactServices = ReturnType<typeof createImpactServices>;
