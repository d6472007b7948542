// The poll builder API's shapes: a poll with its questions (kk/ru, six types, options, skip rules) and
// waves (with the invitation link), the distribution progress, and what managers write.
import { z } from 'zod';
import {
  INTRO_MAX,
  OPTION_CODE,
  OPTION_LABEL_MAX,
  OPTIONS_MAX,
  QUESTION_TEXT_MAX,
  QUESTION_TYPES,
  REMINDER_HOURS_MAX,
  TITLE_MAX,
} from '../../core/polls/poll-rules.ts';
import type { PollQuestionType } from '../../generated/prisma/enums.ts';
import { answerWindow, bodyId, dateTime, kkRu, positiveId } from '../schemas.ts';

export const questionType = z
  .enum(QUESTION_TYPES as [PollQuestionType, ...PollQuestionType[]])
  .describe('satisfaction: the national 4-point scale with "hard to answer"; rating: 1–5; single/multiple: your options; yes_no; text: typed');
const option = z.object({
  code: z.string().regex(OPTION_CODE).describe('stable code the results use, e.g. "often"'),
  kk: z.string().trim().min(1).max(OPTION_LABEL_MAX),
  ru: z.string().trim().min(1).max(OPTION_LABEL_MAX),
});

const questionFields = {
  type: questionType,
  ...kkRu('text', z.string().max(QUESTION_TEXT_MAX)),
  required: z.boolean().default(true),
  options: z.array(option).max(OPTIONS_MAX).default([]).describe('single and multiple only'),
  showIfQuestionId: bodyId.nullable().default(null).describe('skip rule: show only when this earlier question …'),
  showIfAnswers: z
    .array(z.string())
    .default([])
    .describe('… was answered with one of these codes (satisfaction: fully, rather, rather_not, not_at_all, hard_to_say; yes_no: yes, no; rating: "1"…"5")'),
};
export const addQuestionBody = z.object({ ...questionFields, position: z.number().int().min(1).optional() });
export const patchQuestionBody = z
  .object({
    type: questionType,
    textKk: questionFields.textKk,
    textRu: questionFields.textRu,
    required: z.boolean(),
    options: z.array(option).max(OPTIONS_MAX),
    showIfQuestionId: bodyId.nullable(),
    showIfAnswers: z.array(z.string()),
  })
  .partial();
export const moveBody = z.object({ position: z.number().int().min(1) });

export const questionBody = z.object({
  id: z.number(),
  position: z.number(),
  type: questionType,
  ...kkRu('text'),
  required: z.boolean(),
  options: z.array(option),
  showIfQuestionId: z.number().nullable(),
  showIfAnswers: z.array(z.string()),
});

export const waveBody = z.object({
  id: z.number(),
  pollId: z.number(),
  position: z.number().describe('1 = baseline; dynamics compare consecutive waves'),
  ...kkRu('label'),
  ...answerWindow,
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

export const pollBody = z.object({
  id: z.number(),
  projectId: z.number(),
  ...kkRu('title'),
  ...kkRu('intro'),
  anonymous: z.boolean().describe('responses keep no citizen id; only the invitation records that someone answered'),
  status: z.enum(['draft', 'ready', 'archived']),
  createdAt: z.string(),
  questions: z.array(questionBody),
  waves: z.array(waveBody),
});
export const pollsBody = z.object({ items: z.array(pollBody) });
export const pollsQuery = z.object({ projectId: positiveId });

export const progressBody = z.object({
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

const pollFields = {
  ...kkRu('title', z.string().max(TITLE_MAX)),
  ...kkRu('intro', z.string().max(INTRO_MAX).optional()),
  anonymous: z.boolean().optional(),
};
export const createPollBody = z.object({ projectId: bodyId, ...pollFields });
export const patchPollBody = z.object({ ...pollFields, status: z.enum(['draft', 'ready', 'archived']) }).partial();

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
export const createWaveBody = z.object(waveFields);
export const patchWaveBody = z.object(waveFields).partial();

export type Poll = z.output<typeof pollBody>;
export type PollQuestion = z.output<typeof questionBody>;
export type PollWave = z.output<typeof waveBody>;
export type WaveProgress = z.output<typeof progressBody>;
export type QuestionInput = z.input<typeof addQuestionBody>;
export type QuestionPatch = z.input<typeof patchQuestionBody>;
export type PollInput = z.input<typeof createPollBody>;
export type PollPatch = z.input<typeof patchPollBody>;
export type WaveInput = z.input<typeof createWaveBody>;
