// Civic initiatives (issue 18, «Азаматтық бастамалар картасы»): residents propose in the bot, moderators and project
// managers decide and carry them out through the API and the console, and the programme's indicators are in
// /api/analytics/initiatives.
import { initiativesDomain } from '../../core/initiatives/index.ts';
import type { Capability } from '../capability.ts';

export const initiatives: Capability = {
  ...initiativesDomain,
  locales: ['initiatives', 'initiatives-bot', 'initiatives-public'],
  settings: ({ config, botUsername }) => ({ initiatives: { perDay: config.INITIATIVES_PER_DAY, botUsername } }),
  bot: async () => [(await import('../../bot/initiatives/feature.ts')).createInitiativeFeature()],
  routes: async ({ services }) => [
    (await import('../../server/initiatives/initiatives.ts')).initiativeRoutes(services),
    (await import('../../server/initiatives/initiative-media.ts')).initiativeMediaRoutes(services),
  ],
  console: true,
};
