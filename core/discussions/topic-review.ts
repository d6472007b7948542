// After the end: a decision on every comment, with reasons for anything not accepted, and the topic marked
// reviewed, which tells each author the outcome. DOMAIN.md: "Within 3 working days after the end, the body
// accepts or rejects every comment with reasons". Moderation (hide, restore) lives here too: it decides which
// comments are part of the record that is reviewed.
import type { i18n } from 'i18next';
import type { DiscussionComment, PrismaClient } from '../../generated/prisma/client.ts';
import type { CommentDecision } from '../../generated/prisma/enums.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { coverWhere, requireRole, SCOPES, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { AUTHOR, COMMENT, MODERATORS } from './discussion-access.ts';
import { notifyReviewResults, tellCommentAuthor } from './discussion-notify.ts';
import { hasEnded, isPendingModeration, isRemoved, MODERATION_NOTE_MAX, REASON_MAX } from './discussion-rules.ts';
import type { TopicAdminService } from './topic-admin.ts';
import { TOPIC_NAMES } from './topic-text.ts';

export interface DecisionInput {
  decision: CommentDecision;
  /** required unless accepted */
  reason?: string | null;
}

/** A comment still missing what the review needs: a decision, and a reason unless it was accepted. */
export const lacksDecision = (c: Pick<DiscussionComment, 'decision' | 'decisionReason'>) =>
  c.decision === null || (c.decision !== 'accepted' && !c.decisionReason);

