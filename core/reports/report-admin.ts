// Staff actions on reports beyond a single status change: routing to another department, assigning
// an operator, status changes in bulk, merging duplicates, and hiding from public view. Each is
// checked against the staff member's scope, kept in the report's history and in the audit log.
import type { i18n, TFunction } from 'i18next';
import type { Logger } from 'pino';
import type { PrismaClient, Report } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, DomainError, invalid } from '../errors.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import { inScope, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { fitColleague, loadInScope } from '../staff/scoped-records.ts';
import { toPrincipal } from '../staff/staff-service.ts';
import { type CategoryPatch, updateCategory } from './category-admin.ts';
import { audience, eventNoticeKey } from './report-notify.ts';
import type { ReportService, StatusChange } from './report-service.ts';
import { mergeTarget, REPORT } from './report-scope.ts';
import type { NoteRequest, ReportTemplateService } from './report-templates.ts';
import { toLocale } from '../i18n/i18n.ts';
import { BULK_MAX, HIDE_REASON_MAX } from './report-rules.ts';
import type { PublicChanges } from '../portal/public-changes.ts';

export interface AssignInput {
  departmentId?: number;
  /** null takes the report off its assignee */
  assigneeId?: number | null;
  internalNote?: string | null;
}

export type BulkChange = NoteRequest & { internalNote?: string | null };

export interface ItemResult {
  id: number;
  ok: boolean;
  error?: { code: string; params: Record<string, unknown> };
}

export interface ReportAdminDeps {
  prisma: PrismaClient;
  reports: ReportService;
  templates: ReportTemplateService;
  i18n: i18n;
  logger: Logger;
  now?: () => Date;
  /** told after a report is hidden or shown again, so public pages drop it at once */
  publicChanges?: PublicChanges;
}

const staffId = (actor: Actor) => (actor.id == null ? null : String(actor.id));

