// Civic initiatives (issue 18, «Азаматтық бастамалар картасы»): residents propose in the bot, moderators and project
// managers decide and carry them out through the API and the console, and the programme's indicators are in
// /api/analytics/initiatives.
import { createInitiativeFeature } from '../../bot/initiatives/feature.ts';
import { initiativesDomain } from '../../core/initiatives/index.ts';
import { initiativeMediaRoutes } from '../../server/initiatives/initiative-media.ts';
import { initiativeRoutes } from '../../server/initiatives/initiatives.ts';
import type { Capability } from '../capability.ts';

export const initiatives: Capability = {
  ...initiativesDomain,
  locales: ['initiatives', 'initiatives-bot', 'initiatives-public'],
  settings: ({ config, botUsername }) => ({ initiatives: { perDay: config.INITIATIVES_PER_DAY, botUsername } }),
  bot: () => [createInitiativeFeature()],
  routes: ({ services }) => [initiativeRoutes(services), initiativeMediaRoutes(services)],
  console: true,
};
