// The citizen's side of civic control: the draft being composed (saved answer by answer, so nothing
// entered is ever lost), "My reports" with its public history, and comments or evidence added later.
import type { Prisma, PrismaClient, Report } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import type { ChatState, UnitStart } from '../chat-state/chat-state.ts';
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { localDate, localMidnight } from '../calendar/local-time.ts';
import { isOpen } from './report-status.ts';
import type { PublicChanges } from '../portal/public-changes.ts';
import { EVIDENCE_MAX, type EvidenceInput, type ReportService } from './report-service.ts';
import { draftFromRead, draftKey, draftRead, draftWriteSql, EMPTY_FIELDS, mergeWrite, todayKey, writeKey, type DraftPatch, type DraftWrite } from './report-draft-unit.ts';

export const COMMENT_MIN = 2;
export const COMMENT_MAX = 2000;
/** Evidence a report may gather over its life: the first batch plus later additions. */
export const EVIDENCE_TOTAL_MAX = EVIDENCE_MAX * 3;

export interface DraftFields {
  categoryId: number | null;
  regionId: number | null;
  districtId: number | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  description: string | null;
  /** null until the citizen has answered */
  anonymous: boolean | null;
}

export interface Draft extends DraftFields {
  evidence: EvidenceInput[];
  updatedAt: Date;
}

export interface MyReportItem {
  id: number;
  number: string;
  status: ReportStatus;
  categoryId: number;
  createdAt: Date;
  own: boolean;
}

export interface HistoryEntry {
  at: Date;
  type: string;
  toStatus: ReportStatus | null;
  note: string | null;
  /** written by the author (a comment or added evidence) */
  byAuthor: boolean;
  evidenceCount?: number;
}

export interface MyReportDetail {
  report: Report;
  own: boolean;
  evidenceCount: number;
  history: HistoryEntry[];
  /** the author may still add comments and evidence */
  canAdd: boolean;
}

/** Event types the citizen sees; assignments, hiding and internal notes stay with staff. */
const PUBLIC_EVENTS = ['created', 'status', 'comment', 'evidence', 'merge'];

function toDraft(row: Prisma.ReportDraftGetPayload<object>): Draft {
  const { citizenId: _c, createdAt: _a, evidence, ...fields } = row;
  return { ...fields, evidence: (evidence as unknown as EvidenceInput[]) ?? [] };
}

