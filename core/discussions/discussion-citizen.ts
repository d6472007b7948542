// The citizen's side of public discussion: what they read (discussion-reading.ts), their comment composed
// in a draft (discussion-drafts.ts), flags on others' comments (enough of them hide one pending a
// moderator), and subscriptions to areas and regions.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { invalid, notFound } from '../errors.ts';
import { createCommentDrafts } from './discussion-drafts.ts';
import { tellCommentAuthor } from './discussion-notify.ts';
import { createDiscussionReading, PUBLIC_STATUSES } from './discussion-reading.ts';
import { DEFAULT_FLAGS_TO_HIDE } from './discussion-rules.ts';
import { TOPIC_NAMES } from './topic-text.ts';

const AUTHOR = { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } as const;

export interface DiscussionCitizenDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now: () => Date;
  /** flags from different citizens that hide a comment pending a moderator (config DISCUSSION_FLAGS_TO_HIDE) */
  flagsToHide?: number;
}

export function createDiscussionCitizenService({ prisma, i18n, now, flagsToHide = DEFAULT_FLAGS_TO_HIDE }: DiscussionCitizenDeps) {
  return {
    ...createDiscussionReading({ prisma, now }),
    ...createCommentDrafts({ prisma, now }),

    /**
     * A citizen flags someone else's visible comment, once. When `flagsToHide` different citizens have, it is
     * hidden pending a moderator (unless a moderator already kept it); the text is kept and the author told.
     */
    async flag(citizenId: number, commentId: number): Promise<{ flagged: boolean; hidden: boolean }> {
      const at = now();
      return prisma.$transaction(async (tx) => {
        const c = await tx.discussionComment.findUnique({ where: { id: commentId }, include: { ...AUTHOR, topic: { include: TOPIC_NAMES } } });
        if (!c || c.hidden || !PUBLIC_STATUSES.includes(c.topic.status)) throw notFound('discussion.comment_not_found');
        if (c.citizenId === citizenId) throw invalid('discussion.flag_own');
        const { count } = await tx.commentFlag.createMany({ data: [{ commentId, citizenId, createdAt: at }], skipDuplicates: true });
        if (count === 0) return { flagged: false, hidden: false };
        const after = await tx.discussionComment.update({ where: { id: commentId }, data: { flagCount: { increment: 1 } } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'discussion.comment_flag', entity: 'discussion_comment', entityId: commentId, after: { flagCount: after.flagCount } },
        );
        if (after.flagCount < flagsToHide || after.moderatedAt !== null) return { flagged: true, hidden: false };
        const hid = await tx.discussionComment.updateMany({ where: { id: commentId, hidden: false, moderatedAt: null }, data: { hidden: true, hiddenAt: at } });
        if (hid.count === 0) return { flagged: true, hidden: false };
        await tellCommentAuthor(tx, i18n, c, c.topic, 'hidden', at);
        await recordAudit(
          tx,
          { type: 'system' },
          {
            action: 'discussion.comment_auto_hide',
            entity: 'discussion_comment',
            entityId: commentId,
            after: { flagCount: after.flagCount, threshold: flagsToHide },
          },
        );
        return { flagged: true, hidden: true };
      });
    },

    /** Subscribes to the area or region, or unsubscribes if already subscribed; returns whether subscribed now. */
    async toggleSubscription(citizenId: number, kind: 'area' | 'region', id: number): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const removed =
          kind === 'area'
            ? await tx.topicAreaSubscription.deleteMany({ where: { citizenId, areaId: id } })
            : await tx.topicRegionSubscription.deleteMany({ where: { citizenId, regionId: id } });
        if (removed.count === 0) {
          const exists = kind === 'area' ? await tx.area.findUnique({ where: { id } }) : await tx.region.findUnique({ where: { id } });
          if (!exists) throw invalid(kind === 'area' ? 'discussion.unknown_area' : 'discussion.unknown_region');
          if (kind === 'area') await tx.topicAreaSubscription.create({ data: { citizenId, areaId: id } });
          else await tx.topicRegionSubscription.create({ data: { citizenId, regionId: id } });
        }
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: `discussion.${removed.count === 0 ? 'subscribe' : 'unsubscribe'}`, entity: `topic_${kind}_subscription`, entityId: id },
        );
        return removed.count === 0;
      });
    },
  };
}
