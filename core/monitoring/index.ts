// Monitoring of social projects as the Rules require (seed 003 ch. 3): the forms of a state body (Annex 3,
// Annex 9, and the Annex 8 deadline) and their deadlines as reminders.
import type { DomainModule } from '../services.ts';
import { processDeadlines } from './deadlines.ts';
import { createMonitoringFormServices, type MonitoringFormServices } from './forms/forms-services.ts';

export type MonitoringServices = MonitoringFormServices & { processDeadlines(): ReturnType<typeof processDeadlines> };

declare module '../services.ts' {
  interface CapabilityServices {
    monitoring: MonitoringServices;
  }
}

export const monitoringDomain: DomainModule<'monitoring'> = {
  name: 'monitoring',
  services: ({ prisma, calendar, i18n, now }) => {
    const forms = createMonitoringFormServices({ prisma, calendar, i18n, now });
    return { monitoring: { ...forms, processDeadlines: () => processDeadlines({ forms: forms.processFormDeadlines }) } };
  },
};
