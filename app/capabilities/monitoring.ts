// Monitoring of social projects (seed 003 ch. 3): the forms of a state body (Annexes 3 and 9) and the forms'
// deadlines (Annex 8 too), reminded by one job.
import { monitoringDomain } from '../../core/monitoring/index.ts';
import { monitoringFormRoutes } from '../../server/monitoring/routes-forms.ts';
import type { Capability } from '../capability.ts';

export const monitoring: Capability = {
  ...monitoringDomain,
  locales: ['monitoring-forms'],
  routes: ({ services }) => [monitoringFormRoutes(services.monitoring, services.staff)],
  jobs: ({ services }) => [{ name: 'monitoring-deadlines', schedule: '*/5 * * * *', run: () => services.monitoring.processDeadlines() }],
  console: true,
};
