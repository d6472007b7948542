// Monitoring of social projects (Order 407 ch. 3): rounds with their indicators and tools, measures, independent
// monitors with the Annex 4 declaration, the MCI per year; the job that reminds and flags.
import { monitoringDomain } from '../../core/monitoring/index.ts';
import { createMonitoringAlertsJob } from '../../jobs/monitoring-alerts.ts';
import { monitoringExpertRoutes } from '../../server/monitoring/routes-monitors.ts';
import { monitoringProjectRoutes } from '../../server/monitoring/routes-projects.ts';
import { monitoringRoundRoutes } from '../../server/monitoring/routes-rounds.ts';
import type { Capability } from '../capability.ts';

export const monitoring: Capability = {
  ...monitoringDomain,
  locales: ['monitoring'],
  routes: ({ services }) => [monitoringProjectRoutes(services), monitoringRoundRoutes(services), monitoringExpertRoutes(services)],
  jobs: ({ services }) => [createMonitoringAlertsJob(services.monitoring)],
  console: true,
};
