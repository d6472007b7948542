// A citizen's comment or proposal: composed answer by answer in a draft (one per citizen, for one topic),
// then recorded while the discussion still accepts comments.
import type { DiscussionComment, PrismaClient } from '../../generated/prisma/client.ts';
import type { CommentStance } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { PUBLIC_STATUSES } from './discussion-reading.ts';
import {
  acceptsComments,
  AUTHOR_NAME_MAX,
  AUTHOR_NAME_MIN,
  COMMENT_MAX,
  COMMENT_MIN,
  MIN_DISCUSSION_WORKING_DAYS,
  ORGANISATION_MAX,
} from './discussion-rules.ts';

export interface CommentInput {
  text: string;
  authorName: string;
  organisation?: string | null;
  stance?: CommentStance | null;
}

export interface CommentDraft {
  topicId: number;
  text: string | null;
  authorName: string | null;
  /** '' once the citizen said they write for themselves */
  organisation: string | null;
  updatedAt: Date;
}

function checkComment(input: CommentInput): Required<CommentInput> {
  const text = input.text.trim();
  const authorName = input.authorName.trim();
  const organisation = input.organisation?.trim() || null;
  if (text.length < COMMENT_MIN) throw invalid('discussion.comment_short', { min: COMMENT_MIN });
  if (text.length > COMMENT_MAX) throw invalid('discussion.comment_long', { max: COMMENT_MAX });
  if (authorName.length < AUTHOR_NAME_MIN || authorName.length > AUTHOR_NAME_MAX)
    throw invalid('discussion.bad_author_name', { min: AUTHOR_NAME_MIN, max: AUTHOR_NAME_MAX });
  if (organisation && organisation.length > ORGANISATION_MAX) throw invalid('discussion.organisation_long', { max: ORGANISATION_MAX });
  return { text, authorName, organisation, stance: input.stance ?? null };
}

export function createCommentDrafts({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  const drafts = {
    async getDraft(citizenId: number): Promise<CommentDraft | null> {
      return prisma.discussionCommentDraft.findUnique({
        where: { citizenId },
        select: { topicId: true, text: true, authorName: true, organisation: true, updatedAt: true },
      });
    },

    /** Saves answers to the draft; a draft for another topic is replaced. */
    async saveDraft(citizenId: number, topicId: number, patch: Partial<Pick<CommentDraft, 'text' | 'authorName' | 'organisation'>>): Promise<void> {
      const existing = await prisma.discussionCommentDraft.findUnique({ where: { citizenId } });
      const fresh = !existing || existing.topicId !== topicId;
      const data = fresh ? { topicId, text: null, authorName: null, organisation: null, ...patch } : patch;
      await prisma.discussionCommentDraft.upsert({ where: { citizenId }, create: { citizenId, topicId, ...patch }, update: data });
    },

    async discardDraft(citizenId: number): Promise<void> {
      await prisma.discussionCommentDraft.deleteMany({ where: { citizenId } });
    },

    /**
     * Records a comment or proposal. The clock decides whether it counts: DOMAIN.md, "Comments received after
     * the end are not considered", so one arriving after `endsAt` is refused even before the job closes it.
     */
    async comment(citizenId: number, topicId: number, input: CommentInput): Promise<DiscussionComment> {
      const fields = checkComment(input);
      const topic = await prisma.discussionTopic.findFirst({ where: { id: topicId, status: { in: PUBLIC_STATUSES } } });
      if (!topic) throw notFound('discussion.not_found');
      const at = now();
      if (!acceptsComments(topic, at)) throw conflict('discussion.closed', { end: formatLocalDateTime(topic.endsAt!), days: MIN_DISCUSSION_WORKING_DAYS });
      return prisma.$transaction(async (tx) => {
        const created = await tx.discussionComment.create({ data: { topicId, citizenId, ...fields, createdAt: at } });
        await tx.discussionCommentDraft.deleteMany({ where: { citizenId, topicId } });
        await recordAudit(
          tx,
          { type: 'citizen', id: citizenId },
          { action: 'discussion.comment', entity: 'discussion_comment', entityId: created.id, after: { topicId, stance: fields.stance } },
        );
        return created;
      });
    },

    /** Sends the draft as a comment with the stance just chosen. */
    async submitDraft(citizenId: number, stance: CommentStance | null): Promise<DiscussionComment> {
      const d = await drafts.getDraft(citizenId);
      if (!d?.text || !d.authorName) throw invalid('discussion.draft_incomplete');
      return drafts.comment(citizenId, d.topicId, { text: d.text, authorName: d.authorName, organisation: d.organisation, stance });
    },
  };
  return drafts;
}
