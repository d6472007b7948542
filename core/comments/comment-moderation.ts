// Moderators (and admins) on public comments, within their region and district: the queue (hidden by flags and
// waiting, or everything recent), hiding a comment (a note to the author is required, also for a visible one) and
// restoring one (a restored comment is not hidden by flags again). The text is always kept; the author hears each
// decision in their language; every decision is audited; the report's public page forgets the comment at once.
import type { i18n } from 'i18next';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, invalid } from '../errors.ts';
import type { PublicChanges } from '../portal/public-changes.ts';
import { coverWhere, requireRole, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { COMMENT_MODERATORS, PUBLIC_COMMENT } from './comment-access.ts';
import { tellCommentAuthor } from './comment-notify.ts';
import { PUBLIC_COMMENT_NOTE_MAX } from './comment-rules.ts';

export type ModerationFilter = 'pending' | 'visible' | 'removed' | 'all';

export interface ModeratedComment {
  id: number;
  reportId: number | null;
  reportNumber: string | null;
  /** a comment on a civic initiative (issue 18) instead of a report */
  initiativeId: number | null;
  initiativeTitle: string | null;
  authorName: string | null;
  text: string;
  language: string;
  createdAt: Date;
  flagCount: number;
  state: 'visible' | 'pending' | 'removed';
  moderatedAt: Date | null;
  moderationNote: string | null;
}

const stateOf = (c: { hidden: boolean; moderatedAt: Date | null }): ModeratedComment['state'] =>
  !c.hidden ? 'visible' : c.moderatedAt ? 'removed' : 'pending';

const FILTERS: Record<ModerationFilter, Prisma.PublicCommentWhereInput> = {
  pending: { hidden: true, moderatedAt: null },
  visible: { hidden: false },
  removed: { hidden: true, moderatedAt: { not: null } },
  all: {},
};

export function createCommentModerationService({
  prisma,
  i18n,
  now,
  publicChanges,
}: {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  publicChanges?: PublicChanges;
}) {
  return {
    /** A page of comments in the moderator's scope, newest first (pending ones by when they were hidden). */
    async list(p: StaffPrincipal, filter: ModerationFilter, page: { offset: number; limit: number }): Promise<{ items: ModeratedComment[]; total: number }> {
      requireRole(p, COMMENT_MODERATORS);
      // Comments on reports and on initiatives, each where its subject sits; a moderator of the whole country sees
      // all (an empty cover inside OR matched nothing, which emptied their queue).
      const cover = coverWhere(SCOPES.place, p);
      const where: Prisma.PublicCommentWhereInput = {
        ...FILTERS[filter],
        ...(Object.keys(cover).length === 0
          ? {}
          : { OR: [{ report: cover as Prisma.ReportWhereInput }, { initiative: cover as Prisma.InitiativeWhereInput }] }),
      };
      const [rows, total] = await Promise.all([
        prisma.publicComment.findMany({
          where,
          orderBy: filter === 'pending' ? [{ hiddenAt: 'asc' }, { id: 'asc' }] : [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: page.offset,
          take: page.limit,
          include: { report: { select: { number: true } }, initiative: { select: { title: true } } },
        }),
        prisma.publicComment.count({ where }),
      ]);
      return {
        items: rows.map((c) => ({
          id: c.id,
          reportId: c.reportId,
          reportNumber: c.report?.number ?? null,
          initiativeId: c.initiativeId,
          initiativeTitle: c.initiative?.title ?? null,
          authorName: c.authorName,
          text: c.text,
          language: c.language,
          createdAt: c.createdAt,
          flagCount: c.flagCount,
          state: stateOf(c),
          moderatedAt: c.moderatedAt,
          moderationNote: c.moderationNote,
        })),
        total,
      };
    },

    async moderate(actor: Actor, p: StaffPrincipal, commentId: number, action: 'hide' | 'restore', note?: string | null): Promise<ModeratedComment['state']> {
      requireRole(p, COMMENT_MODERATORS);
      const text = note?.trim() || null;
      if (action === 'hide' && !text) throw invalid('public_comment.note_required');
      if (text && text.length > PUBLIC_COMMENT_NOTE_MAX) throw invalid('public_comment.note_long', { max: PUBLIC_COMMENT_NOTE_MAX });
      const at = now();
      const after = await prisma.$transaction(async (tx) => {
        const before = await loadInScope(tx, p, PUBLIC_COMMENT, commentId);
        if (action === 'hide' && stateOf(before) === 'removed') throw conflict('public_comment.already_removed');
        if (action === 'restore' && !before.hidden) throw conflict('public_comment.not_hidden');
        const after = await tx.publicComment.update({
          where: { id: commentId },
          data: {
            hidden: action === 'hide',
            hiddenAt: action === 'hide' ? (before.hiddenAt ?? at) : before.hiddenAt,
            moderatedAt: at,
            moderatedById: p.id,
            moderationNote: text,
          },
        });
        await tellCommentAuthor(tx, i18n, before, action === 'hide' ? 'removed' : 'restored', at, action === 'hide' ? text : null);
        await recordAudit(tx, actor, {
          action: `comment.${action}`,
          entity: 'public_comment',
          entityId: commentId,
          before: { hidden: before.hidden, moderatedAt: before.moderatedAt },
          after: { hidden: after.hidden, note: text },
        });
        return { state: stateOf(after), number: before.report?.number, initiativeId: before.initiativeId };
      });
      if (after.number) publicChanges?.changed({ kind: 'report', number: after.number });
      if (after.initiativeId) publicChanges?.changed({ kind: 'initiative', id: after.initiativeId });
      return after.state;
    },
  };
}
