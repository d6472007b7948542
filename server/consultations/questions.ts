// Citizens' questions for consultants (admins pass too): the queue with filters (oldest first), the
// detail with the whole thread, and the work on a question: claim, release, hand over, answer, internal
// notes, close with a result, and promoting a good answer into the knowledge base. Scope (the
// consultant's region) is checked by the services before anything is read or changed.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AskerGroup, ConsultationResult, QuestionState } from '../../generated/prisma/enums.ts';
import type { Question } from '../../generated/prisma/client.ts';
import {
  getQuestionDetail,
  getQuestionSummary,
  listQuestions,
  questionWhere,
  type QuestionSummary,
  type ThreadMessage,
} from '../../core/consultations/question-query.ts';
import { ANSWER_MAX, LINK_TITLE_MAX, LINK_URL_MAX, NOTE_MAX } from '../../core/consultations/question-staff.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, withErrors, positiveId, idCursor, dateTime } from '../schemas.ts';
import { faqBody, faqView } from './faq.ts';

const STATES = Object.values(QuestionState) as QuestionState[];
const id = positiveId;
const iso = (d: Date | null) => d?.toISOString() ?? null;
/** Long enough for any real text; the service refuses empty and over-long texts with its own codes. */
const text = (max: number) =>
  z
    .string()
    .max(max * 5)
    .describe(`1–${max} characters`);

const listQuery = z.object({
  topicId: id.optional(),
  state: z
    .string()
    .max(100)
    .refine((v) => v.split(',').every((s) => (STATES as string[]).includes(s.trim())), 'unknown state')
    .optional()
    .describe('comma-separated: waiting, claimed, answered, closed (default: all but closed)'),
  olderThanHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 366)
    .optional()
    .describe('asked at least this many hours ago'),
  from: dateTime.optional().describe('asked at or after'),
  to: dateTime.optional().describe('asked at or before'),
  regionId: id.optional(),
  consultant: z
    .union([z.enum(['mine', 'none']), positiveId])
    .optional()
    .describe('mine: held by you; none: held by nobody; a staff id: held by them'),
  overdue: z.enum(['true', 'false']).optional().describe('true: the first answer is past due, or a follow-up was flagged overdue'),
  cursor: idCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const person = z.object({ id: z.number(), fullName: z.string() });

const summaryBody = z.object({
  id: z.number(),
  number: z.string(),
  state: z.enum(STATES as [QuestionState, ...QuestionState[]]),
  topicId: z.number(),
  askerGroup: z.enum(Object.values(AskerGroup) as [AskerGroup, ...AskerGroup[]]),
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
  result: z.enum(Object.values(ConsultationResult) as [ConsultationResult, ...ConsultationResult[]]).nullable(),
  rating: z.number().nullable(),
});

const summaryView = (s: QuestionSummary): z.infer<typeof summaryBody> => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  dueAt: iso(s.dueAt),
  claimedAt: iso(s.claimedAt),
  firstAnsweredAt: iso(s.firstAnsweredAt),
  lastAnsweredAt: iso(s.lastAnsweredAt),
  followUpAt: iso(s.followUpAt),
  closedAt: iso(s.closedAt),
});

const attachmentBody = z
  .object({
    kind: z.string().describe('photo, document, voice, … (a citizen’s Telegram file) or link (a consultant’s)'),
    fileName: z.string().nullable(),
    mimeType: z.string().nullable(),
    fileSize: z.number().nullable(),
    url: z.string().nullable(),
    title: z.string().nullable(),
  })
  .nullable();

const messageBody = z.object({
  id: z.number(),
  at: z.string(),
  kind: z.string().describe('question, followup, answer, note (internal), claim, release, handover, close, promote, rating, overdue, escalated, reminder'),
  authorType: z.enum(['citizen', 'staff', 'system']),
  staff: person.nullable(),
  text: z.string().nullable(),
  attachment: attachmentBody,
  data: z.unknown().describe('what the step changed, e.g. {"from": 3, "to": 5} for a hand-over'),
});

/** What staff see of an attachment: never Telegram's file id. */
function attachmentView(raw: unknown): z.infer<typeof attachmentBody> {
  if (!raw || typeof raw !== 'object') return null;
  const a = raw as Record<string, unknown>;
  const str = (k: string) => (typeof a[k] === 'string' ? (a[k] as string) : null);
  return {
    kind: str('kind') ?? 'file',
    fileName: str('fileName'),
    mimeType: str('mimeType'),
    fileSize: typeof a.fileSize === 'number' ? a.fileSize : null,
    url: str('url'),
    title: str('title'),
  };
}

const messageView = (m: ThreadMessage): z.infer<typeof messageBody> => ({
  id: m.id,
  at: m.at.toISOString(),
  kind: m.kind,
  authorType: m.authorType as 'citizen' | 'staff' | 'system',
  staff: m.staff,
  text: m.text,
  attachment: attachmentView(m.attachment),
  data: m.data ?? null,
});

