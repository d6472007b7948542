// Social projects: beneficiaries, events, grant-report statistics, expert councils and their scoring.
import type { DomainModule } from '../services.ts';
import { scheduleProjects } from './demo.ts';
import { projectPersonalData } from './project-personal-data.ts';
import { createProjectServices, type ProjectOptions } from './project-services.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    projects: ReturnType<typeof createProjectServices>;
  }
  interface CapabilityOptions {
    /** social projects (the bot username of invitation links) */
    projects?: ProjectOptions;
  }
}

export const projectsDomain: DomainModule<'projects'> = {
  name: 'projects',
  services: ({ prisma, i18n, now, options }) => ({ projects: createProjectServices({ prisma, i18n, now, ...options.projects }) }),
  personalData: () => projectPersonalData,
  // The demo project runs its satisfaction questionnaire too, so the poll counts are the project's.
  demo: {
    schedule: scheduleProjects,
    count: async ({ prisma: p }) => ({
      projects: await p.socialProject.count(),
      beneficiaries: await p.projectBeneficiary.count(),
      pollWaves: await p.pollWave.count(),
      pollResponses: await p.pollResponse.count(),
    }),
  },
};
