// Monitoring and needs assessment: the dashboard's indicators, the problem map and the exports.
import { analyticsDomain } from '../../core/analytics/index.ts';
import { analyticsRoutes } from '../../server/analytics/analytics.ts';
import type { Capability } from '../capability.ts';

export const analytics: Capability = {
  ...analyticsDomain,
  locales: ['analytics'],
  routes: ({ services }) => [analyticsRoutes(services)],
  console: true,
};
