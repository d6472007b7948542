// Social projects: joining by the invitation link in the bot, beneficiaries, events, grant-report statistics.
import { projectsDomain } from '../../core/projects/index.ts';
import type { Capability } from '../capability.ts';

export const projects: Capability = {
  ...projectsDomain,
  locales: ['projects'],
  // invitation links need the bot's username
  settings: ({ botUsername }) => ({ projects: { botUsername } }),
  bot: async () => [(await import('../../bot/projects/project.ts')).createProjectFeature()],
  routes: async ({ services }) => [
    (await import('../../server/projects/projects.ts')).projectRoutes(services),
    (await import('../../server/projects/project-beneficiaries.ts')).projectBeneficiaryRoutes(services),
    (await import('../../server/projects/project-stats.ts')).projectStatsRoutes(services),
  ],
  console: true,
};
