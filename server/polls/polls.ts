// The questionnaire builder and the waves, for project managers and admins scoped by the project's
// region: polls of a project, questions (kk/ru, six types, options, skip rules), waves with their
// invitation link, "send to all beneficiaries" and its progress. Results: poll-results.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Poll, PollQuestion, PollWave } from '../../generated/prisma/client.ts';
import type { Services } from '../../core/services.ts';
import { REMINDER_HOURS_MAX } from '../../core/polls/poll-builder.ts';
import {
  INTRO_MAX,
  OPTION_CODE,
  OPTION_LABEL_MAX,
  OPTIONS_MAX,
  questionOf,
  QUESTION_TEXT_MAX,
  QUESTION_TYPES,
  TITLE_MAX,
} from '../../core/polls/poll-rules.ts';
import type { PollQuestionType } from '../../generated/prisma/enums.ts';
import { pollInviteLink, startPayloadOf } from '../../core/polls/poll-notify.ts';
import { qrPng, qrSvg } from '../../core/projects/project-invite.ts';
import { conflict } from '../../core/errors.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, okBody, withErrors, positiveId, bodyId, dateTime } from '../schemas.ts';

const id = positiveId;
const questionType = z
  .enum(QUESTION_TYPES as [PollQuestionType, ...PollQuestionType[]])
  .describe('satisfaction: the national 4-point scale with "hard to answer"; rating: 1–5; single/multiple: your options; yes_no; text: typed');
const option = z.object({
  code: z.string().regex(OPTION_CODE).describe('stable code the results use, e.g. "often"'),
  kk: z.string().trim().min(1).max(OPTION_LABEL_MAX),
  ru: z.string().trim().min(1).max(OPTION_LABEL_MAX),
});

const questionFields = {
  type: questionType,
  textKk: z.string().max(QUESTION_TEXT_MAX),
  textRu: z.string().max(QUESTION_TEXT_MAX),
  required: z.boolean().default(true),
  options: z.array(option).max(OPTIONS_MAX).default([]).describe('single and multiple only'),
  showIfQuestionId: bodyId.nullable().default(null).describe('skip rule: show only when this earlier question …'),
  showIfAnswers: z
    .array(z.string())
    .default([])
    .describe('… was answered with one of these codes (satisfaction: fully, rather, rather_not, not_at_all, hard_to_say; yes_no: yes, no; rating: "1"…"5")'),
};

const questionBody = z.object({
  id: z.number(),
  position: z.number(),
  type: questionType,
  textKk: z.string(),
  textRu: z.string(),
  required: z.boolean(),
  options: z.array(option),
  showIfQuestionId: z.number().nullable(),
  showIfAnswers: z.array(z.string()),
});

