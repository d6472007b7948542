// Monitoring of social projects (Order 407 ch. 3): rounds with the four indicators and the five tools, measures
// followed until closed, independent monitors with the Annex 4 declaration, the MCI per year.
import type { DomainModule } from '../services.ts';
import { createMonitoringServices, type MonitoringServices } from './monitoring-services.ts';

declare module '../services.ts' {
  interface CapabilityServices {
    monitoring: MonitoringServices;
  }
}

export const monitoringDomain: DomainModule<'monitoring'> = {
  name: 'monitoring',
  services: ({ prisma, i18n, now, calendar }) => ({ monitoring: createMonitoringServices({ prisma, i18n, now, calendar }) }),
};
