// The life of a report after filing: the status machine with its milestones, deadlines and notices,
// the author's confirmation after resolution (or reopening), and closing by the author.
import type { Report } from '../../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { assertKindCovers } from '../staff/scoped-records.ts';
import { notifyStatus, statusNotices } from './report-notify.ts';
import { lockForChange, writeStatusChange } from './report-status-sql.ts';
import { NOTE_MAX } from './report-rules.ts';
import { mergeTarget, REPORT } from './report-scope.ts';
import { canTransition, isOpen, NOTE_REQUIRED } from './report-status.ts';
import type { ReportServiceDeps, StatusChange } from './report-types.ts';
import { confirmFix } from './reports-buttons.ts';
import { notifyReopened } from './staff-notify.ts';

/**
 * Holds the report's row until the transaction ends: two status changes at once (two operators, or two
 * instances) then run one after the other, and the second sees the first's status instead of both passing
 * the same check and writing two histories and two notifications.
 */
async function lockReport(tx: Tx, reportId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
}

export function createReportLifecycle({ prisma, calendar, i18n, now = () => new Date(), reopenWindowDays = 30 }: ReportServiceDeps) {
  const service = {
    /**
     * `staff`: the staff member acting, whose scope must cover the report and the original it is marked a
     * duplicate of; checked in the transaction that changes them. None for the system and the author.
     */
    async changeStatus(actor: Actor, reportId: number, change: StatusChange, staff?: StaffPrincipal): Promise<Report> {
      const publicNote = change.publicNote?.trim() || null;
      const checkNote = () => {
        if (publicNote && publicNote.length > NOTE_MAX) throw invalid('report.note_long', { max: NOTE_MAX });
        if (NOTE_REQUIRED.includes(change.to) && !publicNote) throw invalid('report.note_required');
      };
      // A staff member learns first whether the report exists and is theirs (404, 403), then about the note.
      if (!staff) checkNote();
      const at = now();
      const cal = await calendar.calendar();
      return prisma.$transaction(async (tx) => {
        const locked = await lockForChange(tx, reportId);
        if (!locked) throw notFound('report.not_found');
        const { report: before, audience } = locked;
        if (staff) {
          assertKindCovers(REPORT, staff, before);
          checkNote();
        }
        if (!canTransition(before.status, change.to)) throw conflict('report.bad_transition', { from: before.status, to: change.to });
        const data: Parameters<typeof tx.report.update>[0]['data'] = { status: change.to };
        if (change.to === 'in_work') {
          data.acceptedAt = before.acceptedAt ?? at;
          // The analytics' time to accept, fixed with the calendar of the moment (as the deadline is).
          data.acceptWorkingDays = before.acceptWorkingDays ?? cal.elapsedWorkingDays(before.createdAt, before.acceptedAt ?? at);
          // Accepting keeps the deadline set at filing (late acceptance must not buy time); a reopened
          // report gets a fresh one from the moment it is taken up again.
          data.dueAt = before.status === 'reopened' || !before.dueAt ? cal.addWorkingDays(at, before.category.deadlineDays) : before.dueAt;
          data.overdueNotifiedAt = null;
          data.escalatedAt = null;
        }
        if (change.to === 'resolved') {
          data.resolvedAt = at;
          data.resolveWorkingDays = cal.elapsedWorkingDays(before.createdAt, at);
        }
        if (change.to === 'duplicate') {
          if (!change.duplicateOfId || change.duplicateOfId === reportId) throw invalid('report.duplicate_needs_original');
          const original = await mergeTarget(tx, staff ?? null, change.duplicateOfId, () => invalid('report.duplicate_needs_original'));
          data.duplicateOf = { connect: { id: original.id } };
          // Followers (and the author) of the duplicate now follow the original.
          const people = await tx.reportFollower.findMany({ where: { reportId } });
          // The duplicate's author supports the original; one who only followed keeps following without support.
          const movers = new Map<number, boolean>(people.map((p) => [p.citizenId, p.supported]));
          if (before.citizenId) movers.set(before.citizenId, true);
          movers.delete(original.citizenId ?? -1);
          for (const [citizenId, supported] of movers) {
            await tx.reportFollower.upsert({
              where: { reportId_citizenId: { reportId: original.id, citizenId } },
              create: { reportId: original.id, citizenId, supported },
              update: supported ? { supported: true } : {},
            });
          }
          const count = await tx.reportFollower.count({ where: { reportId: original.id, supported: true } });
          await tx.report.update({ where: { id: original.id }, data: { supportCount: count } });
          await tx.reportEvent.create({
            data: {
              reportId: original.id,
              at,
              actorType: actor.type,
              actorId: actor.id == null ? null : String(actor.id),
              type: 'merge',
              data: { from: before.number },
            },
          });
        }
        if (change.to === 'reopened') {
          data.reopenedAt = at;
          data.reopenCount = { increment: 1 };
          data.closedAt = null;
          data.resolvedAt = null;
          data.resolveWorkingDays = null;
          data.confirmedFixed = null;
        } else if (!isOpen(change.to)) {
          data.closedAt = at;
        }
        const after = await tx.report.update({ where: { id: reportId }, data });
        const notices = statusNotices(
          i18n,
          {
            number: after.number,
            status: change.to,
            publicNote,
            publicNoteByLocale: change.publicNoteByLocale,
            authorOffers:
              change.to === 'resolved'
                ? (t) => [
                    [
                      confirmFix.offer(t('reports:confirm.fixed'), { answer: 'ok', reportId }),
                      confirmFix.offer(t('reports:confirm.not_fixed'), { answer: 'no', reportId }),
                    ],
                  ]
                : undefined,
          },
          audience,
        );
        const eventId = await writeStatusChange(
          tx,
          {
            reportId,
            at,
            actor,
            fromStatus: before.status,
            toStatus: change.to,
            publicNote,
            internalNote: change.internalNote?.trim() || null,
            data: change.publicNoteByLocale ? { notes: change.publicNoteByLocale } : undefined,
          },
          { action: `report.${change.to}`, entity: 'report', entityId: reportId, before: { status: before.status }, after: { status: change.to, publicNote } },
          notices,
        );
        const event = { id: eventId };
        // The operators hear that a report came back (e.g. the author says it is not fixed).
        if (change.to === 'reopened') await notifyReopened(tx, i18n, { reportId, eventId: event.id, actor });
        return after;
      });
    },

    /** The author's answer after resolution: "fixed" (with a rating) or "not fixed", which reopens within the window. */
    async confirm(citizenId: number, reportId: number, answer: { fixed: boolean; rating?: number }): Promise<Report> {
      if (answer.rating !== undefined && (!Number.isInteger(answer.rating) || answer.rating < 1 || answer.rating > 5)) throw invalid('report.bad_rating');
      const at = now();
      const report = await prisma.report.findUnique({ where: { id: reportId } });
      if (!report || report.citizenId !== citizenId) throw notFound('report.not_found');
      if (report.status !== 'resolved') throw conflict('report.not_resolved');
      const actor: Actor = { type: 'citizen', id: citizenId };
      if (!answer.fixed) {
        const deadline = (report.resolvedAt ?? at).getTime() + reopenWindowDays * 86_400_000;
        if (at.getTime() > deadline) throw conflict('report.reopen_window_over', { days: reopenWindowDays });
        return service.changeStatus(actor, reportId, { to: 'reopened', publicNote: null });
      }
      return prisma.$transaction(async (tx) => {
        const after = await tx.report.update({
          where: { id: reportId },
          data: { confirmedFixed: true, ...(answer.rating ? { rating: answer.rating, ratedAt: at } : {}) },
        });
        await tx.reportEvent.create({
          data: {
            reportId,
            at,
            actorType: 'citizen',
            actorId: String(citizenId),
            type: answer.rating ? 'rating' : 'confirm',
            data: { fixed: true, rating: answer.rating ?? null },
          },
        });
        return after;
      });
    },

    /**
     * The author closes their own open report as solved (they fixed it, or the problem went away). It
     * counts as "solved by citizens themselves" (DOMAIN.md) only when no operator had acted on it.
     */
    async closeByAuthor(citizenId: number, reportId: number): Promise<Report> {
      const at = now();
      const cal = await calendar.calendar();
      const notes = { kk: i18n.getFixedT('kk')('reports:self.note'), ru: i18n.getFixedT('ru')('reports:self.note') };
      return prisma.$transaction(async (tx) => {
        await lockReport(tx, reportId);
        const before = await tx.report.findUnique({ where: { id: reportId } });
        if (!before || before.citizenId !== citizenId) throw notFound('report.not_found');
        if (!isOpen(before.status) || before.hidden) throw conflict('report.closed');
        const staffActed = (await tx.reportEvent.count({ where: { reportId, type: 'status', actorType: 'staff' } })) > 0;
        const after = await tx.report.update({
          where: { id: reportId },
          data: {
            status: 'resolved',
            resolvedAt: at,
            closedAt: at,
            resolveWorkingDays: cal.elapsedWorkingDays(before.createdAt, at),
            confirmedFixed: true,
            selfResolved: !staffActed,
          },
        });
        const event = await tx.reportEvent.create({
          data: {
            reportId,
            at,
            actorType: 'citizen',
            actorId: String(citizenId),
            type: 'status',
            fromStatus: before.status,
            toStatus: 'resolved',
            publicNote: notes.ru,
            data: { notes, byAuthor: true },
          },
        });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          {
            action: 'report.self_resolve',
            entity: 'report',
            entityId: reportId,
            before: { status: before.status },
            after: { status: 'resolved', selfResolved: !staffActed },
          },
        );
        // Followers hear it; the author, who just did it, does not get a message about it.
        await notifyStatus(tx, i18n, {
          reportId,
          number: after.number,
          status: 'resolved',
          publicNote: notes.ru,
          publicNoteByLocale: notes,
          eventId: event.id,
          skipCitizenId: citizenId,
        });
        return after;
      });
    },
  };
  return service;
}
