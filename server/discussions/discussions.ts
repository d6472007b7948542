// Public discussion of planned topics for staff: project managers keep their body's topics (Annex 1 fields),
// publish them for at least 10 working days, decide on every comment with reasons and mark the review done;
// moderators hide and restore flagged comments; Annex 1 and Annex 2 come out as XLSX or CSV in kk or ru.
// Roles and the body scope are checked in the services.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DiscussionComment } from '../../generated/prisma/client.ts';
import { CommentDecision, CommentStance, DiscussionStatus } from '../../generated/prisma/enums.ts';
import { MODERATORS, TOPIC_MANAGERS, TOPIC_READERS } from '../../core/discussions/discussion-access.ts';
import { isPendingModeration, isRemoved, MODERATION_NOTE_MAX, REASON_MAX } from '../../core/discussions/discussion-rules.ts';
import type { TopicCounts } from '../../core/discussions/topic-admin.ts';
import type { NamedTopic } from '../../core/discussions/topic-text.ts';
import type { AnnexFile } from '../../core/discussions/discussion-annex.ts';
import { invalid } from '../../core/errors.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { exportFileBody, exportQuery, sendExport } from '../reply-export.ts';
import { idParam, withErrors, positiveId, bodyId, calendarDate, dateTime } from '../schemas.ts';

const enumOf = <T extends string>(o: Record<string, T>) => z.enum(Object.values(o) as [T, ...T[]]);
const status = enumOf(DiscussionStatus);
const id = positiveId;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const text = (max: number) => z.string().trim().min(1).max(max);

const topicFields = {
  stateBodyId: bodyId,
  regionId: bodyId.nullable().describe("null: a national topic; left out: the body's region"),
  areaId: z.number().int().min(1).max(19).describe('one of the 19 areas (GET /api/reference/areas)'),
  year: z.number().int().min(2000).max(2100),
  titleKk: text(500),
  titleRu: text(500),
  fundingThousandTenge: z.union([z.string(), z.number()]).transform(String).describe('planned funding in thousand tenge, at most one decimal, e.g. "12500.5"'),
  justificationKk: text(5000),
  justificationRu: text(5000),
  informationSource: text(1000).describe('where the justification comes from: needs assessment, statistics, media …'),
  targetGroupKk: text(1000),
  targetGroupRu: text(1000),
  expectedResultKk: text(3000),
  expectedResultRu: text(3000),
};
// The justification may come from the needs assessment (core/analytics): name it instead of typing it.
const needsReference = z
  .object({
    regionId: id.optional().describe("the assessed region; the topic's region when absent"),
    to: calendarDate.optional().describe('last day of the two assessed years (today when absent)'),
  })
  .describe('fill the justification and its information source from the needs assessment of the topic’s area');
const createBody = z
  .object({
    ...topicFields,
    regionId: topicFields.regionId.optional(),
    justificationKk: topicFields.justificationKk.optional(),
    justificationRu: topicFields.justificationRu.optional(),
    informationSource: topicFields.informationSource.optional(),
    needsAssessment: needsReference.optional(),
  })
  .refine((b) => b.needsAssessment !== undefined || (b.justificationKk && b.justificationRu && b.informationSource), {
    message: 'justificationKk, justificationRu and informationSource are required unless needsAssessment is given',
  });
const patchBody = z.object(topicFields).partial();

