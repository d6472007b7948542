// The forms' deadlines as reminders (item 7 Annex 3, item 19 Annex 8, item 21 Annex 9): one FormDeadline
// per form, subject and year, created by the job for the bodies that have something to report (a topic or
// a planned project for Annex 3, a running project for Annex 9, a closed evaluation for Annex 8). Before the
// due day the body's project managers are reminded, once; when it passes without the form being marked
// done, the admins and the managers are told, once. Notices and Telegram copies go through
// sendStaffMessage in the same transaction as the flag, so a rerun sends nothing twice.
import type { i18n, TFunction } from 'i18next';
import type { FormDeadline, PrismaClient, StaffUser, StateBody } from '../../../generated/prisma/client.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import type { CalendarService } from '../../calendar/calendar-service.ts';
import { almatyYear, formatLocalDate, formatLocalDateTime } from '../../calendar/local-time.ts';
import type { Tx } from '../../db/tx.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { covers, SCOPES } from '../../staff/scope.ts';
import { activeWithRole, sendStaffMessage } from '../../staff/staff-messages.ts';
import { toPrincipal } from '../../staff/staff-service.ts';
import { inLocale } from './form-table.ts';
import { ANNEX3_LEAD_YEARS, annex3Due, annex8Due, annex9Due, REMIND_WORKING_DAYS, remindFrom, type FormKindName } from './form-calendar.ts';

export interface FormDeadlineDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  calendar: CalendarService;
  batchSize?: number;
}

export interface FormDeadlineRun {
  created: number;
  reminded: number;
  overdue: number;
}

/** The body's project managers: tied to it or to no body, in its region, not staff of a supplier. */
export async function bodyManagers(tx: Tx, body: StateBody): Promise<StaffUser[]> {
  return (await activeWithRole(tx, 'project_manager')).filter(
    (s) => (s.stateBodyId === null || s.stateBodyId === body.id) && !s.supplierBin && covers(SCOPES.region, toPrincipal(s), body),
  );
}

type Row = { kind: FormKindName; subjectKey: string; stateBodyId: number | null; projectId: number | null; year: number; dueAt: Date };

/** Creates the deadlines of the current year and its neighbours; existing rows (and admins' overrides) stay. */
async function ensure({ prisma, calendar, now }: FormDeadlineDeps): Promise<number> {
  const year = almatyYear(now());
  const rows: Row[] = [];
  const body = (id: number) => `body:${id}`;
  // Annex 3 for plan years whose due date falls in these years
  const planYears = [year - 1, year, year + 1].map((y) => y + ANNEX3_LEAD_YEARS);
  const topics = await prisma.discussionTopic.findMany({
    where: { year: { in: planYears } },
    select: { stateBodyId: true, year: true },
    distinct: ['stateBodyId', 'year'],
  });
  const planned = await prisma.plannedProject.findMany({
    where: { planYear: { in: planYears } },
    select: { stateBodyId: true, planYear: true },
    distinct: ['stateBodyId', 'planYear'],
  });
  const pairs = new Map<string, { stateBodyId: number; year: number }>();
  for (const t of topics) pairs.set(`${t.stateBodyId}:${t.year}`, t);
  for (const p of planned) pairs.set(`${p.stateBodyId}:${p.planYear}`, { stateBodyId: p.stateBodyId, year: p.planYear });
  const bodies = new Map((await prisma.stateBody.findMany({ select: { id: true, regionId: true } })).map((b) => [b.id, b]));
  for (const { stateBodyId, year: planYear } of pairs.values()) {
    const b = bodies.get(stateBodyId);
    if (b)
      rows.push({
        kind: 'annex3',
        subjectKey: body(b.id),
        stateBodyId: b.id,
        projectId: null,
        year: planYear,
        dueAt: annex3Due(planYear, b.regionId === null),
      });
  }
  // Annex 9 for the report years whose due dates are this year or next
  for (const y of [year - 1, year]) {
    for (const kind of ['half_year', 'annual'] as const) {
      const to = kind === 'half_year' ? new Date(`${y}-06-30T23:59:59+05:00`) : new Date(`${y}-12-31T23:59:59+05:00`);
      const running = await prisma.socialProject.findMany({
        where: { stateBodyId: { not: null }, status: { not: 'draft' }, startsOn: { lte: to }, endsOn: { gte: new Date(`${y}-01-01T00:00:00+05:00`) } },
        select: { stateBodyId: true },
        distinct: ['stateBodyId'],
      });
      for (const r of running) {
        rows.push({
          kind: kind === 'annual' ? 'annex9_annual' : 'annex9_half',
          subjectKey: body(r.stateBodyId!),
          stateBodyId: r.stateBodyId,
          projectId: null,
          year: y,
          dueAt: annex9Due(y, kind),
        });
      }
    }
  }
  // Annex 8 for every closed evaluation without its deadline
  const closed = await prisma.socialProject.findMany({
    where: { evaluationClosedAt: { not: null }, formDeadlines: { none: { kind: 'annex8' } } },
    select: { id: true, stateBodyId: true, evaluationClosedAt: true },
    take: 200,
  });
  if (closed.length > 0) {
    const cal = await calendar.calendar();
    for (const p of closed) {
      const at = p.evaluationClosedAt!;
      rows.push({
        kind: 'annex8',
        subjectKey: `project:${p.id}`,
        stateBodyId: p.stateBodyId,
        projectId: p.id,
        year: almatyYear(at),
        dueAt: annex8Due(cal, at),
      });
    }
  }
  if (rows.length === 0) return 0;
  return (await prisma.formDeadline.createMany({ data: rows, skipDuplicates: true })).count;
}

