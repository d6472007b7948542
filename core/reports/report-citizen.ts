// The citizen's side of civic control: the draft being composed (report-drafts.ts: saved answer by answer,
// so nothing entered is ever lost), "My reports" with its public history, and comments or evidence added later.
import type { Prisma, PrismaClient, Report } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import type { ChatState } from '../chat-state/chat-state.ts';
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { isOpen } from './report-status.ts';
import type { PublicChanges } from '../portal/public-changes.ts';
import { EVIDENCE_MAX, type EvidenceInput, type ReportService } from './report-service.ts';
import { draftKey, writeKey } from './report-draft-unit.ts';
import { createReportDrafts } from './report-drafts.ts';

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

  const drafts = createReportDrafts({ prisma, reports, now, chatState });

  const service = {
    ...drafts,

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
