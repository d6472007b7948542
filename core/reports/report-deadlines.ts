// Deadlines of open reports (counted from filing): past its due time a report is overdue and its operators are told
// once; `escalationWorkingDays` working days later it is escalated to the admins, once. Accepting the
// report again (reopened → in work) sets a new due time and clears both marks (changeStatus).
import type { i18n, TFunction } from 'i18next';
import type { PrismaClient, StaffUser } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { Tx } from '../db/tx.ts';
import { activeAdmins, formatDue, notifyStaff, operatorsFor, REPORT_NAMES, type NamedReport, type StaffNoticeKind } from './staff-notify.ts';

/**
 * Reports that run against a due time: every open one. The clock starts at filing, so a report left
 * unaccepted falls due too; a reopened one keeps its due time until it is taken up again.
 */
export const DEADLINE_STATUSES: ReportStatus[] = ['new', 'in_work', 'reopened'];

const DAY = 86_400_000;

export interface ReportDeadlineDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: i18n;
  now?: () => Date;
  /** working days past the due time before the admins hear of it */
  escalationWorkingDays: number;
  /** most reports of each kind handled per run; the rest wait for the next run */
  batchSize?: number;
}

export interface DeadlineRun {
  overdue: number;
  escalated: number;
}

export async function processReportDeadlines({
  prisma,
  calendar,
  i18n,
  now = () => new Date(),
  escalationWorkingDays,
  batchSize = 200,
}: ReportDeadlineDeps): Promise<DeadlineRun> {
  const at = now();
  const cal = await calendar.calendar();
  const open = { status: { in: DEADLINE_STATUSES } };

  // Reports filed before deadlines ran from filing have none until accepted: give them the one they
  // would have had, so they too fall due (only rows still without a due time are touched).
  const undated = await prisma.report.findMany({
    where: { ...open, dueAt: null },
    select: { id: true, createdAt: true, category: { select: { deadlineDays: true } } },
    orderBy: { id: 'asc' },
    take: batchSize,
  });
  for (const r of undated) {
    await prisma.report.updateMany({ where: { id: r.id, dueAt: null }, data: { dueAt: cal.addWorkingDays(r.createdAt, r.category.deadlineDays) } });
  }

  /**
   * Marks one report and tells its people in one transaction. The mark is taken with a conditional
   * update, so a second run (or a status change in between) finds nothing to do.
   */
  async function mark(
    r: NamedReport,
    flag: 'overdueNotifiedAt' | 'escalatedAt',
    kind: StaffNoticeKind,
    recipients: (tx: Tx) => Promise<StaffUser[]>,
    headline: (t: TFunction) => string,
  ) {
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.report.updateMany({ where: { id: r.id, [flag]: null, dueAt: r.dueAt, ...open }, data: { [flag]: at } });
      if (claimed.count === 0) return false;
      const people = await recipients(tx);
      const notified = await notifyStaff(tx, i18n, people, { kind, report: r, occurrence: r.dueAt!.getTime(), headline });
      const type = kind === 'report.overdue' ? 'overdue' : 'escalated';
      const data = { dueAt: r.dueAt!.toISOString(), notified, ...(type === 'escalated' ? { workingDays: escalationWorkingDays } : {}) };
      await tx.reportEvent.create({ data: { reportId: r.id, at, actorType: 'system', type, data } });
      await recordAudit(tx, { type: 'system' }, { action: `report.${type}`, entity: 'report', entityId: r.id, after: data });
      return true;
    });
  }

  let overdue = 0;
  const late = await prisma.report.findMany({
    where: { ...open, dueAt: { lt: at }, overdueNotifiedAt: null },
    include: REPORT_NAMES,
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  for (const r of late) {
    const done = await mark(
      r,
      'overdueNotifiedAt',
      'report.overdue',
      (tx) => operatorsFor(tx, r),
      (t) => t('staff:notice.overdue', { number: r.number, due: formatDue(r.dueAt) }),
    );
    if (done) overdue += 1;
  }

  let escalated = 0;
  // n working days are at least n calendar days, so older due times are a superset to check exactly.
  const cutoff = new Date(at.getTime() - Math.max(0, escalationWorkingDays) * DAY);
  const stale = await prisma.report.findMany({
    where: { ...open, dueAt: { lte: cutoff }, escalatedAt: null },
    include: REPORT_NAMES,
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  for (const r of stale) {
    // Escalation time grows with the due time, so once one is not yet due, none after it is.
    if (cal.addWorkingDays(r.dueAt!, escalationWorkingDays).getTime() > at.getTime()) break;
    const headline = (t: TFunction) =>
      t('staff:notice.escalated', { number: r.number, due: formatDue(r.dueAt), days: escalationWorkingDays, status: t(`reports:status.${r.status}`) });
    if (await mark(r, 'escalatedAt', 'report.escalated', activeAdmins, headline)) escalated += 1;
  }
  return { overdue, escalated };
}
