// The discussions' part of /mydata and /deletedata.
import type { PersonalDataSection } from '../citizens/citizen-service.ts';

/**
 * What /mydata shows of discussions, and what /deletedata removes. Subscriptions, flags and the draft go.
 * Comments stay, because the Annex 2 report is the body's public record of what was proposed, but the
 * author's name is emptied and shown as an anonymised participant; an organisation they wrote for (a legal
 * entity, not personal data) is kept.
 */
export const discussionPersonalData: PersonalDataSection = {
  key: 'comments',
  async describe(tx, citizenId) {
    // One connection serves a transaction: its queries go one after another (pg 9 refuses overlapping ones).
    const count = await tx.discussionComment.count({ where: { citizenId } });
    const areas = await tx.topicAreaSubscription.count({ where: { citizenId } });
    const regions = await tx.topicRegionSubscription.count({ where: { citizenId } });
    const flags = await tx.commentFlag.count({ where: { citizenId } });
    const draft = await tx.discussionCommentDraft.count({ where: { citizenId } });
    return count + areas + regions + flags + draft === 0 ? null : { count, subscriptions: areas + regions, flags, draft };
  },
  async erase(tx, citizenId) {
    await tx.discussionCommentDraft.deleteMany({ where: { citizenId } });
    await tx.topicAreaSubscription.deleteMany({ where: { citizenId } });
    await tx.topicRegionSubscription.deleteMany({ where: { citizenId } });
    // The flags go, and so does their weight in the counts; a comment already hidden stays with its moderator.
    const flags = await tx.commentFlag.findMany({ where: { citizenId }, select: { commentId: true } });
    if (flags.length > 0)
      await tx.discussionComment.updateMany({ where: { id: { in: flags.map((f) => f.commentId) } }, data: { flagCount: { decrement: 1 } } });
    await tx.commentFlag.deleteMany({ where: { citizenId } });
    await tx.discussionComment.updateMany({ where: { citizenId }, data: { authorName: '' } });
  },
};
