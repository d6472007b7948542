// Social projects: joining by the invitation link in the bot, beneficiaries, events, grant-report statistics.
import { createProjectFeature } from '../../bot/projects/project.ts';
import { projectsDomain } from '../../core/projects/index.ts';
import { projectBeneficiaryRoutes } from '../../server/projects/project-beneficiaries.ts';
import { projectStatsRoutes } from '../../server/projects/project-stats.ts';
import { projectRoutes } from '../../server/projects/projects.ts';
import type { Capability } from '../capability.ts';

export const projects: Capability = {
  ...projectsDomain,
  locales: ['projects'],
  // invitation links need the bot's username
  settings: ({ botUsername }) => ({ projects: { botUsername } }),
  bot: () => [createProjectFeature()],
  routes: ({ services }) => [projectRoutes(services), projectBeneficiaryRoutes(services), projectStatsRoutes(services)],
  console: true,
};
