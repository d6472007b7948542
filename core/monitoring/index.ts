// Monitoring of social projects (Order 407 ch. 3): rounds with the four indicators and the five tools, measures
// followed until closed, independent monitors with the Annex 4 declaration, the MCI per year; and the state
// body's forms (Annex 3, Annex 9, the Annex 8 deadline) with their deadlines as reminders (forms/).
import type { DomainModule } from '../services.ts';
import { processDeadlines } from './deadlines.ts';
import { createMonitoringFormServices, type MonitoringFormServices } from './forms/forms-services.ts';
import { createMonitoringServices, type MonitoringServices } from './monitoring-services.ts';

export type AllMonitoringServices = MonitoringServices & MonitoringFormServices & { processDeadlines(): ReturnType<typeof processDeadlines> };

declare module '../services.ts' {
  interface CapabilityServices {
    monitoring: AllMonitoringServices;
  }
}

export const monitoringDomain: DomainModule<'monitoring'> = {
  name: 'monitoring',
  services: ({ prisma, i18n, now, calendar }) => {
    const forms = createMonitoringFormServices({ prisma, i18n, now, calendar });
    return {
      monitoring: {
        ...createMonitoringServices({ prisma, i18n, now, calendar }),
        ...forms,
        processDeadlines: () => processDeadlines({ forms: forms.processFormDeadlines }),
      },
    };
  },
};