export function createReportAdminService({ prisma, reports, templates, i18n, logger, now = () => new Date(), publicChanges }: ReportAdminDeps) {
  const scoped = (staff: StaffPrincipal, reportId: number, tx: Tx = prisma): Promise<Report> => loadInScope(tx, staff, REPORT, reportId);

  /** Runs `fn` for each id on its own, so one refusal never stops the rest; domain errors become results. */
  async function each(ids: number[], fn: (id: number) => Promise<unknown>): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    for (const id of [...new Set(ids)]) {
      try {
        await fn(id);
        results.push({ id, ok: true });
      } catch (e) {
        if (!(e instanceof DomainError)) logger.error({ err: e, reportId: id }, 'report bulk action failed');
        results.push({ id, ok: false, error: e instanceof DomainError ? { code: e.code, params: e.params } : { code: 'internal', params: {} } });
      }
    }
    return results;
  }

  /**
   * Staff-applied status change: scope first, then the template (if any) becomes the public note. The
   * original of a duplicate is checked in scope and state as /merge checks its target (mergeTarget).
   */
  async function changeStatus(
    actor: Actor,
    staff: StaffPrincipal,
    reportId: number,
    change: BulkChange & Pick<StatusChange, 'duplicateOfId'>,
  ): Promise<Report> {
    // The status change checks the scope itself, in its transaction; a template is read first, so the
    // report must be known to be the caller's before it is.
    if (change.templateId != null) await scoped(staff, reportId);
    const note = await templates.noteFor(reportId, change);
    return reports.changeStatus(actor, reportId, { to: change.to, ...note, internalNote: change.internalNote, duplicateOfId: change.duplicateOfId }, staff);
  }

  /** Tells the author (only) in their language that their report was hidden or shown again. */
  async function tellAuthor(tx: Tx, report: Report, eventId: number, text: (t: TFunction) => string) {
    const author = (await audience(tx, report.id)).find((p) => p.isAuthor);
    if (!author) return;
    const t = i18n.getFixedT(toLocale(author.locale));
    await enqueueMessage(tx, {
      chatId: author.telegramId,
      citizenId: author.citizenId,
      kind: 'report.moderation',
      text: text(t),
      dedupeKey: eventNoticeKey(eventId, author.citizenId),
    });
  }

  return {
    changeStatus,

    /** An admin changes a category's routing, deadline or availability (the route requires the admin role). */
    updateCategory: (actor: Actor, id: number, patch: CategoryPatch) => updateCategory(prisma, actor, id, patch),

    /**
     * Re-routes the report to another department and/or gives it to an operator. An operator may only
     * touch a report in their scope; after re-routing it may leave their scope. The assignee must be an
     * active operator whose scope covers the report as it will be.
     */
    async assign(actor: Actor, staff: StaffPrincipal, reportId: number, input: AssignInput): Promise<Report> {
      if (input.departmentId === undefined && input.assigneeId === undefined) throw invalid('report.assign_nothing');
      const at = now();
      const internalNote = input.internalNote?.trim() || null;
      return prisma.$transaction(async (tx) => {
        const before = await scoped(staff, reportId, tx);
        const target = { ...before };
        const events: Array<{ type: 'route' | 'assign'; field: 'departmentId' | 'assigneeId'; from: number | null; to: number | null }> = [];

        if (input.departmentId !== undefined && input.departmentId !== before.departmentId) {
          const department = await tx.department.findUnique({ where: { id: input.departmentId } });
          if (!department || !department.active) throw invalid('report.unknown_department');
          target.departmentId = department.id;
          events.push({ type: 'route', field: 'departmentId', from: before.departmentId, to: department.id });
        }

        let assigneeId = input.assigneeId === undefined ? before.assigneeId : input.assigneeId;
        if (input.assigneeId != null) {
          await fitColleague(tx, input.assigneeId, { role: 'operator', rule: SCOPES.report, record: target, refusal: 'report.bad_assignee' });
        } else if (input.assigneeId === undefined && assigneeId != null && target.departmentId !== before.departmentId) {
          // The current assignee stays only if the new department is still theirs.
          const current = await tx.staffUser.findUnique({ where: { id: assigneeId } });
          if (!current || !inScope(toPrincipal(current), target)) assigneeId = null;
        }
        if (assigneeId !== before.assigneeId) events.push({ type: 'assign', field: 'assigneeId', from: before.assigneeId, to: assigneeId });
        if (events.length === 0) return before;

        const after = await tx.report.update({ where: { id: reportId }, data: { departmentId: target.departmentId, assigneeId } });
        for (const [i, e] of events.entries()) {
          // The note explains the whole action: it goes with its first event only.
          const data = { from: e.from, to: e.to };
          await tx.reportEvent.create({
            data: { reportId, at, actorType: actor.type, actorId: staffId(actor), type: e.type, internalNote: i === 0 ? internalNote : null, data },
          });
          await recordAudit(tx, actor, {
            action: `report.${e.type}`,
            entity: 'report',
            entityId: reportId,
            before: { [e.field]: e.from },
            after: { [e.field]: e.to },
          });
        }
        return after;
      });
    },

    /** The same status change for many reports; each one is checked (scope, transition, note) on its own. */
    async bulkStatus(actor: Actor, staff: StaffPrincipal, ids: number[], change: BulkChange): Promise<ItemResult[]> {
      if (ids.length === 0 || ids.length > BULK_MAX) throw invalid('report.bulk_size', { max: BULK_MAX });
      return each(ids, (id) => changeStatus(actor, staff, id, change));
    },

    /**
     * Marks each report a duplicate of the target: their authors and followers follow the target and
     * its support count grows (changeStatus). A closed or hidden report or a duplicate cannot take others in.
     */
    async merge(actor: Actor, staff: StaffPrincipal, targetId: number, duplicateIds: number[], publicNote?: string | null): Promise<ItemResult[]> {
      await mergeTarget(prisma, staff, targetId);
      if (duplicateIds.includes(targetId)) throw invalid('report.merge_self');
      const results = await each(duplicateIds, (id) => changeStatus(actor, staff, id, { to: 'duplicate', duplicateOfId: targetId, publicNote }));
      const merged = results.filter((r) => r.ok).map((r) => r.id);
      // Nothing merged is nothing changed: a refusal leaves no trace but its answer.
      if (merged.length > 0) await recordAudit(prisma, actor, { action: 'report.merge', entity: 'report', entityId: targetId, after: { merged } });
      return results;
    },

    /** Hides the report from public view; its text stays as filed. The author is told why. */
    async hide(actor: Actor, staff: StaffPrincipal, reportId: number, reason: string): Promise<Report> {
      const text = reason.trim();
      if (!text) throw invalid('report.hide_reason_required');
      if (text.length > HIDE_REASON_MAX) throw invalid('report.note_long', { max: HIDE_REASON_MAX });
      const hidden = await prisma.$transaction(async (tx) => {
        const before = await scoped(staff, reportId, tx);
        if (before.hidden) throw conflict('report.already_hidden');
        const after = await tx.report.update({ where: { id: reportId }, data: { hidden: true, hiddenReason: text } });
        const event = await tx.reportEvent.create({
          data: { reportId, at: now(), actorType: actor.type, actorId: staffId(actor), type: 'hide', internalNote: text },
        });
        await recordAudit(tx, actor, {
          action: 'report.hide',
          entity: 'report',
          entityId: reportId,
          before: { hidden: false },
          after: { hidden: true, reason: text },
        });
        await tellAuthor(tx, after, event.id, (t) => t('reports:moderation.hidden', { number: after.number, reason: text }));
        return after;
      });
      // After the commit: a page rendered from a transaction that rolled back would still be wrong.
      publicChanges?.changed({ kind: 'report', number: hidden.number });
      return hidden;
    },

    async unhide(actor: Actor, staff: StaffPrincipal, reportId: number): Promise<Report> {
      const shown = await prisma.$transaction(async (tx) => {
        const before = await scoped(staff, reportId, tx);
        if (!before.hidden) throw conflict('report.not_hidden');
        const after = await tx.report.update({ where: { id: reportId }, data: { hidden: false, hiddenReason: null } });
        const event = await tx.reportEvent.create({
          data: { reportId, at: now(), actorType: actor.type, actorId: staffId(actor), type: 'unhide', data: { reason: before.hiddenReason } },
        });
        await recordAudit(tx, actor, {
          action: 'report.unhide',
          entity: 'report',
          entityId: reportId,
          before: { hidden: true, reason: before.hiddenReason },
          after: { hidden: false },
        });
        await tellAuthor(tx, after, event.id, (t) => t('reports:moderation.shown', { number: after.number }));
        return after;
      });
      publicChanges?.changed({ kind: 'report', number: shown.number });
      return shown;
    },
  };
}
