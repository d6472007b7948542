// Monitoring of social projects (Order 407 ch. 3): rounds with the four indicators and the five tools, measures
// followed until closed, independent monitors with the Annex 4 declaration, the MCI per year; and the state
// body's forms (Annex 3, Annex 9, the Annex 8 deadline) with their deadlines as reminders (forms/).
import type { DomainModule } from '../services.ts';
import { processDeadlines } from './deadlines.ts';
import type { Annex9Deps } from './forms/annex9.ts';
import { createMonitoringFormServices, type MonitoringFormServices } from './forms/forms-services.ts';
import { createMonitoringServices, type MonitoringServices } from './monitoring-services.ts';

/** A later capability's lines for Annex 9 column 7 of a project (the annual report): issue 25's framework and stories. */
export type Column7Contributor = NonNullable<Annex9Deps['contributors']>[number];

export type AllMonitoringServices = MonitoringServices &
  MonitoringFormServices & {
    processDeadlines(): ReturnType<typeof processDeadlines>;
    /** adds a contributor to Annex 9 column 7 (DomainModule.connect) */
    addColumn7Contributor(c: Column7Contributor): void;
  };

declare module '../services.ts' {
  interface CapabilityServices {
    monitoring: AllMonitoringServices;
  }
}

export const monitoringDomain: DomainModule<'monitoring'> = {
  name: 'monitoring',
  services: ({ prisma, i18n, now, calendar }) => {
    // filled by later capabilities through addColumn7Contributor; read each time a row is drafted
    const contributors: Column7Contributor[] = [];
    const forms = createMonitoringFormServices({ prisma, i18n, now, calendar, contributors });
    return {
      monitoring: {
        ...createMonitoringServices({ prisma, i18n, now, calendar }),
        ...forms,
        processDeadlines: () => processDeadlines({ forms: forms.processFormDeadlines }),
        addColumn7Contributor: (c: Column7Contributor) => void contributors.push(c),
      },
    };
  },
};
