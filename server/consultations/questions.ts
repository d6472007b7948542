// Citizens' questions for consultants (admins pass too): the queue with filters (oldest first), the
// detail with the whole thread, and the work on a question: claim, release, hand over, answer, internal
// notes, close with a result, and promoting a good answer into the knowledge base. Scope (the
// consultant's region) is checked by the services before anything is read or changed.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { QuestionState } from '../../generated/prisma/enums.ts';
import type { Question } from '../../generated/prisma/client.ts';
import type { QuestionSummary, ThreadMessage } from '../../core/consultations/question-query.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { cursorPage, iso, postAction, routeModule } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import { faqBody } from './faq-schemas.ts';
import { faqView } from './faq.ts';
import {
  answerBody,
  attachmentBody,
  closeBody,
  detailBody,
  handoverBody,
  listBody,
  listQuery,
  messageBody,
  noteBody,
  promoteBody,
  summaryBody,
} from './questions-schemas.ts';

const summaryView = (s: QuestionSummary): z.output<typeof summaryBody> => ({
  ...s,
  createdAt: s.createdAt.toISOString(),
  dueAt: iso(s.dueAt),
  claimedAt: iso(s.claimedAt),
  firstAnsweredAt: iso(s.firstAnsweredAt),
  lastAnsweredAt: iso(s.lastAnsweredAt),
  followUpAt: iso(s.followUpAt),
  closedAt: iso(s.closedAt),
});

/** What staff see of an attachment: never Telegram's file id. */
function attachmentView(raw: unknown): z.output<typeof attachmentBody> {
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

const messageView = (m: ThreadMessage): z.output<typeof messageBody> => ({
  id: m.id,
  at: m.at.toISOString(),
  kind: m.kind,
  authorType: m.authorType as 'citizen' | 'staff' | 'system',
  staff: m.staff,
  text: m.text,
  attachment: attachmentView(m.attachment),
  data: m.data ?? null,
});

export const questionRoutes = routeModule('questions', 'consultant', (app, { guard: consultant, tags, opts }, services) => {
  const queries = services.consultations.queries;

  app.get('/api/questions', opts('The queue: questions in your scope, oldest first', { querystring: listQuery, response: listBody }), async (req) => {
    const q = req.query;
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
    const page = await queries.list(staffOf(req), filter, { cursor: q.cursor, limit: q.limit });
    return cursorPage(page, summaryView);
  });

  app.get('/api/questions/:id', opts('A question with its whole thread', { params: idParam, response: detailBody }), async (req) => {
    const d = await queries.detail(staffOf(req), req.params.id);
    return {
      ...summaryView(d),
      text: d.text,
      citizenFirstName: d.citizenFirstName,
      citizenLocale: d.citizenLocale,
      ratingComment: d.ratingComment,
      thread: d.thread.map(messageView),
    };
  });

  /** POST /api/questions/:id/<action>: does it, then answers with the question's summary. */
  const action = <B extends z.ZodType | undefined>(
    name: string,
    summary: string,
    body: B,
    act: (req: FastifyRequest, id: number, body: B extends z.ZodType ? z.output<B> : undefined) => Promise<Question>,
  ) =>
    postAction(app, `/api/questions/:id/${name}`, {
      onRequest: consultant,
      tags,
      summary,
      body,
      response: summaryBody,
      act,
      answer: async (req, id) => summaryView(await queries.summary(staffOf(req), id)),
    });

  const qs = services.consultations.staff;
  action('claim', 'Take the question: others see you hold it (409 names the holder if someone was quicker)', undefined, (req, id) =>
    qs.claim(actorOf(req), staffOf(req), id),
  );
  action('release', 'Put it back in the queue (its holder, or an admin for anyone’s)', undefined, (req, id) => qs.release(actorOf(req), staffOf(req), id));
  action('handover', 'Hand it over to another active consultant (they get a notice)', handoverBody, (req, id, b) =>
    qs.handover(actorOf(req), staffOf(req), id, b),
  );
  action('answer', 'Answer: the citizen receives it in the bot (claims the question if nobody holds it)', answerBody, (req, id, b) =>
    qs.answer(actorOf(req), staffOf(req), id, b),
  );
  action('notes', 'An internal note (never sent to the citizen)', noteBody, (req, id, b) => qs.note(actorOf(req), staffOf(req), id, b.text));
  action('close', 'Close with a result', closeBody, (req, id, b) => qs.close(actorOf(req), staffOf(req), id, b));

  app.post(
    '/api/questions/:id/promote',
    opts('Make the last answer a draft knowledge-base article (the other language must be given)', { params: idParam, body: promoteBody, created: faqBody }),
    async (req, reply) => reply.status(201).send(faqView(await services.consultations.faq.promote(actorOf(req), staffOf(req), req.params.id, req.body))),
  );
});
