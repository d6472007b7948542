// The forms half of services.monitoring (plan §4, 19-B): Annex 3, Annex 9, the forms' deadlines and the
// job step that reminds and flags them.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../../generated/prisma/client.ts';
import type { CalendarService } from '../../calendar/calendar-service.ts';
import { createAnnex3Service } from './annex3.ts';
import { createAnnex9Service, type Annex9Deps } from './annex9.ts';
import { createFormDeadlineService } from './form-deadline-service.ts';
import { processFormDeadlines } from './form-deadlines.ts';

export interface FormServicesDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  calendar: CalendarService;
  contributors?: Annex9Deps['contributors'];
}

export function createMonitoringFormServices(deps: FormServicesDeps) {
  return {
    annex3: createAnnex3Service(deps),
    annex9: createAnnex9Service(deps),
    deadlines: createFormDeadlineService(deps),
    processFormDeadlines: () => processFormDeadlines(deps),
  };
}

export type MonitoringFormServices = ReturnType<typeof createMonitoringFormServices>;