const WITH_NAMES = { stateBody: true, project: { select: { nameKk: true, nameRu: true, stateBody: true } } } as const;
type Named = FormDeadline & { stateBody: StateBody | null; project: { nameKk: string; nameRu: string; stateBody: StateBody | null } | null };

/** The form's name as staff read it, e.g. «Приложение 9 (… за 2026 год, по итогам полугодия)». */
export function formName(t: TFunction, locale: Locale, d: Named): string {
  return t(`monitoring-forms:forms.${d.kind}`, { year: d.year, project: d.project ? inLocale(d.project, locale) : '' });
}

export async function processFormDeadlines(deps: FormDeadlineDeps): Promise<FormDeadlineRun> {
  const { prisma, i18n, now, calendar, batchSize = 200 } = deps;
  const created = await ensure(deps);
  const at = now();

  async function tell(d: Named, flag: 'remindedAt' | 'overdueAt', recipients: (tx: Tx, body: StateBody) => Promise<StaffUser[]>): Promise<boolean> {
    const body = d.stateBody ?? d.project?.stateBody ?? null;
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.formDeadline.updateMany({ where: { id: d.id, [flag]: null, doneAt: null, dueAt: d.dueAt }, data: { [flag]: at } });
      if (claimed.count === 0) return false;
      const kind = flag === 'remindedAt' ? 'form.due' : 'form.overdue';
      const people = body ? await recipients(tx, body) : await activeWithRole(tx, 'admin');
      const due = d.kind === 'annex8' ? formatLocalDateTime(d.dueAt) : formatLocalDate(d.dueAt);
      const text = (t: TFunction, locale: Locale) =>
        t(flag === 'remindedAt' ? 'monitoring-forms:staff.form_due' : 'monitoring-forms:staff.form_overdue', {
          form: formName(t, locale, d),
          body: body ? inLocale(body, locale) : '—',
          due,
        });
      const notified = await sendStaffMessage(tx, i18n, people, { kind: `${kind}.${d.kind}`, subjectId: d.id, occurrence: d.dueAt.getTime(), text });
      await recordAudit(
        tx,
        { type: 'system' },
        { action: `monitoring.${kind}`, entity: 'form_deadline', entityId: d.id, after: { kind: d.kind, year: d.year, dueAt: d.dueAt, notified } },
      );
      return true;
    });
  }

  let reminded = 0;
  const upcoming = await prisma.formDeadline.findMany({
    where: { doneAt: null, remindedAt: null, overdueAt: null, dueAt: { gt: at } },
    include: WITH_NAMES,
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  if (upcoming.length > 0) {
    const cal = await calendar.calendar();
    for (const d of upcoming) {
      if (remindFrom(cal, d.dueAt, REMIND_WORKING_DAYS[d.kind]).getTime() > at.getTime()) continue;
      if (await tell(d, 'remindedAt', bodyManagers)) reminded += 1;
    }
  }

  let overdue = 0;
  const missed = await prisma.formDeadline.findMany({
    where: { doneAt: null, overdueAt: null, dueAt: { lt: at } },
    include: WITH_NAMES,
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  for (const d of missed) {
    const both = async (tx: Tx, body: StateBody) => {
      const admins = await activeWithRole(tx, 'admin');
      const managers = (await bodyManagers(tx, body)).filter((m) => !admins.some((a) => a.id === m.id));
      return [...admins, ...managers];
    };
    if (await tell(d, 'overdueAt', both)) overdue += 1;
  }
  return { created, reminded, overdue };
}
