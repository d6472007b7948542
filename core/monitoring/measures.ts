// The measures of the project's monitoring report (item 10): set by the body after a round with a due date,
// sent to the NGO's contact in Telegram at once, followed until closed as done (on time or late) or not done.
// Overdue ones are flagged once by the job, to the managers and the NGO. A closed measure is final.
import type { i18n as I18n } from 'i18next';
import type { MonitoringMeasure, PrismaClient, SocialProject } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { formatLocalDate, isDateString, localDate, localMidnight } from '../calendar/local-time.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { toLocale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import { dateOnly, isoDate, nameIn } from '../projects/project-rules.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { sendStaffMessage } from '../staff/staff-messages.ts';
import { measureState, TEXT_MAX, type MeasureState } from './monitoring-rules.ts';
import { bodyProject, projectAccess, projectManagers } from './monitoring-scope.ts';

export type MeasureView = MonitoringMeasure & { state: MeasureState; delivered: boolean };

const dueText = (m: { dueOn: Date }) => formatLocalDate(localMidnight(isoDate(m.dueOn)));

/** A message to the project's NGO contact, in their language; false when no contact is bound yet. */
export async function tellSupplier(
  tx: Tx,
  i18n: I18n,
  project: SocialProject,
  m: { kind: string; key: string; dedupeKey: string; params: Record<string, unknown>; notBefore: Date },
): Promise<boolean> {
  if (project.supplierContactId == null) return false;
  const c = await tx.citizen.findUnique({ where: { id: project.supplierContactId } });
  if (!c || c.erasedAt || !c.active) return false;
  const locale = toLocale(c.locale);
  const text = i18n.getFixedT(locale)(m.key, { ...m.params, project: nameIn(project, locale) });
  await enqueueMessage(tx, { chatId: c.telegramId, citizenId: c.id, kind: m.kind, text, dedupeKey: m.dedupeKey, notBefore: m.notBefore });
  return true;
}

export function createMeasureService({ prisma, i18n, now }: { prisma: PrismaClient; i18n: I18n; now: () => Date }) {
  const today = () => localDate(now());
  const view = (m: MonitoringMeasure): MeasureView => ({
    ...m,
    state: measureState(m, today(), m.closedAt ? localDate(m.closedAt) : undefined),
    delivered: m.sentAt != null,
  });

  return {
    view,
    async list(staff: StaffPrincipal, projectId: number): Promise<MeasureView[]> {
      await projectAccess(prisma, staff, projectId);
      const rows = await prisma.monitoringMeasure.findMany({ where: { projectId }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] });
      return rows.map(view);
    },

    /** Only the body sets measures (item 10), on a round that has started, due today or later. */
    async add(actor: Actor, staff: StaffPrincipal, roundId: number, input: { text: string; dueOn: string }): Promise<MeasureView> {
      const text = input.text.trim();
      if (!text) throw invalid('monitoring.measure_text_required');
      if (text.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
      if (!isDateString(input.dueOn)) throw invalid('monitoring.bad_date');
      if (input.dueOn < today()) throw invalid('monitoring.due_in_past');
      return prisma.$transaction(async (tx) => {
        const round = await tx.monitoringRound.findUnique({ where: { id: roundId } });
        if (!round) throw notFound('monitoring.round_not_found');
        const project = await bodyProject(tx, staff, round.projectId);
        if (round.status === 'planned' || round.status === 'cancelled') throw conflict('monitoring.round_not_started');
        const at = now();
        const created = await tx.monitoringMeasure.create({
          data: { roundId, projectId: project.id, text, dueOn: dateOnly(input.dueOn), createdById: staff.id },
        });
        const sent = await tellSupplier(tx, i18n, project, {
          kind: 'monitoring.measure',
          key: 'monitoring:ngo.measure',
          dedupeKey: `mn:sent:${created.id}`,
          params: { text, date: dueText(created) },
          notBefore: at,
        });
        const m = sent ? await tx.monitoringMeasure.update({ where: { id: created.id }, data: { sentAt: at } }) : created;
        await recordAudit(tx, actor, {
          action: 'monitoring.measure_set',
          entity: 'monitoring_measure',
          entityId: m.id,
          after: { roundId, text, dueOn: input.dueOn, sent },
        });
        return view(m);
      });
    },

    /** Closing needs a note; done after the due date shows as "done late". */
    async close(actor: Actor, staff: StaffPrincipal, measureId: number, input: { outcome: 'done' | 'not_done'; note: string }): Promise<MeasureView> {
      const note = input.note.trim();
      if (!note) throw invalid('monitoring.note_required');
      if (note.length > TEXT_MAX) throw invalid('monitoring.text_long', { max: TEXT_MAX });
      return prisma.$transaction(async (tx) => {
        const m = await tx.monitoringMeasure.findUnique({ where: { id: measureId } });
        if (!m) throw notFound('monitoring.measure_not_found');
        await bodyProject(tx, staff, m.projectId);
        const claimed = await tx.monitoringMeasure.updateMany({
          where: { id: measureId, status: 'open' },
          data: { status: input.outcome, closedAt: now(), closedById: staff.id, closeNote: note },
        });
        if (claimed.count === 0) throw conflict('monitoring.measure_closed');
        const after = view(await tx.monitoringMeasure.findUniqueOrThrow({ where: { id: measureId } }));
        await recordAudit(tx, actor, {
          action: 'monitoring.measure_close',
          entity: 'monitoring_measure',
          entityId: measureId,
          before: { status: m.status },
          after: { status: after.status, state: after.state, note },
        });
        return after;
      });
    },

    /** Flags each open measure past its due day once: the managers get a notice, the NGO a reminder. */
    async processOverdue(batchSize = 200): Promise<number> {
      const at = now();
      const due = await prisma.monitoringMeasure.findMany({
        where: { status: 'open', overdueAt: null, dueOn: { lt: dateOnly(localDate(at)) } },
        orderBy: { id: 'asc' },
        take: batchSize,
        include: { project: true },
      });
      let flagged = 0;
      for (const m of due) {
        await prisma.$transaction(async (tx) => {
          const claimed = await tx.monitoringMeasure.updateMany({ where: { id: m.id, overdueAt: null, status: 'open' }, data: { overdueAt: at } });
          if (claimed.count === 0) return;
          flagged += 1;
          const params = { text: m.text, date: dueText(m) };
          await sendStaffMessage(tx, i18n, await projectManagers(tx, m.project), {
            kind: 'monitoring.measure_overdue',
            subjectId: m.id,
            occurrence: m.dueOn.getTime(),
            text: (t, locale) => t('monitoring:staff.measure_overdue', { ...params, project: nameIn(m.project, locale) }),
          });
          await tellSupplier(tx, i18n, m.project, {
            kind: 'monitoring.measure_overdue',
            key: 'monitoring:ngo.measure_overdue',
            dedupeKey: `mn:overdue:${m.id}`,
            params,
            notBefore: at,
          });
          await recordAudit(
            tx,
            { type: 'system' },
            { action: 'monitoring.measure_overdue', entity: 'monitoring_measure', entityId: m.id, after: { dueOn: isoDate(m.dueOn) } },
          );
        });
      }
      return flagged;
    },
  };
}
