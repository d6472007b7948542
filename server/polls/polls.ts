// The questionnaire builder and the waves, for project managers and admins scoped by the project's
// region: polls of a project, questions (kk/ru, six types, options, skip rules), waves with their
// invitation link, "send to all beneficiaries" and its progress. Results: poll-results.ts.
import type { z } from 'zod';
import type { Poll, PollQuestion, PollWave } from '../../generated/prisma/client.ts';
import { questionOf } from '../../core/polls/poll-rules.ts';
import { pollInviteLink, startPayloadOf } from '../../core/polls/poll-notify.ts';
import { conflict } from '../../core/errors.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { byId, iso, okAfter, postAction, qrRoutes, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import {
  addQuestionBody,
  createPollBody,
  createWaveBody,
  moveBody,
  patchPollBody,
  patchQuestionBody,
  patchWaveBody,
  pollBody,
  pollsBody,
  pollsQuery,
  progressBody,
  questionBody,
  waveBody,
} from './polls-schemas.ts';

const questionView = (q: PollQuestion): z.output<typeof questionBody> => questionOf(q);
const waveView = (w: PollWave, botUsername: string | null): z.output<typeof waveBody> => ({
  id: w.id,
  pollId: w.pollId,
  position: w.position,
  labelKk: w.labelKk,
  labelRu: w.labelRu,
  opensAt: w.opensAt.toISOString(),
  closesAt: w.closesAt.toISOString(),
  status: w.status,
  reminderAfterHours: w.reminderAfterHours,
  startPayload: startPayloadOf(w.inviteCode),
  inviteLink: pollInviteLink(botUsername, w.inviteCode),
  sendRequestedAt: iso(w.sendRequestedAt),
  closedAt: iso(w.closedAt),
});
const pollView = (p: Poll & { questions: PollQuestion[]; waves: PollWave[] }, botUsername: string | null): z.output<typeof pollBody> => ({
  id: p.id,
  projectId: p.projectId,
  titleKk: p.titleKk,
  titleRu: p.titleRu,
  introKk: p.introKk,
  introRu: p.introRu,
  anonymous: p.anonymous,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
  questions: p.questions.map(questionView),
  waves: p.waves.map((w) => waveView(w, botUsername)),
});

export const pollRoutes = routeModule('polls', 'manager', (app, { guard: manager, opts, tags }, services) => {
  const { builder } = services.polls;
  const bot = () => services.projects.botUsername();
  const pollOut = (p: Parameters<typeof pollView>[0]) => pollView(p, bot());
  const waveOut = (w: PollWave) => waveView(w, bot());
  /** The wave's link for a QR code, or 409 project.no_bot_username. */
  const linkOf = async (req: Parameters<typeof staffOf>[0], waveId: number) => {
    const link = pollInviteLink(bot(), (await builder.wave(staffOf(req), waveId)).inviteCode);
    if (!link) throw conflict('project.no_bot_username');
    return link;
  };

  app.get('/api/polls', opts("A project's polls with their questions and waves", { querystring: pollsQuery, response: pollsBody }), async (req) => ({
    items: (await builder.list(staffOf(req), req.query.projectId)).map(pollOut),
  }));

  app.post('/api/polls', opts('Create a poll of a project', { body: createPollBody, response: pollBody }), async (req) => {
    const { projectId, ...fields } = req.body;
    return pollOut(await builder.create(actorOf(req), staffOf(req), projectId, fields));
  });

  app.get('/api/polls/:id', opts('A poll with its questions and waves', { params: idParam, response: pollBody }), async (req) =>
    pollOut(await builder.get(staffOf(req), req.params.id)),
  );

  app.patch(
    '/api/polls/:id',
    opts('Change the title, intro or status; anonymity only before the first answer', { params: idParam, body: patchPollBody, response: pollBody }),
    byId((who, id, body) => builder.update(...who, id, body).then(pollOut)),
  );

  app.post(
    '/api/polls/:id/questions',
    opts('Add a question (at the end, or at `position`); refused once a wave has answers', {
      params: idParam,
      body: addQuestionBody,
      response: questionBody,
    }),
    byId((who, id, body) => builder.addQuestion(...who, id, body).then(questionView)),
  );

  app.patch(
    '/api/polls/questions/:id',
    opts('Change a question; refused once a wave has answers', { params: idParam, body: patchQuestionBody, response: questionBody }),
    byId((who, id, body) => builder.updateQuestion(...who, id, body).then(questionView)),
  );

  app.post(
    '/api/polls/questions/:id/move',
    opts('Move a question to another position (skip rules must still point upwards)', { params: idParam, body: moveBody, response: questionBody }),
    byId((who, id, body) => builder.moveQuestion(...who, id, body.position).then(questionView)),
  );

  app.delete(
    '/api/polls/questions/:id',
    opts('Delete a question (not one another question depends on); refused once a wave has answers', { params: idParam, response: okBody }),
    byId((who, id) => okAfter(builder.deleteQuestion(...who, id))),
  );

  app.post(
    '/api/polls/:id/waves',
    opts('Add a wave (baseline, midterm, final …); it is numbered after the last one', { params: idParam, body: createWaveBody, response: waveBody }),
    byId((who, id, body) => builder.createWave(...who, id, body).then(waveOut)),
  );

  app.patch(
    '/api/polls/waves/:id',
    opts('Change labels, the end or the reminder delay; the start only before it opens', { params: idParam, body: patchWaveBody, response: waveBody }),
    byId((who, id, body) => builder.updateWave(...who, id, body).then(waveOut)),
  );

  postAction(app, '/api/polls/waves/:id/open', {
    onRequest: manager,
    tags,
    summary: 'Open the wave for answers (its link works from opensAt)',
    response: waveBody,
    act: async (req, id) => waveOut(await builder.openWave(actorOf(req), staffOf(req), id)),
  });
  postAction(app, '/api/polls/waves/:id/close', {
    onRequest: manager,
    tags,
    summary: 'Close the wave now: no more answers; unfinished drafts are dropped',
    response: waveBody,
    act: async (req, id) => waveOut(await builder.closeWave(actorOf(req), staffOf(req), id)),
  });

  app.post(
    '/api/polls/waves/:id/send',
    opts(
      'Send the wave to all beneficiaries of the project reachable in Telegram (opens a draft wave). Never sends twice; again later adds only new beneficiaries',
      { params: idParam, response: progressBody },
    ),
    byId((who, id) => builder.sendToAll(...who, id)),
  );

  qrRoutes(app, '/api/polls/waves/:id', {
    onRequest: manager,
    tags,
    summaries: {
      png: "The wave's invitation link as a QR code, PNG (409 project.no_bot_username without BOT_USERNAME)",
      svg: "The wave's invitation link as a QR code, SVG",
    },
    link: (req, id) => linkOf(req, id),
  });

  app.get(
    '/api/polls/waves/:id/progress',
    opts('Distribution progress, read from the outbox: queued, sent, blocked, failed, answered', { params: idParam, response: progressBody }),
    async (req) => builder.progress(staffOf(req), req.params.id),
  );
});