const topicBody = z.object({
  id: z.number(),
  stateBodyId: z.number(),
  stateBody: z.object({ id: z.number(), code: z.string(), nameKk: z.string(), nameRu: z.string() }),
  regionId: z.number().nullable(),
  areaId: z.number(),
  year: z.number(),
  titleKk: z.string(),
  titleRu: z.string(),
  fundingThousandTenge: z.string(),
  justificationKk: z.string(),
  justificationRu: z.string(),
  informationSource: z.string(),
  targetGroupKk: z.string(),
  targetGroupRu: z.string(),
  expectedResultKk: z.string(),
  expectedResultRu: z.string(),
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
const commentBody = z.object({
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

function topicView(t: NamedTopic): z.infer<typeof topicBody> {
  const { stateBody, area: _a, region: _r, createdById: _c, fundingThousandTenge, ...rest } = t;
  return {
    ...rest,
    stateBody: { id: stateBody.id, code: stateBody.code, nameKk: stateBody.nameKk, nameRu: stateBody.nameRu },
    fundingThousandTenge: fundingThousandTenge.toFixed(1),
    publishedAt: iso(t.publishedAt),
    endsAt: iso(t.endsAt),
    closedAt: iso(t.closedAt),
    reviewDueAt: iso(t.reviewDueAt),
    reviewedAt: iso(t.reviewedAt),
    reviewOverdueAt: iso(t.reviewOverdueAt),
    reviewEscalatedAt: iso(t.reviewEscalatedAt),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

const detailView = (t: NamedTopic, counts: TopicCounts) => ({ ...topicView(t), counts });

function commentView(c: DiscussionComment): z.infer<typeof commentBody> {
  return {
    id: c.id,
    topicId: c.topicId,
    citizenId: c.citizenId,
    authorName: c.authorName,
    organisation: c.organisation,
    text: c.text,
    stance: c.stance,
    createdAt: c.createdAt.toISOString(),
    decision: c.decision,
    decisionReason: c.decisionReason,
    decidedAt: iso(c.decidedAt),
    notifiedAt: iso(c.notifiedAt),
    flagCount: c.flagCount,
    moderation: isRemoved(c) ? 'removed' : isPendingModeration(c) ? 'pending' : 'visible',
    moderationNote: c.moderationNote,
  };
}

const commentParams = z.object({ id, commentId: id });

export const discussionRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const readers = requireStaff(services.staff, TOPIC_READERS);
    const managers = requireStaff(services.staff, TOPIC_MANAGERS);
    const moderators = requireStaff(services.staff, MODERATORS);
    const { topics, review, annex } = services.discussions;
    const tags = ['public discussion'];
    const detailOf = async (req: Parameters<typeof staffOf>[0], topicId: number) => {
      const d = await topics.get(staffOf(req), topicId);
      return detailView(d.topic, d.counts);
    };
    /** Annex files are spreadsheets: ';' makes the CSV open in columns under Kazakh and Russian settings. */
    const send = (reply: Parameters<typeof sendExport>[0], format: 'csv' | 'xlsx', file: AnnexFile) =>
      sendExport(reply, { format, fileName: file.fileName, tables: file.table });

    app.get(
      '/api/discussions',
      {
        onRequest: readers,
        schema: {
          tags,
          summary: "Topics you may see (a project manager: their body's)",
          querystring: z.object({ status: status.optional(), stateBodyId: id.optional(), year: id.optional(), areaId: id.optional(), regionId: id.optional() }),
          response: withErrors({ 200: z.array(topicBody.extend({ commentCount: z.number() })) }),
        },
      },
      async (req) => (await topics.list(staffOf(req), req.query)).map((t) => ({ ...topicView(t), commentCount: t.commentCount })),
    );

    app.post(
      '/api/discussions',
      {
        onRequest: managers,
        schema: {
          tags,
          summary: 'A planned topic with the Annex 1 fields, as a draft',
          body: createBody,
          response: withErrors({ 201: topicBody.extend({ counts: countsBody }) }),
        },
      },
      async (req, reply) => {
        const { needsAssessment, ...fields } = req.body;
        let cited = {};
        if (needsAssessment) {
          const j = await services.analytics.justification(staffOf(req), {
            regionId: needsAssessment.regionId ?? fields.regionId ?? undefined,
            areaId: fields.areaId,
            lastDay: needsAssessment.to,
          });
          if (!j.justificationKk || !j.justificationRu) throw invalid('analytics.no_evidence');
          cited = {
            justificationKk: j.justificationKk,
            justificationRu: j.justificationRu,
            informationSource: `${j.informationSourceKk}\n${j.informationSourceRu}`,
          };
        }
        const merged = { ...cited, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as typeof fields & {
          justificationKk: string;
          justificationRu: string;
          informationSource: string;
        };
        const topic = await topics.create(actorOf(req), staffOf(req), merged);
        return reply.status(201).send(await detailOf(req, topic.id));
      },
    );

    app.get(
      '/api/discussions/:id',
      {
        onRequest: readers,
        schema: {
          tags,
          summary: 'A topic with its counts: comments, authors, supports and objections, decisions',
          params: idParam,
          response: withErrors({ 200: topicBody.extend({ counts: countsBody }) }),
        },
      },
      async (req) => detailOf(req, req.params.id),
    );

    app.patch(
      '/api/discussions/:id',
      {
        onRequest: managers,
        schema: {
          tags,
          summary: 'Change a draft (a published topic stays as published)',
          params: idParam,
          body: patchBody,
          response: withErrors({ 200: topicBody.extend({ counts: countsBody }) }),
        },
      },
      async (req) => {
        await topics.update(actorOf(req), staffOf(req), req.params.id, req.body);
        return detailOf(req, req.params.id);
      },
    );

    app.delete(
      '/api/discussions/:id',
      { onRequest: managers, schema: { tags, summary: 'Delete a draft', params: idParam, response: withErrors({ 200: z.object({ ok: z.literal(true) }) }) } },
      async (req) => {
        await topics.remove(actorOf(req), staffOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/discussions/:id/publish',
      {
        onRequest: managers,
        schema: {
          tags,
          summary: 'Publish: the discussion lasts at least 10 working days (a later end may be chosen); subscribers are told',
          params: idParam,
          body: z.object({ endsAt: dateTime.optional().describe('default and earliest: 10 working days from now') }).default({}),
          response: withErrors({ 200: topicBody.extend({ counts: countsBody, announced: z.number().describe('subscribers told') }) }),
        },
      },
      async (req) => {
        const { announced } = await topics.publish(actorOf(req), staffOf(req), req.params.id, { endsAt: req.body.endsAt });
        return { ...(await detailOf(req, req.params.id)), announced };
      },
    );

    app.post(
      '/api/discussions/:id/extend',
      {
        onRequest: managers,
        schema: {
          tags,
          summary: 'A later end for an open discussion (never an earlier one)',
          params: idParam,
          body: z.object({ endsAt: dateTime }),
          response: withErrors({ 200: topicBody.extend({ counts: countsBody }) }),
        },
      },
      async (req) => {
        await topics.extend(actorOf(req), staffOf(req), req.params.id, req.body.endsAt);
        return detailOf(req, req.params.id);
      },
    );

    app.get(
      '/api/discussions/:id/comments',
      {
        onRequest: readers,
        schema: { tags, summary: 'Every comment of a topic, hidden ones included', params: idParam, response: withErrors({ 200: z.array(commentBody) }) },
      },
      async (req) => (await topics.comments(staffOf(req), req.params.id)).map(commentView),
    );

    app.put(
      '/api/discussions/:id/comments/:commentId/decision',
      {
        onRequest: managers,
        schema: {
          tags,
          summary: 'Accept, partly accept or reject a comment after the end (a reason is required unless accepted)',
          params: commentParams,
          body: z.object({ decision: enumOf(CommentDecision), reason: z.string().max(REASON_MAX).nullable().optional() }),
          response: withErrors({ 200: commentBody }),
        },
      },
      async (req) => commentView(await review.decide(actorOf(req), staffOf(req), req.params.id, req.params.commentId, req.body)),
    );

    app.post(
      '/api/discussions/:id/review',
      {
        onRequest: managers,
        schema: {
          tags,
          summary: 'Mark the review done (every comment decided); each author is told the decision',
          params: idParam,
          response: withErrors({ 200: topicBody.extend({ counts: countsBody, notified: z.number() }) }),
        },
      },
      async (req) => {
        const { notified } = await review.complete(actorOf(req), staffOf(req), req.params.id);
        return { ...(await detailOf(req, req.params.id)), notified };
      },
    );

    app.get(
      '/api/discussions/annex1',
      {
        onRequest: readers,
        schema: {
          tags,
          summary: 'Annex 1: the planned topics of a year',
          querystring: exportQuery.extend({ year: id, stateBodyId: id.optional(), includeDrafts: z.enum(['true', 'false']).default('false') }),
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) =>
        send(
          reply,
          req.query.format,
          await annex.annex1(
            staffOf(req),
            { year: req.query.year, stateBodyId: req.query.stateBodyId, includeDrafts: req.query.includeDrafts === 'true' },
            req.query.lang,
          ),
        ),
    );

    app.get(
      '/api/discussions/annex2',
      {
        onRequest: readers,
        schema: {
          tags,
          summary: 'Annex 2: the report on the discussions of a body and year',
          querystring: exportQuery.extend({ stateBodyId: id, year: id }),
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) =>
        send(reply, req.query.format, await annex.annex2(staffOf(req), { stateBodyId: req.query.stateBodyId, year: req.query.year }, req.query.lang)),
    );

    app.get(
      '/api/discussions/:id/annex2',
      {
        onRequest: readers,
        schema: {
          tags,
          summary: 'Annex 2 of one topic whose discussion has ended',
          params: idParam,
          querystring: exportQuery,
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => send(reply, req.query.format, await annex.annex2(staffOf(req), { topicId: req.params.id }, req.query.lang)),
    );

    app.get(
      '/api/discussions/moderation',
      {
        onRequest: moderators,
        schema: {
          tags,
          summary: 'Comments hidden by citizens’ flags, waiting for a moderator',
          response: withErrors({ 200: z.array(commentBody.extend({ topicTitleRu: z.string(), topicTitleKk: z.string() })) }),
        },
      },
      async (req) => (await review.pending(staffOf(req))).map((c) => ({ ...commentView(c), topicTitleRu: c.topic.titleRu, topicTitleKk: c.topic.titleKk })),
    );

    const note = z.string().max(MODERATION_NOTE_MAX).nullable().optional();
    app.post(
      '/api/discussions/comments/:id/hide',
      {
        onRequest: moderators,
        schema: {
          tags,
          summary: 'Remove a comment from the discussion (its text is kept; the author is told why)',
          params: idParam,
          body: z.object({ note: z.string().trim().min(1).max(MODERATION_NOTE_MAX) }),
          response: withErrors({ 200: commentBody }),
        },
      },
      async (req) => commentView(await review.moderate(actorOf(req), staffOf(req), req.params.id, 'hide', req.body.note)),
    );
    app.post(
      '/api/discussions/comments/:id/restore',
      {
        onRequest: moderators,
        schema: {
          tags,
          summary: 'Show a hidden comment again; further flags no longer hide it',
          params: idParam,
          body: z.object({ note }).default({}),
          response: withErrors({ 200: commentBody }),
        },
      },
      async (req) => commentView(await review.moderate(actorOf(req), staffOf(req), req.params.id, 'restore', req.body.note)),
    );
  };
