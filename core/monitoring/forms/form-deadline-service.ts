// The calendar of a body's forms for staff: what is due when, reminded, done or missed; a manager marks a
// form done (Annex 8: posted on the procurement portal, item 19) with a note; an admin may move a due date
// with a note (a decree or the authorised body's letter), which the job then keeps.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../../generated/prisma/client.ts';
import { recordAudit } from '../../audit/audit-log.ts';
import { localDate, localMidnight } from '../../calendar/local-time.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { requireRole, type StaffPrincipal } from '../../staff/scope.ts';
import { endOfLocalDay, type FormKindName } from './form-calendar.ts';
import { formName } from './form-deadlines.ts';
import { bodiesWhere, bodyInScope } from './forms-scope.ts';

export interface FormDeadlineView {
  id: number;
  kind: FormKindName;
  name: string;
  stateBodyId: number | null;
  projectId: number | null;
  year: number;
  dueAt: Date;
  state: 'open' | 'reminded' | 'overdue' | 'done';
  remindedAt: Date | null;
  overdueAt: Date | null;
  doneAt: Date | null;
  doneNote: string | null;
  dueOverride: boolean;
}

const INCLUDE = { stateBody: true, project: { select: { nameKk: true, nameRu: true, stateBody: true } } } as const;

export function createFormDeadlineService({ prisma, i18n, now }: { prisma: PrismaClient; i18n: i18n; now: () => Date }) {
  async function load(p: StaffPrincipal, id: number) {
    const d = await prisma.formDeadline.findUnique({ where: { id }, include: INCLUDE });
    const bodyId = d?.stateBodyId ?? null;
    if (!d) throw notFound('monitoring_forms.deadline_not_found');
    if (bodyId !== null) await bodyInScope(prisma, p, bodyId);
    else requireRole(p, ['admin']);
    return d;
  }

  const view = (d: Awaited<ReturnType<typeof load>>, locale: Locale): FormDeadlineView => ({
    id: d.id,
    kind: d.kind,
    name: formName(i18n.getFixedT(locale), locale, d),
    stateBodyId: d.stateBodyId,
    projectId: d.projectId,
    year: d.year,
    dueAt: d.dueAt,
    state: d.doneAt ? 'done' : d.overdueAt || d.dueAt.getTime() < now().getTime() ? 'overdue' : d.remindedAt ? 'reminded' : 'open',
    remindedAt: d.remindedAt,
    overdueAt: d.overdueAt,
    doneAt: d.doneAt,
    doneNote: d.doneNote,
    dueOverride: d.dueOverride,
  });

  return {
    /** The deadlines of the bodies in scope (or one body), due in a year. */
    async list(p: StaffPrincipal, q: { stateBodyId?: number; year: number }, locale: Locale): Promise<FormDeadlineView[]> {
      if (q.stateBodyId !== undefined) await bodyInScope(prisma, p, q.stateBodyId);
      const bodies = q.stateBodyId !== undefined ? { id: q.stateBodyId } : await bodiesWhere(prisma, p);
      const rows = await prisma.formDeadline.findMany({
        where: { stateBody: bodies, dueAt: { gte: localMidnight(`${q.year}-01-01`), lte: endOfLocalDay(`${q.year}-12-31`) } },
        include: INCLUDE,
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map((d) => view(d, locale));
    },

    async markDone(p: StaffPrincipal, id: number, note: string, locale: Locale): Promise<FormDeadlineView> {
      const d = await load(p, id);
      if (d.doneAt) throw conflict('monitoring_forms.deadline_done');
      return prisma.$transaction(async (tx) => {
        const row = await tx.formDeadline.update({ where: { id }, data: { doneAt: now(), doneById: p.id, doneNote: note }, include: INCLUDE });
        await recordAudit(tx, { type: 'staff', id: p.id }, { action: 'monitoring.form_done', entity: 'form_deadline', entityId: id, after: { note } });
        return view(row, locale);
      });
    },

    /** Admins: a new due day (end of that day), with the reason; reminders and the missed flag start afresh. */
    async setDue(p: StaffPrincipal, id: number, dueOn: string, note: string, locale: Locale): Promise<FormDeadlineView> {
      requireRole(p, ['admin']);
      const d = await load(p, id);
      if (d.doneAt) throw conflict('monitoring_forms.deadline_done');
      return prisma.$transaction(async (tx) => {
        const row = await tx.formDeadline.update({
          where: { id },
          data: { dueAt: endOfLocalDay(dueOn), dueOverride: true, remindedAt: null, overdueAt: null, doneNote: note },
          include: INCLUDE,
        });
        await recordAudit(
          tx,
          { type: 'staff', id: p.id },
          { action: 'monitoring.form_due_moved', entity: 'form_deadline', entityId: id, before: { dueOn: localDate(d.dueAt) }, after: { dueOn, note } },
        );
        return view(row, locale);
      });
    },
  };
}
