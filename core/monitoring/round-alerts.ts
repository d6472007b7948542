// The monitoring job's steps (each rerun is a no-op: row flags, or MonitoringAlert for alerts with no row):
// a round is due in 3 working days → the managers and its conductor; a round not completed 5 working days after
// its date → the managers; a project's year short of 2 rounds (planned: 10 working days into its year; completed:
// the day after the year's part of its term ends) → the managers (and the admins for the completed count);
// measures past their due day (measures.ts).
import type { i18n as I18n } from 'i18next';
import type { PrismaClient, SocialProject, StaffUser } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import type { Tx } from '../db/tx.ts';
import { formatLocalDate, localDate, localMidnight } from '../calendar/local-time.ts';
import { dateOnly, isoDate, nameIn } from '../projects/project-rules.ts';
import { activeWithRole, sendStaffMessage } from '../staff/staff-messages.ts';
import { PLAN_SHORT_WORKING_DAYS, ROUND_OVERDUE_WORKING_DAYS, ROUND_REMIND_WORKING_DAYS, ROUNDS_MIN } from './monitoring-rules.ts';
import { projectManagers } from './monitoring-scope.ts';

export interface RoundAlertDeps {
  prisma: PrismaClient;
  i18n: I18n;
  calendar: CalendarService;
  now: () => Date;
}

export interface RoundAlertCounts {
  reminded: number;
  overdue: number;
  planShort: number;
  yearShort: number;
}

const day = (d: Date) => formatLocalDate(localMidnight(isoDate(d)));

/** Records an alert once; false when it was already sent. */
async function once(tx: Tx, kind: string, subjectId: number, occurrence: string): Promise<boolean> {
  const r = await tx.monitoringAlert.createMany({ data: [{ kind, subjectId, occurrence }], skipDuplicates: true });
  return r.count === 1;
}

export async function processRoundAlerts({ prisma, i18n, calendar, now }: RoundAlertDeps, batchSize = 200): Promise<RoundAlertCounts> {
  const at = now();
  const today = localDate(at);
  const cal = await calendar.calendar();
  const counts: RoundAlertCounts = { reminded: 0, overdue: 0, planShort: 0, yearShort: 0 };

  const soon = cal.nthWorkingDayAfter(today, ROUND_REMIND_WORKING_DAYS);
  const upcoming = await prisma.monitoringRound.findMany({
    where: { status: 'planned', remindedAt: null, plannedOn: { gte: dateOnly(today), lte: dateOnly(soon) } },
    include: { project: true },
    orderBy: { id: 'asc' },
    take: batchSize,
  });
  for (const r of upcoming) {
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.monitoringRound.updateMany({ where: { id: r.id, remindedAt: null, status: 'planned' }, data: { remindedAt: at } });
      if (claimed.count === 0) return;
      counts.reminded += 1;
      const people: StaffUser[] = await projectManagers(tx, r.project);
      if (r.conductorId != null && !people.some((p) => p.id === r.conductorId)) {
        const c = await tx.staffUser.findUnique({ where: { id: r.conductorId } });
        if (c?.active) people.push(c);
      }
      await sendStaffMessage(tx, i18n, people, {
        kind: 'monitoring.round_due',
        subjectId: r.id,
        occurrence: r.plannedOn.getTime(),
        text: (t, locale) => t('monitoring:staff.round_due', { project: nameIn(r.project, locale), date: day(r.plannedOn) }),
      });
    });
  }

  const started = await prisma.monitoringRound.findMany({
    where: { status: { in: ['planned', 'in_progress'] }, overdueAt: null, plannedOn: { lt: dateOnly(today) } },
    include: { project: true },
    orderBy: { id: 'asc' },
    take: batchSize,
  });
  for (const r of started) {
    if (cal.nthWorkingDayAfter(isoDate(r.plannedOn), ROUND_OVERDUE_WORKING_DAYS) >= today) continue;
    await prisma.$transaction(async (tx) => {
      const claimed = await tx.monitoringRound.updateMany({
        where: { id: r.id, overdueAt: null, status: { in: ['planned', 'in_progress'] } },
        data: { overdueAt: at },
      });
      if (claimed.count === 0) return;
      counts.overdue += 1;
      await sendStaffMessage(tx, i18n, await projectManagers(tx, r.project), {
        kind: 'monitoring.round_overdue',
        subjectId: r.id,
        occurrence: r.plannedOn.getTime(),
        text: (t, locale) => t('monitoring:staff.round_overdue', { project: nameIn(r.project, locale), date: day(r.plannedOn) }),
      });
      await recordAudit(tx, { type: 'system' }, { action: 'monitoring.round_overdue', entity: 'monitoring_round', entityId: r.id });
    });
  }

  const year = Number(today.slice(0, 4));
  for (const y of [year - 1, year]) {
    const projects = await prisma.socialProject.findMany({
      where: { status: { not: 'draft' }, startsOn: { lte: dateOnly(`${y}-12-31`) }, endsOn: { gte: dateOnly(`${y}-01-01`) } },
      orderBy: { id: 'asc' },
    });
    for (const p of projects) {
      const from = [isoDate(p.startsOn), `${y}-01-01`].sort()[1]!;
      const to = [isoDate(p.endsOn), `${y}-12-31`].sort()[0]!;
      if (today > to) {
        const completed = await prisma.monitoringRound.count({ where: { projectId: p.id, year: y, status: 'completed' } });
        if (completed < ROUNDS_MIN && (await alert(p, 'year_short', y, completed, true))) counts.yearShort += 1;
      } else if (y === year && today >= cal.nthWorkingDayAfter(from, PLAN_SHORT_WORKING_DAYS)) {
        const planned = await prisma.monitoringRound.count({ where: { projectId: p.id, year: y, status: { not: 'cancelled' } } });
        if (planned < ROUNDS_MIN && (await alert(p, 'plan_short', y, planned, false))) counts.planShort += 1;
      }
    }
  }
  return counts;

  async function alert(p: SocialProject, kind: 'plan_short' | 'year_short', y: number, n: number, admins: boolean): Promise<boolean> {
    return prisma.$transaction(async (tx) => {
      if (!(await once(tx, `monitoring.${kind}`, p.id, String(y)))) return false;
      const people = await projectManagers(tx, p);
      if (admins) for (const a of await activeWithRole(tx, 'admin')) if (!people.some((x) => x.id === a.id)) people.push(a);
      await sendStaffMessage(tx, i18n, people, {
        kind: `monitoring.${kind}`,
        subjectId: p.id,
        occurrence: y,
        text: (t, locale) => t(`monitoring:staff.${kind}`, { project: nameIn(p, locale), year: y, n, min: ROUNDS_MIN }),
      });
      await recordAudit(tx, { type: 'system' }, { action: `monitoring.${kind}`, entity: 'social_project', entityId: p.id, after: { year: y, rounds: n } });
      return true;
    });
  }
}
