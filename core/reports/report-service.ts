// Civic-control reports: filing (bot, Open311, staff), duplicates and support, the status machine
// with its milestones and deadlines, and the author's confirmation after resolution.
import type { i18n } from 'i18next';
import type { PrismaClient, Report } from '../../generated/prisma/client.ts';
import type { EvidenceKind, ReportStatus } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { almatyYear, localDate, localMidnight } from '../calendar/local-time.ts';
import { formatSerial, nextCounter, SERIAL_TX } from '../db/counter.ts';
import type { Tx } from '../db/tx.ts';
import { conflict, invalid, notFound, tooMany } from '../errors.ts';
import { canTransition, isOpen, NOTE_REQUIRED } from './report-status.ts';
import { notifyStatus } from './report-notify.ts';
import { confirmFix } from './reports-buttons.ts';
import { mergeTarget, REPORT } from './report-scope.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { assertKindCovers } from '../staff/scoped-records.ts';

export { insideKazakhstan } from './kazakhstan-border.ts';
import { NOTE_MAX } from './report-rules.ts';
import { notifyReopened } from './staff-notify.ts';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 2000;
export const EVIDENCE_MAX = 10;

export interface EvidenceInput {
  kind: EvidenceKind;
  telegramFileId?: string;
  fileUniqueId?: string;
  mimeType?: string;
  fileName?: string;
  fileSize?: number;
  url?: string;
}

export interface NewReport {
  source: 'bot' | 'open311' | 'staff';
  citizenId?: number | null;
  apiClientId?: number | null;
  categoryId: number;
  regionId: number;
  districtId?: number | null;
  lat?: number | null;
  lon?: number | null;
  address?: string | null;
  description: string;
  anonymous?: boolean;
  evidence: EvidenceInput[];
}

export interface StatusChange {
  to: ReportStatus;
  publicNote?: string | null;
  /**
   * The public note in each language (from a response template): followers who read the other
   * language get it in theirs. `publicNote` is the one in the author's language.
   */
  publicNoteByLocale?: Partial<Record<'kk' | 'ru', string>>;
  internalNote?: string | null;
  duplicateOfId?: number | null;
}

export interface ReportOptions {
  /** radius for possible duplicates, metres */
  duplicateRadiusM?: number;
  /** how long after resolution the author may reopen, days */
  reopenWindowDays?: number;
  /** most reports one citizen may file per (Almaty) day */
  perDay?: number;
  /** working days after the due time before an overdue report is escalated to admins */
  escalationWorkingDays?: number;
}

export interface ReportServiceDeps extends ReportOptions {
  prisma: PrismaClient;
  calendar: CalendarService;
  i18n: i18n;
  now?: () => Date;
}

export const formatNumber = (year: number, seq: number) => formatSerial('KZ', year, seq);

/** Great-circle distance in metres. */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 3),
  );

/** Share of the shorter text's words found in the other: crude, language-neutral, good enough to suggest. */
export function textSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common += 1;
  return common / Math.min(wa.size, wb.size);
}

/**
 * Holds the report's row until the transaction ends: two status changes at once (two operators, or two
 * instances) then run one after the other, and the second sees the first's status instead of both passing
 * the same check and writing two histories and two notifications.
 */
async function lockReport(tx: Tx, reportId: number): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Report" WHERE id = ${reportId} FOR UPDATE`;
}

