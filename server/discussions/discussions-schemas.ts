// The public discussion API's shapes: a topic with its Annex 1 fields and counts, a comment with its
// decision and moderation, and what managers and moderators send.
import { z } from 'zod';
import { CommentDecision, CommentStance, DiscussionStatus } from '../../generated/prisma/enums.ts';
import { MODERATION_NOTE_MAX, REASON_MAX } from '../../core/discussions/discussion-rules.ts';
import { bodyId, boolQuery, calendarDate, dateTime, enumOf, exportQuery, kkRu, positiveId } from '../schemas.ts';

const status = enumOf(DiscussionStatus);
const id = positiveId;
const text = (max: number) => z.string().trim().min(1).max(max);

const topicFields = {
  stateBodyId: bodyId,
  regionId: bodyId.nullable().describe("null: a national topic; left out: the body's region"),
  areaId: z.number().int().min(1).max(19).describe('one of the 19 areas (GET /api/reference/areas)'),
  year: z.number().int().min(2000).max(2100),
  ...kkRu('title', text(500)),
  fundingThousandTenge: z.union([z.string(), z.number()]).transform(String).describe('planned funding in thousand tenge, at most one decimal, e.g. "12500.5"'),
  ...kkRu('justification', text(5000)),
  informationSource: text(1000).describe('where the justification comes from: needs assessment, statistics, media …'),
  ...kkRu('targetGroup', text(1000)),
  ...kkRu('expectedResult', text(3000)),
};
// The justification may come from the needs assessment (core/analytics): name it instead of typing it.
const needsReference = z
  .object({
    regionId: id.optional().describe("the assessed region; the topic's region when absent"),
    to: calendarDate.optional().describe('last day of the two assessed years (today when absent)'),
  })
  .describe('fill the justification and its information source from the needs assessment of the topic’s area');
export const createBody = z
  .object({
    ...topicFields,
    regionId: topicFields.regionId.optional(),
    justificationKk: topicFields.justificationKk.optional(),
    justificationRu: topicFields.justificationRu.optional(),
    informationSource: topicFields.informationSource.optional(),
    needsAssessment: needsReference.optional(),
    sourceInitiativeId: bodyId
      .optional()
      .describe('the civic initiative this topic is proposed from (GET /api/initiatives/:id/topic-draft prefills the form); linked both ways'),
  })
  .refine((b) => b.needsAssessment !== undefined || (b.justificationKk && b.justificationRu && b.informationSource), {
    message: 'justificationKk, justificationRu and informationSource are required unless needsAssessment is given',
  });
export const patchBody = z.object(topicFields).partial();

export const listQuery = z.object({
  status: status.optional(),
  stateBodyId: id.optional(),
  year: id.optional(),
  areaId: id.optional(),
  regionId: id.optional(),
});

export const topicBody = z.object({
  id: z.number(),
  stateBodyId: z.number(),
  stateBody: z.object({ id: z.number(), code: z.string(), ...kkRu('name') }),
  regionId: z.number().nullable(),
  areaId: z.number(),
  year: z.number(),
  ...kkRu('title'),
  fundingThousandTenge: z.string(),
  ...kkRu('justification'),
  informationSource: z.string(),
  sourceInitiativeId: z.number().nullable().describe('the civic initiative it was proposed from'),
  ...kkRu('targetGroup'),
  ...kkRu('expectedResult'),
  status,
  publishedAt: z.string().nullable(),
  endsAt: z.string().nullable().describe('comments after this instant are not considered'),
  closedAt: z.string().nullable(),
  reviewDueAt: z.string().nullable().describe('3 working days after the end'),
  reviewedAt: z.string().nullable(),
  reviewOverdueAt: z.string().nullable(),
  reviewEscalatedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const countsBody = z.object({
  comments: z.number().describe('comments and proposals, not counting those a moderator removed'),
  authors: z.number(),
  supports: z.number(),
  objections: z.number(),
  decisions: z.object({ accepted: z.number(), partly_accepted: z.number(), rejected: z.number(), undecided: z.number() }),
  pendingModeration: z.number(),
  removed: z.number(),
});
export const listedBody = topicBody.extend({ commentCount: z.number() });
export const detailBody = topicBody.extend({ counts: countsBody });
export const publishedBody = topicBody.extend({ counts: countsBody, announced: z.number().describe('subscribers told') });
export const reviewedBody = topicBody.extend({ counts: countsBody, notified: z.number() });

export const commentBody = z.object({
  id: z.number(),
  topicId: z.number(),
  citizenId: z.number().nullable(),
  authorName: z.string().describe('empty once the citizen erased their data'),
  organisation: z.string().nullable(),
  text: z.string(),
  stance: enumOf(CommentStance).nullable(),
  createdAt: z.string(),
  decision: enumOf(CommentDecision).nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  notifiedAt: z.string().nullable(),
  flagCount: z.number(),
  moderation: z.enum(['visible', 'pending', 'removed']).describe('pending: hidden by flags until a moderator decides'),
  moderationNote: z.string().nullable(),
});
export const pendingBody = commentBody.extend({ topicTitleRu: z.string(), topicTitleKk: z.string() });
export const commentParams = z.object({ id, commentId: id });

export const publishBody = z.object({ endsAt: dateTime.optional().describe('default and earliest: 10 working days from now') }).default({});
export const extendBody = z.object({ endsAt: dateTime });
export const decisionBody = z.object({ decision: enumOf(CommentDecision), reason: z.string().max(REASON_MAX).nullable().optional() });
export const hideBody = z.object({ note: z.string().trim().min(1).max(MODERATION_NOTE_MAX) });
export const restoreBody = z.object({ note: z.string().max(MODERATION_NOTE_MAX).nullable().optional() }).default({});

export const annex1Query = exportQuery.extend({ year: id, stateBodyId: id.optional(), includeDrafts: boolQuery.default('false') });
export const annex2Query = exportQuery.extend({ stateBodyId: id, year: id });

export type Topic = z.output<typeof topicBody>;
export type ListedTopic = z.output<typeof listedBody>;
export type TopicDetail = z.output<typeof detailBody>;
export type TopicComment = z.output<typeof commentBody>;
export type PendingComment = z.output<typeof pendingBody>;
export type TopicInput = z.input<typeof createBody>;
export type TopicPatch = z.input<typeof patchBody>;
export type PublishInput = z.input<typeof publishBody>;
export type ExtendInput = z.input<typeof extendBody>;
export type DecisionInput = z.input<typeof decisionBody>;
