// Civic initiatives (issue 18, «Азаматтық бастамалар картасы»): residents propose in the bot, moderators and project
// managers decide and carry them out through the API and the console, and the programme's indicators are in
// /api/analytics/initiatives.
import { initiativesDomain } from '../../core/initiatives/index.ts';
import { initiativeRoutes } from '../../server/initiatives/initiatives.ts';
import type { Capability } from '../capability.ts';

export const initiatives: Capability = {
  ...initiativesDomain,
  locales: ['initiatives'],
  settings: ({ config, botUsername }) => ({ initiatives: { perDay: config.INITIATIVES_PER_DAY, botUsername } }),
  routes: ({ services }) => [initiativeRoutes(services)],
};
