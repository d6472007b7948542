// The questions API's shapes: the queue's filters, a question's summary and its thread as the console
// shows them, and what the work on a question takes (hand-over, answer, note, close, promote).
import { z } from 'zod';
import { AskerGroup, ConsultationResult, QuestionState } from '../../generated/prisma/enums.ts';
import { ANSWER_MAX, LINK_TITLE_MAX, LINK_URL_MAX, NOTE_MAX } from '../../core/consultations/consultation-rules.ts';
import { cursorPageOf, enumOf, idCursor, instantRange, kkRu, listLimit, positiveId, storedFile } from '../schemas.ts';

const STATES: string[] = Object.values(QuestionState);
const id = positiveId;
/** Long enough for any real text; the service refuses empty and over-long texts with its own codes. */
const text = (max: number) =>
  z
    .string()
    .max(max * 5)
    .describe(`1–${max} characters`);

export const listQuery = z.object({
  topicId: id.optional(),
  state: z
    .string()
    .max(100)
    .refine((v) => v.split(',').every((s) => STATES.includes(s.trim())), 'unknown state')
    .optional()
    .describe('comma-separated: waiting, claimed, answered, closed (default: all but closed)'),
  olderThanHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional()
    .describe('asked at least this many hours ago'),
  ...instantRange('asked'),
  regionId: id.optional(),
  consultant: z
    .union([z.enum(['mine', 'none']), positiveId])
    .optional()
    .describe('mine: held by you; none: held by nobody; a staff id: held by them'),
  overdue: z.enum(['true', 'false']).optional().describe('true: the first answer is past due, or a follow-up was flagged overdue'),
  cursor: idCursor.optional(),
  limit: listLimit,
});

const person = z.object({ id: z.number(), fullName: z.string() });

export const summaryBody = z.object({
  id: z.number(),
  number: z.string(),
  state: enumOf(QuestionState),
  topicId: z.number(),
  askerGroup: enumOf(AskerGroup),
  regionId: z.number().nullable(),
  text: z.string().describe('the first 300 characters'),
  createdAt: z.string(),
  dueAt: z.string().nullable().describe('when the pending answer (first answer or follow-up) is due; null when nothing waits'),
  overdue: z.boolean(),
  holder: person.nullable().describe('the consultant who holds the question'),
  claimedAt: z.string().nullable(),
  firstAnsweredAt: z.string().nullable(),
  lastAnsweredAt: z.string().nullable(),
  followUpAt: z.string().nullable().describe('a follow-up has waited for an answer since then'),
  closedAt: z.string().nullable(),
  result: enumOf(ConsultationResult).nullable(),
  rating: z.number().nullable(),
});
export const listBody = cursorPageOf(summaryBody);

export const attachmentBody = z
  .object({
    kind: z.string().describe('photo, document, voice, … (a citizen’s Telegram file) or link (a consultant’s)'),
    fileName: z.string().nullable(),
    ...storedFile,
    url: z.string().nullable(),
    title: z.string().nullable(),
  })
  .nullable();

export const messageBody = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string().describe('question, followup, answer, note (internal), claim, release, handover, close, promote, rating, overdue, escalated, reminder'),
  authorType: z.enum(['citizen', 'staff', 'system']),
  staff: person.nullable(),
  text: z.string().nullable(),
  attachment: attachmentBody,
  data: z.unknown().describe('what the step changed, e.g. {"from": 3, "to": 5} for a hand-over'),
});

export const detailBody = summaryBody.extend({
  text: z.string(),
  citizenFirstName: z.string().nullable().describe("the asker's first name, only if they consented to personal data processing"),
  citizenLocale: z.enum(['kk', 'ru']).describe('the language the answer reaches them in'),
  ratingComment: z.string().nullable(),
  thread: z.array(messageBody).describe('oldest first, internal notes included'),
});

export const handoverBody = z.object({ consultantId: id, note: text(NOTE_MAX).nullable().optional() });

export const answerBody = z.object({
  text: text(ANSWER_MAX).describe(`the answer the citizen receives, 1–${ANSWER_MAX} characters`),
  attachment: z
    .object({
      url: z
        .string()
        .max(LINK_URL_MAX * 2)
        .describe(`an https:// link, up to ${LINK_URL_MAX} characters`),
      title: z
        .string()
        .max(LINK_TITLE_MAX * 5)
        .nullable()
        .optional(),
    })
    .nullable()
    .optional()
    .describe('a link sent with the answer (a form, a law, a page); files are not uploaded'),
});

export const noteBody = z.object({ text: text(NOTE_MAX) });

export const closeBody = z.object({
  result: z.enum(['answered', 'referred', 'not_in_scope']),
  note: text(NOTE_MAX)
    .nullable()
    .optional()
    .describe('required for referred and not_in_scope: the citizen receives it (where to turn, or why); internal for answered'),
});

export const promoteBody = z.object({
  ...kkRu('title', z.string().max(1000)),
  bodyKk: z.string().max(20_000).nullable().optional().describe("defaults to the last answer when the asker's language is Kazakh"),
  bodyRu: z.string().max(20_000).nullable().optional().describe("defaults to the last answer when the asker's language is Russian"),
});

/** A question in the queue (dates as ISO strings). */
export type QuestionSummary = z.output<typeof summaryBody>;
/** A question with its whole thread. */
export type QuestionDetail = z.output<typeof detailBody>;
export type HandoverInput = z.input<typeof handoverBody>;
export type AnswerInput = z.input<typeof answerBody>;
export type NoteInput = z.input<typeof noteBody>;
export type CloseInput = z.input<typeof closeBody>;
export type PromoteInput = z.input<typeof promoteBody>;
