// A resident's public comments on a report, through the bot: the draft saved answer by answer (text, then whether
// to show their name), sending it while the report is open and in public view, flags on others' comments (enough
// flags from different citizens hide one pending a moderator, unless a moderator already kept it; the author is
// told), and the visible comments anyone may read, with phones, e-mails and ИИН/БИН masked.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { OPEN_STATUSES, PUBLIC_STATUSES } from '../initiatives/initiative-status.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { PublicChanges } from '../portal/public-changes.ts';
import { redact } from '../reports/report-public.ts';
import { isOpen } from '../reports/report-status.ts';
import { COMMENT_AUTHOR } from './comment-access.ts';
import { tellCommentAuthor } from './comment-notify.ts';
import { PUBLIC_COMMENT_FLAGS_TO_HIDE, PUBLIC_COMMENT_MAX, PUBLIC_COMMENT_MIN, PUBLIC_COMMENT_NAME_MAX, PUBLIC_COMMENT_PAGE } from './comment-rules.ts';

export interface PublicCommentView {
  id: number;
  /** null: the author chose not to show their name, or erased their data */
  authorName: string | null;
  text: string;
  language: string;
  createdAt: Date;
}

export interface CommentDraftView {
  reportId: number | null;
  /** set instead of reportId for a comment on a civic initiative */
  initiativeId: number | null;
  text: string | null;
  showName: boolean | null;
  updatedAt: Date;
}

interface Deps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  flagsToHide?: number;
  publicChanges?: PublicChanges;
}

/** A report open to ideas: in public view and still being worked on (seed 002: ideas on how to solve it). */
async function openReport(db: Pick<PrismaClient, 'report'>, reportId: number) {
  const r = await db.report.findUnique({ where: { id: reportId }, select: { id: true, number: true, status: true, hidden: true } });
  if (!r || r.hidden) throw notFound('report.not_found');
  if (!isOpen(r.status)) throw conflict('public_comment.report_closed', { number: r.number });
  return r;
}

/** An initiative open to comments: published or being carried out (issue 18). */
async function openInitiative(db: Pick<PrismaClient, 'initiative'>, initiativeId: number) {
  const i = await db.initiative.findUnique({ where: { id: initiativeId }, select: { id: true, status: true } });
  if (!i || !['published', 'in_progress', 'implemented'].includes(i.status)) throw notFound('initiative.not_found');
  if (!OPEN_STATUSES.includes(i.status)) throw conflict('initiative.not_open', { status: i.status });
  return i;
}