const detailBody = summaryBody.extend({
  text: z.string(),
  citizenFirstName: z.string().nullable().describe("the asker's first name, only if they consented to personal data processing"),
  citizenLocale: z.enum(['kk', 'ru']).describe('the language the answer reaches them in'),
  ratingComment: z.string().nullable(),
  thread: z.array(messageBody).describe('oldest first, internal notes included'),
});

const answerBody = z.object({
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

const closeBody = z.object({
  result: z.enum(['answered', 'referred', 'not_in_scope']),
  note: text(NOTE_MAX)
    .nullable()
    .optional()
    .describe('required for referred and not_in_scope: the citizen receives it (where to turn, or why); internal for answered'),
});

const promoteBody = z.object({
  titleKk: z.string().max(1000),
  titleRu: z.string().max(1000),
  bodyKk: z.string().max(20_000).nullable().optional().describe("defaults to the last answer when the asker's language is Kazakh"),
  bodyRu: z.string().max(20_000).nullable().optional().describe("defaults to the last answer when the asker's language is Russian"),
});

export const questionRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const consultant = requireStaff(services.staff, ['consultant']);
    const tags = ['questions'];
    const cal = () => services.calendar.calendar();

    app.get(
      '/api/questions',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'The queue: questions in your scope, oldest first',
          querystring: listQuery,
          response: withErrors({ 200: z.object({ items: z.array(summaryBody), nextCursor: z.string().nullable() }) }),
        },
      },
      async (req) => {
        const q = req.query;
        const now = services.now();
        const filter = {
          topicId: q.topicId,
          states: q.state ? (q.state.split(',').map((s) => s.trim()) as QuestionState[]) : undefined,
          olderThanHours: q.olderThanHours,
          from: q.from,
          to: q.to,
          regionId: q.regionId,
          consultant: q.consultant,
          overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
        };
        const page = await listQuestions(services.prisma, questionWhere(filter, staffOf(req), now), { cursor: q.cursor, limit: q.limit }, await cal(), now);
        return { items: page.items.map(summaryView), nextCursor: page.nextCursor == null ? null : String(page.nextCursor) };
      },
    );

    app.get(
      '/api/questions/:id',
      { onRequest: consultant, schema: { tags, summary: 'A question with its whole thread', params: idParam, response: withErrors({ 200: detailBody }) } },
      async (req) => {
        const d = await getQuestionDetail(services.prisma, staffOf(req), req.params.id, await cal(), services.now());
        return {
          ...summaryView(d),
          text: d.text,
          citizenFirstName: d.citizenFirstName,
          citizenLocale: d.citizenLocale,
          ratingComment: d.ratingComment,
          thread: d.thread.map(messageView),
        };
      },
    );

    /** POST /api/questions/:id/<action>: does it, then answers with the question's summary. */
    function action<B extends z.ZodType>(
      name: string,
      summary: string,
      body: B | undefined,
      act: (req: FastifyRequest, id: number, body: z.output<B>) => Promise<Question>,
    ) {
      app.post(
        `/api/questions/:id/${name}`,
        { onRequest: consultant, schema: { tags, summary, params: idParam, ...(body ? { body } : {}), response: withErrors({ 200: summaryBody }) } },
        async (req) => {
          await act(req, req.params.id, req.body as z.output<B>);
          return summaryView(await getQuestionSummary(services.prisma, staffOf(req), req.params.id, await cal(), services.now()));
        },
      );
    }

    const qs = services.questionStaff;
    action('claim', 'Take the question: others see you hold it (409 names the holder if someone was quicker)', undefined, (req, id) =>
      qs.claim(actorOf(req), staffOf(req), id),
    );
    action('release', 'Put it back in the queue (its holder, or an admin for anyone’s)', undefined, (req, id) => qs.release(actorOf(req), staffOf(req), id));
    action(
      'handover',
      'Hand it over to another active consultant (they get a notice)',
      z.object({ consultantId: id, note: text(NOTE_MAX).nullable().optional() }),
      (req, id, b) => qs.handover(actorOf(req), staffOf(req), id, b),
    );
    action('answer', 'Answer: the citizen receives it in the bot (claims the question if nobody holds it)', answerBody, (req, id, b) =>
      qs.answer(actorOf(req), staffOf(req), id, b),
    );
    action('notes', 'An internal note (never sent to the citizen)', z.object({ text: text(NOTE_MAX) }), (req, id, b) =>
      qs.note(actorOf(req), staffOf(req), id, b.text),
    );
    action('close', 'Close with a result', closeBody, (req, id, b) => qs.close(actorOf(req), staffOf(req), id, b));

    app.post(
      '/api/questions/:id/promote',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Make the last answer a draft knowledge-base article (the other language must be given)',
          params: idParam,
          body: promoteBody,
          response: withErrors({ 201: faqBody }),
        },
      },
      async (req, reply) => reply.status(201).send(faqView(await services.faq.promote(actorOf(req), staffOf(req), req.params.id, req.body))),
    );
  };
