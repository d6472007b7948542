// Monitoring of social projects (Order 407 ch. 3): rounds with their indicators and tools, measures, independent
// monitors with the Annex 4 declaration, the MCI per year; the state body's forms (Annexes 3 and 9) and their
// deadlines (Annex 8 too); the jobs that remind and flag; the NGO contact's binding in the bot.
import { createNgoContactFeature } from '../../bot/monitoring/ngo-contact.ts';
import { monitoringDomain } from '../../core/monitoring/index.ts';
import { createMonitoringAlertsJob } from '../../jobs/monitoring-alerts.ts';
import { monitoringFormRoutes } from '../../server/monitoring/routes-forms.ts';
import { monitoringExpertRoutes } from '../../server/monitoring/routes-monitors.ts';
import { monitoringProjectRoutes } from '../../server/monitoring/routes-projects.ts';
import { monitoringRoundRoutes } from '../../server/monitoring/routes-rounds.ts';
import type { Capability } from '../capability.ts';

export const monitoring: Capability = {
  ...monitoringDomain,
  locales: ['monitoring', 'monitoring-forms', 'monitoring-bot'],
  // the NGO's contact binds themselves from the manager's link t.me/<bot>?start=ngo_<code>
  bot: () => [createNgoContactFeature()],
  routes: ({ services }) => [
    monitoringProjectRoutes(services),
    monitoringRoundRoutes(services),
    monitoringExpertRoutes(services),
    monitoringFormRoutes(services.monitoring, services.staff),
  ],
  jobs: ({ services }) => [
    createMonitoringAlertsJob(services.monitoring),
    { name: 'monitoring-deadlines', schedule: '*/5 * * * *', run: () => services.monitoring.processDeadlines() },
  ],
  console: true,
};
