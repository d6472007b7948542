// Public discussion of planned topics for staff: project managers keep their body's topics (Annex 1 fields),
// publish them for at least 10 working days, decide on every comment with reasons and mark the review done;
// moderators hide and restore flagged comments; Annex 1 and Annex 2 come out as XLSX or CSV in kk or ru.
// Roles and the body scope are checked in the services.
import { MODERATORS, TOPIC_MANAGERS, TOPIC_READERS } from '../../core/discussions/discussion-access.ts';
import type { AnnexFile } from '../../core/discussions/discussion-annex.ts';
import { invalid } from '../../core/errors.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { sendExport } from '../reply-export.ts';
import { okAfter, postAction, routeModule } from '../route-kit.ts';
import { exportFileBody, exportQuery, idParam, okBody } from '../schemas.ts';
import {
  annex1Query,
  annex2Query,
  commentBody,
  commentParams,
  createBody,
  decisionBody,
  detailBody,
  extendBody,
  hideBody,
  listedBody,
  listQuery,
  patchBody,
  pendingBody,
  publishBody,
  publishedBody,
  restoreBody,
  reviewedBody,
} from './discussions-schemas.ts';
import { commentView, detailView, topicView } from './discussions-views.ts';

export const discussionRoutes = routeModule('public discussion', TOPIC_READERS, (app, { guardFor, tags, opts }, services) => {
  const managers = guardFor(TOPIC_MANAGERS);
  const moderators = guardFor(MODERATORS);
  const { topics, review, annex } = services.discussions;
  const detailOf = async (req: Parameters<typeof staffOf>[0], topicId: number) => {
    const d = await topics.get(staffOf(req), topicId);
    return detailView(d.topic, d.counts);
  };
  /** Annex files are spreadsheets: ';' makes the CSV open in columns under Kazakh and Russian settings. */
  const send = (reply: Parameters<typeof sendExport>[0], format: 'csv' | 'xlsx', file: AnnexFile) =>
    sendExport(reply, { format, fileName: file.fileName, tables: file.table });

  app.get(
    '/api/discussions',
    opts("Topics you may see (a project manager: their body's)", { querystring: listQuery, response: listedBody.array() }),
    async (req) => (await topics.list(staffOf(req), req.query)).map((t) => ({ ...topicView(t), commentCount: t.commentCount })),
  );

  app.post(
    '/api/discussions',
    opts('A planned topic with the Annex 1 fields, as a draft', { body: createBody, created: detailBody }, managers),
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
    opts('A topic with its counts: comments, authors, supports and objections, decisions', { params: idParam, response: detailBody }),
    async (req) => detailOf(req, req.params.id),
  );

  app.patch(
    '/api/discussions/:id',
    opts('Change a draft (a published topic stays as published)', { params: idParam, body: patchBody, response: detailBody }, managers),
    async (req) => {
      await topics.update(actorOf(req), staffOf(req), req.params.id, req.body);
      return detailOf(req, req.params.id);
    },
  );

  app.delete('/api/discussions/:id', opts('Delete a draft', { params: idParam, response: okBody }, managers), async (req) =>
    okAfter(topics.remove(actorOf(req), staffOf(req), req.params.id)),
  );

  postAction(app, '/api/discussions/:id/publish', {
    onRequest: managers,
    tags,
    summary: 'Publish: the discussion lasts at least 10 working days (a later end may be chosen); subscribers are told',
    body: publishBody,
    response: publishedBody,
    act: (req, id, body) => topics.publish(actorOf(req), staffOf(req), id, { endsAt: body.endsAt }),
    answer: async (req, id, { announced }) => ({ ...(await detailOf(req, id)), announced }),
  });

  postAction(app, '/api/discussions/:id/extend', {
    onRequest: managers,
    tags,
    summary: 'A later end for an open discussion (never an earlier one)',
    body: extendBody,
    response: detailBody,
    act: (req, id, body) => topics.extend(actorOf(req), staffOf(req), id, body.endsAt),
    answer: (req, id) => detailOf(req, id),
  });

  app.get(
    '/api/discussions/:id/comments',
    opts('Every comment of a topic, hidden ones included', { params: idParam, response: commentBody.array() }),
    async (req) => (await topics.comments(staffOf(req), req.params.id)).map(commentView),
  );

  app.put(
    '/api/discussions/:id/comments/:commentId/decision',
    opts(
      'Accept, partly accept or reject a comment after the end (a reason is required unless accepted)',
      { params: commentParams, body: decisionBody, response: commentBody },
      managers,
    ),
    async (req) => commentView(await review.decide(actorOf(req), staffOf(req), req.params.id, req.params.commentId, req.body)),
  );

  postAction(app, '/api/discussions/:id/review', {
    onRequest: managers,
    tags,
    summary: 'Mark the review done (every comment decided); each author is told the decision',
    response: reviewedBody,
    act: (req, id) => review.complete(actorOf(req), staffOf(req), id),
    answer: async (req, id, { notified }) => ({ ...(await detailOf(req, id)), notified }),
  });

  app.get(
    '/api/discussions/annex1',
    opts('Annex 1: the planned topics of a year', { querystring: annex1Query, response: exportFileBody }),
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
    opts('Annex 2: the report on the discussions of a body and year', { querystring: annex2Query, response: exportFileBody }),
    async (req, reply) =>
      send(reply, req.query.format, await annex.annex2(staffOf(req), { stateBodyId: req.query.stateBodyId, year: req.query.year }, req.query.lang)),
  );

  app.get(
    '/api/discussions/:id/annex2',
    opts('Annex 2 of one topic whose discussion has ended', { params: idParam, querystring: exportQuery, response: exportFileBody }),
    async (req, reply) => send(reply, req.query.format, await annex.annex2(staffOf(req), { topicId: req.params.id }, req.query.lang)),
  );

  app.get(
    '/api/discussions/moderation',
    opts('Comments hidden by citizens’ flags, waiting for a moderator', { response: pendingBody.array() }, moderators),
    async (req) => (await review.pending(staffOf(req))).map((c) => ({ ...commentView(c), topicTitleRu: c.topic.titleRu, topicTitleKk: c.topic.titleKk })),
  );

  postAction(app, '/api/discussions/comments/:id/hide', {
    onRequest: moderators,
    tags,
    summary: 'Remove a comment from the discussion (its text is kept; the author is told why)',
    body: hideBody,
    response: commentBody,
    act: async (req, id, body) => commentView(await review.moderate(actorOf(req), staffOf(req), id, 'hide', body.note)),
  });
  postAction(app, '/api/discussions/comments/:id/restore', {
    onRequest: moderators,
    tags,
    summary: 'Show a hidden comment again; further flags no longer hide it',
    body: restoreBody,
    response: commentBody,
    act: async (req, id, body) => commentView(await review.moderate(actorOf(req), staffOf(req), id, 'restore', body.note)),
  });
});