const waveBody = z.object({
  id: z.number(),
  pollId: z.number(),
  position: z.number().describe('1 = baseline; dynamics compare consecutive waves'),
  labelKk: z.string(),
  labelRu: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  reminderAfterHours: z.number(),
  startPayload: z.string().describe('the /start payload of the invitation link: t.me/<bot>?start=<startPayload>'),
  inviteLink: z
    .string()
    .nullable()
    .describe('t.me/<bot>?start=poll_…: a follower joins the project and answers; null while the bot username is unknown (set BOT_USERNAME)'),
  sendRequestedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

const pollBody = z.object({
  id: z.number(),
  projectId: z.number(),
  titleKk: z.string(),
  titleRu: z.string(),
  introKk: z.string(),
  introRu: z.string(),
  anonymous: z.boolean().describe('responses keep no citizen id; only the invitation records that someone answered'),
  status: z.enum(['draft', 'ready', 'archived']),
  createdAt: z.string(),
  questions: z.array(questionBody),
  waves: z.array(waveBody),
});

const progressBody = z.object({
  total: z.number().describe('invitations: beneficiaries when sent, later joiners, and link respondents'),
  unreachable: z.number().describe('no Telegram (imported) or erased: cannot be sent'),
  waiting: z.number().describe('reachable, not yet handed to the outbox (the job carries on within a minute)'),
  queued: z.number().describe('in the outbox, not yet accepted by Telegram'),
  sent: z.number().describe('accepted by Telegram, i.e. delivered to the chat (no read receipts exist for bots)'),
  blocked: z.number().describe('the citizen blocked the bot (Telegram 403)'),
  failed: z.number(),
  reminded: z.number(),
  answered: z.number(),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const questionView = (q: PollQuestion): z.infer<typeof questionBody> => questionOf(q);
export const waveView = (w: PollWave, botUsername: string | null): z.infer<typeof waveBody> => ({
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
const pollView = (p: Poll & { questions: PollQuestion[]; waves: PollWave[] }, botUsername: string | null): z.infer<typeof pollBody> => ({
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

const pollFields = {
  titleKk: z.string().max(TITLE_MAX),
  titleRu: z.string().max(TITLE_MAX),
  introKk: z.string().max(INTRO_MAX).optional(),
  introRu: z.string().max(INTRO_MAX).optional(),
  anonymous: z.boolean().optional(),
};
const waveFields = {
  labelKk: z.string().max(100).describe('e.g. «Бастапқы» / «Базовая»'),
  labelRu: z.string().max(100),
  opensAt: dateTime,
  closesAt: dateTime.describe('no answers are accepted from then on'),
  reminderAfterHours: z
    .number()
    .int()
    .min(1)
    .max(REMINDER_HOURS_MAX)
    .optional()
    .describe('non-respondents are reminded once, this long after their invitation was delivered (default 72)'),
};

export const pollRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const manager = requireStaff(services.staff, ['project_manager']);
    const tags = ['polls'];
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

    app.get(
      '/api/polls',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: "A project's polls with their questions and waves",
          querystring: z.object({ projectId: id }),
          response: withErrors({ 200: z.object({ items: z.array(pollBody) }) }),
        },
      },
      async (req) => ({ items: (await builder.list(staffOf(req), req.query.projectId)).map(pollOut) }),
    );

    app.post(
      '/api/polls',
      {
        onRequest: manager,
        schema: { tags, summary: 'Create a poll of a project', body: z.object({ projectId: bodyId, ...pollFields }), response: withErrors({ 200: pollBody }) },
      },
      async (req) => {
        const { projectId, ...fields } = req.body;
        return pollOut(await builder.create(actorOf(req), staffOf(req), projectId, fields));
      },
    );

    app.get(
      '/api/polls/:id',
      { onRequest: manager, schema: { tags, summary: 'A poll with its questions and waves', params: idParam, response: withErrors({ 200: pollBody }) } },
      async (req) => pollOut(await builder.get(staffOf(req), req.params.id)),
    );

    app.patch(
      '/api/polls/:id',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Change the title, intro or status; anonymity only before the first answer',
          params: idParam,
          body: z.object({ ...pollFields, status: z.enum(['draft', 'ready', 'archived']) }).partial(),
          response: withErrors({ 200: pollBody }),
        },
      },
      async (req) => pollOut(await builder.update(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.post(
      '/api/polls/:id/questions',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Add a question (at the end, or at `position`); refused once a wave has answers',
          params: idParam,
          body: z.object({ ...questionFields, position: z.number().int().min(1).optional() }),
          response: withErrors({ 200: questionBody }),
        },
      },
      async (req) => questionView(await builder.addQuestion(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.patch(
      '/api/polls/questions/:id',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Change a question; refused once a wave has answers',
          params: idParam,
          body: z
            .object({
              type: questionType,
              textKk: questionFields.textKk,
              textRu: questionFields.textRu,
              required: z.boolean(),
              options: z.array(option).max(OPTIONS_MAX),
              showIfQuestionId: bodyId.nullable(),
              showIfAnswers: z.array(z.string()),
            })
            .partial(),
          response: withErrors({ 200: questionBody }),
        },
      },
      async (req) => questionView(await builder.updateQuestion(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.post(
      '/api/polls/questions/:id/move',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Move a question to another position (skip rules must still point upwards)',
          params: idParam,
          body: z.object({ position: z.number().int().min(1) }),
          response: withErrors({ 200: questionBody }),
        },
      },
      async (req) => questionView(await builder.moveQuestion(actorOf(req), staffOf(req), req.params.id, req.body.position)),
    );

    app.delete(
      '/api/polls/questions/:id',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Delete a question (not one another question depends on); refused once a wave has answers',
          params: idParam,
          response: withErrors({ 200: okBody }),
        },
      },
      async (req) => {
        await builder.deleteQuestion(actorOf(req), staffOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/polls/:id/waves',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Add a wave (baseline, midterm, final …); it is numbered after the last one',
          params: idParam,
          body: z.object(waveFields),
          response: withErrors({ 200: waveBody }),
        },
      },
      async (req) => waveOut(await builder.createWave(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    app.patch(
      '/api/polls/waves/:id',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Change labels, the end or the reminder delay; the start only before it opens',
          params: idParam,
          body: z.object(waveFields).partial(),
          response: withErrors({ 200: waveBody }),
        },
      },
      async (req) => waveOut(await builder.updateWave(actorOf(req), staffOf(req), req.params.id, req.body)),
    );

    for (const [action, summary] of [
      ['open', 'Open the wave for answers (its link works from opensAt)'],
      ['close', 'Close the wave now: no more answers; unfinished drafts are dropped'],
    ] as const) {
      app.post(
        `/api/polls/waves/:id/${action}`,
        { onRequest: manager, schema: { tags, summary, params: idParam, response: withErrors({ 200: waveBody }) } },
        async (req) =>
          waveOut(
            action === 'open'
              ? await builder.openWave(actorOf(req), staffOf(req), req.params.id)
              : await builder.closeWave(actorOf(req), staffOf(req), req.params.id),
          ),
      );
    }

    app.post(
      '/api/polls/waves/:id/send',
      {
        onRequest: manager,
        schema: {
          tags,
          summary:
            'Send the wave to all beneficiaries of the project reachable in Telegram (opens a draft wave). Never sends twice; again later adds only new beneficiaries',
          params: idParam,
          response: withErrors({ 200: progressBody }),
        },
      },
      async (req) => builder.sendToAll(actorOf(req), staffOf(req), req.params.id),
    );

    app.get(
      '/api/polls/waves/:id/qr.png',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: "The wave's invitation link as a QR code, PNG (409 project.no_bot_username without BOT_USERNAME)",
          params: idParam,
          querystring: z.object({ size: z.coerce.number().int().min(128).max(2000).default(600).describe('pixels') }),
          response: withErrors({ 200: z.unknown().describe('image/png') }),
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'image/png')
          .header('cache-control', 'private, no-store')
          .send(await qrPng(await linkOf(req, req.params.id), req.query.size)),
    );

    app.get(
      '/api/polls/waves/:id/qr.svg',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: "The wave's invitation link as a QR code, SVG",
          params: idParam,
          response: withErrors({ 200: z.unknown().describe('image/svg+xml') }),
        },
      },
      async (req, reply) =>
        reply
          .header('content-type', 'image/svg+xml; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .send(await qrSvg(await linkOf(req, req.params.id))),
    );

    app.get(
      '/api/polls/waves/:id/progress',
      {
        onRequest: manager,
        schema: {
          tags,
          summary: 'Distribution progress, read from the outbox: queued, sent, blocked, failed, answered',
          params: idParam,
          response: withErrors({ 200: progressBody }),
        },
      },
      async (req) => builder.progress(staffOf(req), req.params.id),
    );
  };
