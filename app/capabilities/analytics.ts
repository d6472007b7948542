// Monitoring and needs assessment: the dashboard's indicators, the problem map and the exports.
import { analyticsDomain } from '../../core/analytics/index.ts';
import type { Capability } from '../capability.ts';

export const analytics: Capability = {
  ...analyticsDomain,
  locales: ['analytics'],
  routes: async ({ services }) => [(await import('../../server/analytics/analytics.ts')).analyticsRoutes(services)],
  console: true,
};