export function createTopicReviewService({ prisma, topics, i18n, now }: { prisma: PrismaClient; topics: TopicAdminService; i18n: i18n; now: () => Date }) {
  /** The managed topic, closed if its end has passed (the job may not have run yet), and not yet reviewed. */
  async function reviewable(p: StaffPrincipal, topicId: number) {
    let topic = await topics.managed(p, topicId);
    if (!hasEnded(topic, now())) throw conflict('discussion.still_open', { end: topic.endsAt ? formatLocalDateTime(topic.endsAt) : '—' });
    if (topic.status === 'open') {
      await topics.closeEnded(topicId);
      topic = await topics.named(topicId);
    }
    if (topic.status === 'reviewed') throw conflict('discussion.already_reviewed');
    return topic;
  }

  async function comment(commentId: number, topicId?: number) {
    const c = await prisma.discussionComment.findUnique({ where: { id: commentId }, include: { ...AUTHOR, topic: { include: TOPIC_NAMES } } });
    if (!c || (topicId !== undefined && c.topicId !== topicId)) throw notFound('discussion.comment_not_found');
    return c;
  }

  return {
    async decide(actor: Actor, p: StaffPrincipal, topicId: number, commentId: number, input: DecisionInput): Promise<DiscussionComment> {
      await reviewable(p, topicId);
      const before = await comment(commentId, topicId);
      if (isRemoved(before)) throw conflict('discussion.comment_removed');
      const reason = input.reason?.trim() || null;
      if (input.decision !== 'accepted' && !reason) throw invalid('discussion.reason_required');
      if (reason && reason.length > REASON_MAX) throw invalid('discussion.reason_long', { max: REASON_MAX });
      return prisma.$transaction(async (tx) => {
        const after = await tx.discussionComment.update({
          where: { id: commentId },
          data: { decision: input.decision, decisionReason: reason, decidedById: p.id, decidedAt: now() },
        });
        await recordAudit(tx, actor, {
          action: 'discussion.decide',
          entity: 'discussion_comment',
          entityId: commentId,
          before: { decision: before.decision, reason: before.decisionReason },
          after: { decision: after.decision, reason: after.decisionReason },
        });
        return after;
      });
    },

    /**
     * Marks the review done, once every comment has its decision (and a reason unless accepted) and none
     * waits for a moderator; each author then hears the outcome in their language.
     */
    async complete(actor: Actor, p: StaffPrincipal, topicId: number): Promise<{ notified: number }> {
      const topic = await reviewable(p, topicId);
      return prisma.$transaction(async (tx) => {
        const comments = await tx.discussionComment.findMany({ where: { topicId }, include: AUTHOR, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
        const pending = comments.filter(isPendingModeration).length;
        if (pending > 0) throw conflict('discussion.moderation_pending', { count: pending });
        const considered = comments.filter((c) => !isRemoved(c));
        const missing = considered.filter(lacksDecision).length;
        if (missing > 0) throw conflict('discussion.review_incomplete', { count: missing, total: considered.length });
        const at = now();
        const { count } = await tx.discussionTopic.updateMany({ where: { id: topicId, status: 'closed' }, data: { status: 'reviewed', reviewedAt: at } });
        if (count === 0) throw conflict('discussion.already_reviewed');
        const notified = await notifyReviewResults(tx, i18n, topic, considered, at);
        await tx.discussionComment.updateMany({ where: { id: { in: considered.map((c) => c.id) } }, data: { notifiedAt: at } });
        await recordAudit(tx, actor, {
          action: 'discussion.reviewed',
          entity: 'discussion_topic',
          entityId: topicId,
          before: { status: 'closed' },
          after: { status: 'reviewed', reviewedAt: at, comments: considered.length, notified },
        });
        return { notified };
      });
    },

    /** Comments hidden by citizens' flags, oldest first, for moderators: of the topics in their region. */
    async pending(p: StaffPrincipal) {
      requireRole(p, MODERATORS);
      return prisma.discussionComment.findMany({
        where: { hidden: true, moderatedAt: null, topic: coverWhere(SCOPES.region, p) },
        include: { topic: { select: { id: true, titleKk: true, titleRu: true } } },
        orderBy: [{ hiddenAt: 'asc' }, { id: 'asc' }],
        take: 500,
      });
    },

    /**
     * A moderator's decision: `hide` removes the comment from the discussion (its text is kept), `restore`
     * shows it again and keeps further flags from hiding it. The author is told either way.
     */
    async moderate(actor: Actor, p: StaffPrincipal, commentId: number, action: 'hide' | 'restore', note?: string | null): Promise<DiscussionComment> {
      requireRole(p, MODERATORS);
      const text = note?.trim() || null;
      if (action === 'hide' && !text) throw invalid('discussion.moderation_note_required');
      if (text && text.length > MODERATION_NOTE_MAX) throw invalid('discussion.reason_long', { max: MODERATION_NOTE_MAX });
      // A comment of a topic outside the moderator's region is not found, as the topic is not.
      const before = await loadInScope(prisma, p, COMMENT, commentId);
      if (action === 'hide' && isRemoved(before)) throw conflict('discussion.comment_removed');
      if (action === 'restore' && !before.hidden) throw conflict('discussion.comment_not_hidden');
      // A reviewed topic's record is final: a comment may still be taken down, but none without a decision comes back.
      if (action === 'restore' && before.topic.status === 'reviewed' && lacksDecision(before)) throw conflict('discussion.already_reviewed');
      const at = now();
      return prisma.$transaction(async (tx) => {
        const after = await tx.discussionComment.update({
          where: { id: commentId },
          data: {
            hidden: action === 'hide',
            hiddenAt: action === 'hide' ? (before.hiddenAt ?? at) : before.hiddenAt,
            moderatedAt: at,
            moderatedById: p.id,
            moderationNote: text,
          },
        });
        await tellCommentAuthor(tx, i18n, before, before.topic, action === 'hide' ? 'removed' : 'restored', at, action === 'hide' ? text : null);
        await recordAudit(tx, actor, {
          action: `discussion.comment_${action}`,
          entity: 'discussion_comment',
          entityId: commentId,
          before: { hidden: before.hidden, moderatedAt: before.moderatedAt },
          after: { hidden: after.hidden, note: text },
        });
        return after;
      });
    },
  };
}