export function createReportService({
  prisma,
  calendar,
  i18n,
  now = () => new Date(),
  duplicateRadiusM = 150,
  reopenWindowDays = 30,
  perDay = 5,
}: ReportServiceDeps) {
  function validate(input: NewReport) {
    const text = input.description.trim();
    if (text.length < DESCRIPTION_MIN) throw invalid('report.description_short', { min: DESCRIPTION_MIN });
    if (text.length > DESCRIPTION_MAX) throw invalid('report.description_long', { max: DESCRIPTION_MAX });
    if (input.source === 'bot' && input.evidence.length === 0) throw invalid('report.evidence_required');
    if (input.evidence.length > EVIDENCE_MAX) throw invalid('report.evidence_too_many', { max: EVIDENCE_MAX });
    if ((input.lat == null) !== (input.lon == null)) throw invalid('report.bad_location');
    if (input.lat == null && !input.address?.trim() && !input.districtId) throw invalid('report.location_required');
  }

  const service = {
    perDay,

    /** How many more reports the citizen may file today (Almaty day); bot reports only. */
    async remainingToday(citizenId: number): Promise<number> {
      const since = localMidnight(localDate(now()));
      const filed = await prisma.report.count({ where: { citizenId, source: 'bot', createdAt: { gte: since } } });
      return Math.max(0, perDay - filed);
    },

    /** Open reports of the same category nearby (or, without coordinates, in the same district with similar text). */
    async findDuplicates(
      input: { categoryId: number; regionId: number; districtId?: number | null; lat?: number | null; lon?: number | null; description: string },
      limit = 3,
    ) {
      const candidates = await prisma.report.findMany({
        where: { categoryId: input.categoryId, regionId: input.regionId, status: { in: ['new', 'in_work', 'reopened'] }, hidden: false, duplicateOfId: null },
        orderBy: { createdAt: 'desc' },
        take: 500,
      });
      const scored = candidates
        .map((r) => {
          if (input.lat != null && input.lon != null && r.lat != null && r.lon != null) {
            const d = distanceM({ lat: input.lat, lon: input.lon }, { lat: r.lat, lon: r.lon });
            return { report: r, distanceM: Math.round(d), score: d <= duplicateRadiusM ? 2 - d / duplicateRadiusM : 0 };
          }
          const sameDistrict = input.districtId != null && r.districtId === input.districtId;
          const sim = textSimilarity(input.description, r.description);
          return { report: r, distanceM: null, score: sameDistrict && sim >= 0.3 ? sim : 0 };
        })
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score);
      return scored.slice(0, limit).map(({ report, distanceM }) => ({ report, distanceM }));
    },

    /** `within` runs first in the report's own transaction: what must happen exactly when the report is filed. */
    async create(actor: Actor, input: NewReport, within?: (tx: Tx) => Promise<void>): Promise<Report> {
      validate(input);
      if (input.source === 'bot' && input.citizenId != null && (await service.remainingToday(input.citizenId)) === 0) {
        throw tooMany('report.daily_limit', { limit: perDay });
      }
      const category = await prisma.category.findUnique({ where: { id: input.categoryId } });
      if (!category || !category.active) throw invalid('report.unknown_category');
      if (input.districtId != null) {
        const d = await prisma.district.findUnique({ where: { id: input.districtId } });
        if (!d || d.regionId !== input.regionId) throw invalid('report.district_not_in_region');
      }
      const at = now();
      // The year of the number is Almaty's: a report filed at 02:00 on 1 January is next year's.
      const year = almatyYear(at);
      // The clock starts at filing (DOMAIN.md: on publication the akimat sees the report at once), so a
      // report nobody accepts still falls due and cannot be "taken off control" by being left as new.
      const dueAt = (await calendar.calendar()).addWorkingDays(at, category.deadlineDays);
      return prisma.$transaction(async (tx) => {
        if (within) await within(tx);
        const seq = await nextCounter(tx, `reports:${year}`);
        const report = await tx.report.create({
          data: {
            number: formatNumber(year, seq),
            year,
            seq,
            source: input.source,
            citizenId: input.citizenId ?? null,
            apiClientId: input.apiClientId ?? null,
            categoryId: category.id,
            regionId: input.regionId,
            districtId: input.districtId ?? null,
            departmentId: category.departmentId,
            lat: input.lat ?? null,
            lon: input.lon ?? null,
            address: input.address?.trim() || null,
            description: input.description.trim(),
            anonymous: input.anonymous ?? false,
            createdAt: at,
            dueAt,
            evidence: { create: input.evidence.map((e) => ({ ...e, addedByCitizenId: input.citizenId ?? null })) },
          },
        });
        await tx.reportEvent.create({
          data: { reportId: report.id, at, actorType: actor.type, actorId: actor.id == null ? null : String(actor.id), type: 'created', toStatus: 'new' },
        });
        await recordAudit(tx, actor, {
          action: 'report.create',
          entity: 'report',
          entityId: report.id,
          after: { number: report.number, categoryId: report.categoryId, regionId: report.regionId },
        });
        return report;
      }, SERIAL_TX);
    },

    /** The citizen supports an existing report: they follow it and it counts their support. */
    async support(citizenId: number, reportId: number): Promise<{ added: boolean }> {
      // the service clock, not the database's: support times feed the analytics and the demo's replay
      const at = now();
      return prisma.$transaction(async (tx) => {
        const report = await tx.report.findUnique({ where: { id: reportId } });
        if (!report) throw notFound('report.not_found');
        if (report.citizenId === citizenId) return { added: false };
        if (!isOpen(report.status) || report.hidden) throw conflict('report.closed');
        const existing = await tx.reportFollower.findUnique({ where: { reportId_citizenId: { reportId, citizenId } } });
        if (existing) return { added: false };
        await tx.reportFollower.create({ data: { reportId, citizenId, createdAt: at } });
        await tx.report.update({ where: { id: reportId }, data: { supportCount: { increment: 1 } } });
        await tx.reportEvent.create({ data: { reportId, at, actorType: 'citizen', actorId: String(citizenId), type: 'support' } });
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'report.support', entity: 'report', entityId: reportId });
        return { added: true };
      });
    },

    /**
     * `staff`: the staff member acting, whose scope must cover the report and the original it is marked a
     * duplicate of; checked in the transaction that changes them. None for the system and the author.
     */
    async changeStatus(actor: Actor, reportId: number, change: StatusChange, staff?: StaffPrincipal): Promise<Report> {
      const publicNote = change.publicNote?.trim() || null;
      if (publicNote && publicNote.length > NOTE_MAX) throw invalid('report.note_long', { max: NOTE_MAX });
      if (NOTE_REQUIRED.includes(change.to) && !publicNote) throw invalid('report.note_required');
      const at = now();
      const cal = await calendar.calendar();
      return prisma.$transaction(async (tx) => {
        await lockReport(tx, reportId);
        const before = await tx.report.findUnique({ where: { id: reportId }, include: { category: true } });
        if (!before) throw notFound('report.not_found');
        if (staff) assertKindCovers(REPORT, staff, before);
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
          const movers = [...people.map((p) => p.citizenId), ...(before.citizenId ? [before.citizenId] : [])].filter((c) => c !== original.citizenId);
          for (const citizenId of new Set(movers)) {
            await tx.reportFollower.upsert({
              where: { reportId_citizenId: { reportId: original.id, citizenId } },
              create: { reportId: original.id, citizenId },
              update: {},
            });
          }
          const count = await tx.reportFollower.count({ where: { reportId: original.id } });
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
        const event = await tx.reportEvent.create({
          data: {
            reportId,
            at,
            actorType: actor.type,
            actorId: actor.id == null ? null : String(actor.id),
            type: 'status',
            fromStatus: before.status,
            toStatus: change.to,
            publicNote,
            internalNote: change.internalNote?.trim() || null,
            ...(change.publicNoteByLocale ? { data: { notes: change.publicNoteByLocale } } : {}),
          },
        });
        await recordAudit(tx, actor, {
          action: `report.${change.to}`,
          entity: 'report',
          entityId: reportId,
          before: { status: before.status },
          after: { status: change.to, publicNote },
        });
        await notifyStatus(tx, i18n, {
          reportId,
          number: after.number,
          status: change.to,
          publicNote,
          publicNoteByLocale: change.publicNoteByLocale,
          eventId: event.id,
          authorOffers:
            change.to === 'resolved'
              ? (t) => [
                  [
                    confirmFix.offer(t('reports:confirm.fixed'), { answer: 'ok', reportId }),
                    confirmFix.offer(t('reports:confirm.not_fixed'), { answer: 'no', reportId }),
                  ],
                ]
              : undefined,
        });
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

export type ReportService = ReturnType<typeof createReportService>;