export function createCommentCitizenService({ prisma, i18n, now, flagsToHide = PUBLIC_COMMENT_FLAGS_TO_HIDE, publicChanges }: Deps) {
  const changed = (number: string) => publicChanges?.changed({ kind: 'report', number });
  return {
    async getDraft(citizenId: number): Promise<CommentDraftView | null> {
      return prisma.publicCommentDraft.findUnique({
        where: { citizenId },
        select: { reportId: true, initiativeId: true, text: true, showName: true, updatedAt: true },
      });
    },

    /** Starts (or keeps, for the same report) the citizen's draft; refuses a closed or hidden report. */
    async startDraft(citizenId: number, reportId: number): Promise<CommentDraftView> {
      await openReport(prisma, reportId);
      const d = await prisma.publicCommentDraft.findUnique({ where: { citizenId } });
      if (d && d.reportId === reportId) return { reportId, initiativeId: null, text: d.text, showName: d.showName, updatedAt: d.updatedAt };
      const made = await prisma.publicCommentDraft.upsert({
        where: { citizenId },
        create: { citizenId, reportId },
        update: { reportId, initiativeId: null, text: null, showName: null },
      });
      return { reportId, initiativeId: null, text: null, showName: null, updatedAt: made.updatedAt };
    },

    /** Starts (or keeps, for the same initiative) the citizen's draft on a civic initiative open to comments. */
    async startInitiativeDraft(citizenId: number, initiativeId: number): Promise<CommentDraftView> {
      await openInitiative(prisma, initiativeId);
      const d = await prisma.publicCommentDraft.findUnique({ where: { citizenId } });
      if (d && d.initiativeId === initiativeId) return { reportId: null, initiativeId, text: d.text, showName: d.showName, updatedAt: d.updatedAt };
      const made = await prisma.publicCommentDraft.upsert({
        where: { citizenId },
        create: { citizenId, initiativeId },
        update: { reportId: null, initiativeId, text: null, showName: null },
      });
      return { reportId: null, initiativeId, text: null, showName: null, updatedAt: made.updatedAt };
    },

    async saveText(citizenId: number, text: string): Promise<void> {
      const t = text.trim();
      if (t.length < PUBLIC_COMMENT_MIN) throw invalid('public_comment.short', { min: PUBLIC_COMMENT_MIN, len: t.length });
      if (t.length > PUBLIC_COMMENT_MAX) throw invalid('public_comment.long', { max: PUBLIC_COMMENT_MAX, len: t.length });
      await prisma.publicCommentDraft.update({ where: { citizenId }, data: { text: t } });
    },

    async saveShowName(citizenId: number, showName: boolean): Promise<void> {
      await prisma.publicCommentDraft.update({ where: { citizenId }, data: { showName } });
    },

    async discardDraft(citizenId: number): Promise<void> {
      await prisma.publicCommentDraft.deleteMany({ where: { citizenId } });
    },

    /** Sends the draft: visible at once (post-moderation), the name only if the author chose to show it. */
    async submit(citizenId: number, language: string): Promise<{ id: number; number: string | null; initiativeId: number | null }> {
      const at = now();
      const made = await prisma.$transaction(async (tx) => {
        const d = await tx.publicCommentDraft.findUnique({ where: { citizenId } });
        // Exactly one subject: a report or an initiative (Prisma cannot carry the CHECK).
        if ((d?.reportId == null) === (d?.initiativeId == null) || !d?.text || d.showName == null) throw invalid('public_comment.draft_incomplete');
        const report = d.reportId != null ? await openReport(tx, d.reportId) : null;
        const initiative = d.initiativeId != null ? await openInitiative(tx, d.initiativeId) : null;
        const citizen = await tx.citizen.findUnique({ where: { id: citizenId }, select: { name: true } });
        const name = d.showName ? citizen?.name?.trim().slice(0, PUBLIC_COMMENT_NAME_MAX) || null : null;
        const c = await tx.publicComment.create({
          data: {
            reportId: report?.id ?? null,
            initiativeId: initiative?.id ?? null,
            citizenId,
            authorName: name,
            text: d.text,
            language: language === 'kk' ? 'kk' : 'ru',
            createdAt: at,
          },
        });
        await tx.publicCommentDraft.delete({ where: { citizenId } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          {
            action: 'comment.create',
            entity: 'public_comment',
            entityId: c.id,
            after: { reportId: report?.id ?? null, initiativeId: initiative?.id ?? null, showName: d.showName },
          },
        );
        return { id: c.id, number: report?.number ?? null, initiativeId: initiative?.id ?? null };
      });
      if (made.number) changed(made.number);
      // The initiative's public page shows the comment at once (server/portal/initiative-routes.tsx purges it).
      if (made.initiativeId) publicChanges?.changed({ kind: 'initiative', id: made.initiativeId });
      return made;
    },

    /**
     * A citizen flags someone else's visible comment, once. At `flagsToHide` different citizens it is hidden pending
     * a moderator (unless a moderator already kept it); the text is kept and the author told.
     */
    async flag(citizenId: number, commentId: number): Promise<{ flagged: boolean; hidden: boolean }> {
      const at = now();
      const result = await prisma.$transaction(async (tx) => {
        const c = await tx.publicComment.findUnique({
          where: { id: commentId },
          include: { ...COMMENT_AUTHOR, report: { select: { number: true, hidden: true } }, initiative: { select: { title: true, status: true } } },
        });
        const publicSubject = c?.report ? !c.report.hidden : !!c?.initiative && PUBLIC_STATUSES.includes(c.initiative.status);
        if (!c || c.hidden || !publicSubject) throw notFound('public_comment.not_found');
        if (c.citizenId === citizenId) throw invalid('public_comment.flag_own');
        const { count } = await tx.publicCommentFlag.createMany({ data: [{ commentId, citizenId, createdAt: at }], skipDuplicates: true });
        if (count === 0) return { flagged: false, hidden: false, number: c.report?.number ?? null };
        const after = await tx.publicComment.update({ where: { id: commentId }, data: { flagCount: { increment: 1 } } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'comment.flag', entity: 'public_comment', entityId: commentId, after: { flagCount: after.flagCount } },
        );
        if (after.flagCount < flagsToHide || after.moderatedAt !== null) return { flagged: true, hidden: false, number: c.report?.number ?? null };
        const hid = await tx.publicComment.updateMany({ where: { id: commentId, hidden: false, moderatedAt: null }, data: { hidden: true, hiddenAt: at } });
        if (hid.count === 0) return { flagged: true, hidden: false, number: c.report?.number ?? null };
        await tellCommentAuthor(tx, i18n, c, 'hidden', at);
        await recordAudit(
          tx,
          { type: 'system' },
          { action: 'comment.auto_hide', entity: 'public_comment', entityId: commentId, after: { flagCount: after.flagCount, threshold: flagsToHide } },
        );
        return { flagged: true, hidden: true, number: c.report?.number ?? null };
      });
      if (result.hidden && result.number) changed(result.number);
      const initiativeId =
        result.hidden && !result.number
          ? (await prisma.publicComment.findUnique({ where: { id: commentId }, select: { initiativeId: true } }))?.initiativeId
          : null;
      if (initiativeId) publicChanges?.changed({ kind: 'initiative', id: initiativeId });
      return { flagged: result.flagged, hidden: result.hidden };
    },
  };
}

/**
 * The visible comments on a public report (or, given `{ initiativeId }`, on a public initiative), oldest first,
 * masked; `total` counts every visible one.
 */
export async function visibleComments(
  prisma: PrismaClient,
  subject: number | { initiativeId: number },
  page: { offset?: number; limit?: number; newestFirst?: boolean } = {},
): Promise<{ items: PublicCommentView[]; total: number }> {
  const where: Prisma.PublicCommentWhereInput =
    typeof subject === 'number'
      ? { reportId: subject, hidden: false, report: { hidden: false } }
      : { initiativeId: subject.initiativeId, hidden: false, initiative: { status: { in: [...PUBLIC_STATUSES] } } };
  const [rows, total] = await Promise.all([
    prisma.publicComment.findMany({
      where,
      orderBy: [{ createdAt: page.newestFirst ? 'desc' : 'asc' }, { id: page.newestFirst ? 'desc' : 'asc' }],
      skip: page.offset ?? 0,
      take: page.limit ?? PUBLIC_COMMENT_PAGE,
      select: { id: true, authorName: true, text: true, language: true, createdAt: true },
    }),
    prisma.publicComment.count({ where }),
  ]);
  return { items: rows.map((r) => ({ ...r, text: redact(r.text) })), total };
}
