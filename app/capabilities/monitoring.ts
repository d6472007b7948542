// Monitoring of social projects (Order 407 ch. 3): rounds with their indicators and tools, measures, independent
// monitors with the Annex 4 declaration, the MCI per year; the state body's forms (Annexes 3 and 9) and their
// deadlines (Annex 8 too); the jobs that remind and flag; the NGO contact's binding in the bot.
import { monitoringDomain } from '../../core/monitoring/index.ts';
import type { Capability } from '../capability.ts';

export const monitoring: Capability = {
  ...monitoringDomain,
  locales: ['monitoring', 'monitoring-forms', 'monitoring-bot'],
  // the NGO's contact binds themselves from the manager's link t.me/<bot>?start=ngo_<code>
  bot: async () => [(await import('../../bot/monitoring/ngo-contact.ts')).createNgoContactFeature()],
  routes: async ({ services }) => [
    (await import('../../server/monitoring/routes-projects.ts')).monitoringProjectRoutes(services),
    (await import('../../server/monitoring/routes-rounds.ts')).monitoringRoundRoutes(services),
    (await import('../../server/monitoring/routes-monitors.ts')).monitoringExpertRoutes(services),
    (await import('../../server/monitoring/routes-forms.ts')).monitoringFormRoutes(services.monitoring, services.staff),
  ],
  jobs: async ({ services }) => [
    (await import('../../jobs/monitoring-alerts.ts')).createMonitoringAlertsJob(services.monitoring),
    { name: 'monitoring-deadlines', schedule: '*/5 * * * *', run: () => services.monitoring.processDeadlines() },
  ],
  console: true,
};