export function createReportCitizenService({
  prisma,
  reports,
  now = () => new Date(),
  publicChanges,
  chatState,
}: {
  prisma: PrismaClient;
  reports: ReportService;
  /**
   * keeps the draft for the rest of the bot's update once read or saved (the flow reads it again after each
   * step), and writes its changes with the update's chat state (report-draft-unit.ts)
   */
  chatState?: Pick<ChatState, 'recall' | 'remember' | 'defer' | 'deferred' | 'inUnit'>;
  now?: () => Date;
  /** told when the author shows or hides their name, so the portal's page follows at once */
  publicChanges?: PublicChanges;
}) {
  async function ownOpenReport(citizenId: number, reportId: number): Promise<Report> {
    const report = await prisma.report.findUnique({ where: { id: reportId } });
    if (!report || report.citizenId !== citizenId) throw notFound('report.not_found');
    if (!isOpen(report.status)) throw conflict('report.closed');
    return report;
  }

  // Within one update of the citizen's chat (a chat-state unit) nothing else writes their draft: what was read
  // or written is read again from there. Every write below keeps or forgets it.
  const keep = (citizenId: number, draft: Draft | null | undefined) => chatState?.remember(draftKey(citizenId), draft);
  const inUnit = () => chatState?.inUnit() === true;

  /** Inside a unit: the change joins the unit's merged write of the draft (report-draft-unit.ts). */
  function deferWrite(citizenId: number, w: DraftWrite): void {
    chatState!.defer(draftKey(citizenId), draftWriteSql(citizenId, w));
    chatState!.remember(writeKey(citizenId), w);
  }

  /** Inside a unit: the draft patched in memory, written at the unit's end. */
  async function patchInUnit(citizenId: number, patch: DraftPatch): Promise<Draft> {
    const before = await service.getDraft(citizenId);
    const at = now();
    deferWrite(citizenId, mergeWrite(chatState!.recall<DraftWrite>(writeKey(citizenId)), patch, at));
    const draft: Draft = { ...EMPTY_FIELDS, evidence: [], ...before, ...patch, updatedAt: at };
    keep(citizenId, draft);
    return draft;
  }

  /** A change the unit has not written yet goes to the database now (before the draft is filed). */
  async function flushDeferred(citizenId: number): Promise<void> {
    const sql = chatState?.deferred(draftKey(citizenId));
    if (!sql) return;
    await prisma.$executeRaw(sql);
    chatState!.defer(draftKey(citizenId), null);
    chatState!.remember(writeKey(citizenId), undefined);
  }

  const service = {
    async getDraft(citizenId: number): Promise<Draft | null> {
      const kept = chatState?.recall<Draft | null>(draftKey(citizenId));
      if (kept !== undefined) return kept;
      const row = await prisma.reportDraft.findUnique({ where: { citizenId } });
      const draft = row ? toDraft(row) : null;
      keep(citizenId, draft);
      return draft;
    },

    /**
     * The draft of the citizen with this Telegram id, read in a bot update's first statement (core/chat-state):
     * `reads` goes into the unit's parts; `keep` makes it what getDraft answers for the rest of the update.
     */
    inUnit(telegramId: number | bigint) {
      return {
        reads: { reportDraft: draftRead(telegramId, localMidnight(localDate(now()))) },
        keep(start: UnitStart, citizenId: number) {
          const row = start.reads.reportDraft;
          if (!row || (row.citizenId != null && row.citizenId !== citizenId)) return;
          keep(citizenId, draftFromRead(row));
          chatState?.remember(todayKey(citizenId), row.filedToday);
        },
      };
    },

    /** How many more reports the citizen may file today (reports.remainingToday), as the bot's update read it. */
    async remainingToday(citizenId: number): Promise<number> {
      const filed = chatState?.recall<number>(todayKey(citizenId));
      return filed === undefined ? reports.remainingToday(citizenId) : Math.max(0, reports.perDay - filed);
    },

    async saveDraft(citizenId: number, patch: Partial<DraftFields>): Promise<Draft> {
      if (inUnit()) return patchInUnit(citizenId, patch);
      keep(citizenId, undefined);
      const row = await prisma.reportDraft.upsert({ where: { citizenId }, create: { citizenId, ...patch }, update: patch });
      const draft = toDraft(row);
      keep(citizenId, draft);
      return draft;
    },

    /** Adds one file to the draft; a file already there (same unique id, e.g. a resent album) is not added twice. */
    async addDraftEvidence(citizenId: number, item: EvidenceInput): Promise<{ count: number; added: boolean }> {
      const draft = (await service.getDraft(citizenId)) ?? (await service.saveDraft(citizenId, {}));
      const dup = item.fileUniqueId && draft.evidence.some((e) => e.fileUniqueId === item.fileUniqueId);
      if (dup || draft.evidence.length >= EVIDENCE_MAX) return { count: draft.evidence.length, added: false };
      const evidence = [...draft.evidence, item];
      if (inUnit()) {
        await patchInUnit(citizenId, { evidence });
        return { count: evidence.length, added: true };
      }
      keep(citizenId, undefined);
      const row = await prisma.reportDraft.update({ where: { citizenId }, data: { evidence: evidence as unknown as Prisma.InputJsonValue } });
      keep(citizenId, toDraft(row));
      return { count: evidence.length, added: true };
    },

    async clearDraftEvidence(citizenId: number): Promise<void> {
      if (inUnit()) {
        if (await service.getDraft(citizenId)) await patchInUnit(citizenId, { evidence: [] });
        return;
      }
      keep(citizenId, undefined);
      await prisma.reportDraft.updateMany({ where: { citizenId }, data: { evidence: [] } });
    },

    async discardDraft(citizenId: number): Promise<void> {
      if (inUnit()) {
        deferWrite(citizenId, { kind: 'delete' });
        keep(citizenId, null);
        return;
      }
      keep(citizenId, undefined);
      await prisma.reportDraft.deleteMany({ where: { citizenId } });
      keep(citizenId, null);
    },

    /**
     * Files the draft as a report. The draft goes in the report's own transaction: a connection lost right
     * after the report was written cannot leave the draft behind to be filed a second time, and of two
     * submissions at once (an update handled twice) only the one that removed the draft files a report.
     */
    async submitDraft(citizenId: number): Promise<Report> {
      const d = await service.getDraft(citizenId);
      if (!d || d.categoryId == null || d.regionId == null || d.description == null) throw invalid('report.draft_incomplete');
      // The filing's transaction removes the draft's row: it must be written by then.
      await flushDeferred(citizenId);
      keep(citizenId, undefined);
      const report = await reports.create(
        { type: 'citizen', id: citizenId },
        {
          source: 'bot',
          citizenId,
          categoryId: d.categoryId,
          regionId: d.regionId,
          districtId: d.districtId,
          lat: d.lat,
          lon: d.lon,
          address: d.address,
          description: d.description,
          anonymous: d.anonymous ?? false,
          showName: d.anonymous === false,
          evidence: d.evidence,
        },
        async (tx) => {
          const { count } = await tx.reportDraft.deleteMany({ where: { citizenId } });
          if (count === 0) throw invalid('report.draft_incomplete');
        },
      );
      keep(citizenId, null);
      chatState?.remember(todayKey(citizenId), undefined);
      return report;
    },

    /** Supporting an existing report instead of filing the draft: the draft is no longer needed. */
    async supportInsteadOfDraft(citizenId: number, reportId: number): Promise<{ added: boolean; report: Report }> {
      const result = await reports.support(citizenId, reportId);
      await service.discardDraft(citizenId);
      const report = await prisma.report.findUniqueOrThrow({ where: { id: reportId } });
      return { ...result, report };
    },

    /** The citizen's own reports and those they support, newest first. */
    async list(citizenId: number, { offset = 0, limit = 8 }: { offset?: number; limit?: number } = {}): Promise<{ items: MyReportItem[]; total: number }> {
      const where: Prisma.ReportWhereInput = { OR: [{ citizenId }, { followers: { some: { citizenId } } }] };
      const [rows, total] = await Promise.all([
        prisma.report.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: offset,
          take: limit,
          select: { id: true, number: true, status: true, categoryId: true, createdAt: true, citizenId: true },
        }),
        prisma.report.count({ where }),
      ]);
      return { items: rows.map(({ citizenId: author, ...r }) => ({ ...r, own: author === citizenId })), total };
    },

    /** The author shows or hides their name on the report's public page (from My reports). */
    async setShowName(citizenId: number, reportId: number, showName: boolean): Promise<Report> {
      const report = await prisma.$transaction(async (tx) => {
        const before = await tx.report.findUnique({ where: { id: reportId } });
        if (!before || before.citizenId !== citizenId) throw notFound('report.not_found');
        const after = await tx.report.update({ where: { id: reportId }, data: { showName, anonymous: !showName } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'report.show_name', entity: 'report', entityId: reportId, before: { showName: before.showName }, after: { showName } },
        );
        return after;
      });
      publicChanges?.changed({ kind: 'report', number: report.number });
      return report;
    },

    async detail(citizenId: number, reportId: number, locale: string = 'ru'): Promise<MyReportDetail> {
      const report = await prisma.report.findUnique({
        where: { id: reportId },
        include: {
          _count: { select: { evidence: true } },
          followers: { where: { citizenId }, select: { citizenId: true } },
          events: { where: { type: { in: PUBLIC_EVENTS } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        },
      });
      const own = report?.citizenId === citizenId;
      if (!report || (!own && report.followers.length === 0)) throw notFound('report.not_found');
      const { _count, followers: _f, events, ...plain } = report;
      const author = String(report.citizenId);
      return {
        report: plain,
        own,
        evidenceCount: _count.evidence,
        canAdd: own && isOpen(report.status),
        history: events.map((e) => ({
          at: e.at,
          type: e.type,
          toStatus: e.toStatus,
          // A template's note exists in both languages: each reader gets theirs.
          note: (e.data as { notes?: Record<string, string> } | null)?.notes?.[locale] ?? e.publicNote,
          byAuthor: e.actorType === 'citizen' && e.actorId === author,
          ...(e.type === 'evidence' ? { evidenceCount: Number((e.data as { count?: number } | null)?.count ?? 0) } : {}),
        })),
      };
    },

    /**
     * Before the citizen adds to their report: its number, and how many more files it takes, or -1 when it
     * is not theirs or no longer open (an old button may point at a report closed since).
     */
    async evidenceRoom(citizenId: number, reportId: number): Promise<{ number: string; room: number }> {
      const report = await prisma.report.findUnique({
        where: { id: reportId },
        select: { number: true, status: true, citizenId: true, _count: { select: { evidence: true } } },
      });
      const open = report != null && report.citizenId === citizenId && isOpen(report.status);
      return { number: report?.number ?? '', room: open ? Math.max(0, EVIDENCE_TOTAL_MAX - report._count.evidence) : -1 };
    },

    async comment(citizenId: number, reportId: number, text: string): Promise<void> {
      const body = text.trim();
      if (body.length < COMMENT_MIN) throw invalid('report.comment_short', { min: COMMENT_MIN });
      if (body.length > COMMENT_MAX) throw invalid('report.comment_long', { max: COMMENT_MAX });
      await ownOpenReport(citizenId, reportId);
      const at = now();
      await prisma.$transaction(async (tx) => {
        await tx.reportEvent.create({ data: { reportId, at, actorType: 'citizen', actorId: String(citizenId), type: 'comment', publicNote: body } });
        // Touching updatedAt puts the report back in front of the operator (and re-renders the staff-group message).
        await tx.report.update({ where: { id: reportId }, data: { updatedAt: at } });
        await recordAudit(tx, { type: 'citizen', id: citizenId }, { action: 'report.comment', entity: 'report', entityId: reportId });
      });
    },

    async addEvidence(citizenId: number, reportId: number, items: EvidenceInput[]): Promise<{ count: number }> {
      if (items.length === 0) throw invalid('report.evidence_required');
      await ownOpenReport(citizenId, reportId);
      const at = now();
      return prisma.$transaction(async (tx) => {
        const have = await tx.reportEvidence.count({ where: { reportId } });
        if (have + items.length > EVIDENCE_TOTAL_MAX) throw invalid('report.evidence_too_many', { max: EVIDENCE_TOTAL_MAX });
        await tx.reportEvidence.createMany({ data: items.map((e) => ({ ...e, reportId, addedByCitizenId: citizenId, createdAt: at })) });
        await tx.reportEvent.create({
          data: { reportId, at, actorType: 'citizen', actorId: String(citizenId), type: 'evidence', data: { count: items.length } },
        });
        await tx.report.update({ where: { id: reportId }, data: { updatedAt: at } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'report.evidence', entity: 'report', entityId: reportId, after: { count: items.length } },
        );
        return { count: have + items.length };
      });
    },
  };
  return service;
}

/**
 * What /mydata shows of civic control, and what /deletedata removes: the draft and the subscriptions. A draft
 * kept or about to be written by the bot's update (/deletedata's own) is forgotten with the row.
 */
export const reportPersonalData = (chatState?: Pick<ChatState, 'remember' | 'defer'>): PersonalDataSection => ({
  key: 'reports',
  async describe(tx, citizenId) {
    // One connection serves a transaction: its queries go one after another (pg 9 refuses overlapping ones).
    const filed = await tx.report.count({ where: { citizenId } });
    const following = await tx.reportFollower.count({ where: { citizenId } });
    const draft = await tx.reportDraft.count({ where: { citizenId } });
    return filed + following + draft === 0 ? null : { filed, following, draft };
  },
  // Filed reports stay (they are the akimat's case files and the statistics); the citizen row they
  // point to is anonymised by the citizen service.
  async erase(tx, citizenId) {
    chatState?.defer(draftKey(citizenId), null);
    chatState?.remember(writeKey(citizenId), undefined);
    chatState?.remember(draftKey(citizenId), undefined);
    await tx.reportDraft.deleteMany({ where: { citizenId } });
    await tx.reportFollower.deleteMany({ where: { citizenId } });
  },
});
