// The monitoring services (Order 407 ch. 3), built once by core/services.ts. Each method takes the calling staff
// member and applies scope itself (monitoring-scope.ts).
import type { i18n as I18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { createDocumentService } from './documents.ts';
import { createMciService, thresholdOf } from './mci.ts';
import { createMeasureService } from './measures.ts';
import { createMonitorService } from './monitors.ts';
import { projectAccess } from './monitoring-scope.ts';
import { createSetupService } from './project-setup.ts';
import { createSupplierContactService } from './supplier-contact.ts';
import { processRoundAlerts } from './round-alerts.ts';
import { createRoundService } from './rounds.ts';
import { createToolService } from './tools.ts';

export function createMonitoringServices({ prisma, i18n, now, calendar }: { prisma: PrismaClient; i18n: I18n; now: () => Date; calendar: CalendarService }) {
  const rounds = createRoundService({ prisma, now });
  const measures = createMeasureService({ prisma, i18n, now });
  const supplierContact = createSupplierContactService({ prisma, i18n, now });
  return {
    setup: createSetupService({ prisma }),
    rounds,
    tools: createToolService({ prisma }),
    measures,
    supplierContact,
    documents: createDocumentService({ prisma, i18n, now }),
    monitors: createMonitorService({ prisma, i18n, now }),
    mci: createMciService({ prisma }),
    standardItems: {
      list: () => prisma.standardItem.findMany({ where: { active: true }, orderBy: [{ serviceKind: 'asc' }, { position: 'asc' }] }),
    },

    /** The project's monitoring at a glance: access, threshold, the year's rounds against 2–5, measures. */
    async overview(staff: StaffPrincipal, projectId: number, year: number) {
      const { project, access } = await projectAccess(prisma, staff, projectId);
      const list = await prisma.monitoringRound.findMany({
        where: { projectId, year },
        orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }],
        include: { tools: true },
      });
      return {
        project,
        access,
        supplierContactName: await supplierContact.contactName(project),
        threshold: await thresholdOf(prisma, project),
        status: await rounds.yearStatusOf(prisma, project, year),
        rounds: list,
        measures: (await prisma.monitoringMeasure.findMany({ where: { projectId }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] })).map(measures.view),
      };
    },

    /** The job's work: round reminders and overdue rounds, short years, overdue measures. */
    async processAlerts() {
      const counts = await processRoundAlerts({ prisma, i18n, calendar, now });
      return { ...counts, measuresOverdue: await measures.processOverdue() };
    },
  };
}

export type MonitoringServices = ReturnType<typeof createMonitoringServices>;
