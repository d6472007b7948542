// The knowledge base for consultants (admins pass too): articles in both languages per topic, drafts
// and published ones, the search the bot uses (drafts included here), edits and removal.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FaqArticle } from '../../generated/prisma/client.ts';
import { FAQ_QUERY_MAX } from '../../core/consultations/faq-service.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, okBody, withErrors, positiveId, idCursor } from '../schemas.ts';

const id = positiveId;
/** Long enough for any real text; the service refuses empty and over-long texts with its own codes. */
const text = z.string().max(20_000);

export const faqBody = z.object({
  id: z.number(),
  topicId: z.number(),
  titleKk: z.string(),
  titleRu: z.string(),
  bodyKk: z.string(),
  bodyRu: z.string(),
  published: z.boolean(),
  sourceQuestionId: z.number().nullable().describe('the question whose answer it was promoted from'),
  shownCount: z.number().describe('times the bot offered it as a possible answer'),
  helpedCount: z.number().describe('times a citizen said it answered their question'),
  createdById: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const faqView = (a: FaqArticle): z.infer<typeof faqBody> => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() });

const createBody = z.object({
  topicId: id,
  titleKk: text.describe('1–200 characters'),
  titleRu: text.describe('1–200 characters'),
  bodyKk: text.describe('1–3500 characters'),
  bodyRu: text.describe('1–3500 characters'),
  published: z.boolean().optional().describe('false (a draft) by default; only published articles reach citizens'),
});

export const faqRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const consultant = requireStaff(services.staff, ['consultant']);
    const tags = ['faq'];

    app.get(
      '/api/faq',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Knowledge-base articles, oldest first',
          querystring: z.object({
            topicId: id.optional(),
            published: z.enum(['true', 'false']).optional().describe('true: published only; false: drafts only'),
            cursor: idCursor.optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: withErrors({ 200: z.object({ items: z.array(faqBody), nextCursor: z.string().nullable() }) }),
        },
      },
      async (req) => {
        const { topicId, published, cursor, limit } = req.query;
        const page = await services.faq.list({ topicId, published: published === undefined ? undefined : published === 'true', cursor, limit });
        return { items: page.items.map(faqView), nextCursor: page.nextCursor == null ? null : String(page.nextCursor) };
      },
    );

    app.get(
      '/api/faq/search',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Articles matching the words of a question, in Kazakh or Russian (drafts included)',
          querystring: z.object({
            q: z
              .string()
              .max(FAQ_QUERY_MAX * 4)
              .describe(`the words to look for, up to ${FAQ_QUERY_MAX} characters`),
            topicId: id.optional(),
          }),
          response: withErrors({ 200: z.object({ items: z.array(z.object({ score: z.number().describe('0..1'), article: faqBody })) }) }),
        },
      },
      async (req) => ({
        items: (await services.faq.search(req.query.q, req.query.topicId)).map((m) => ({
          score: Math.round(m.score * 1000) / 1000,
          article: faqView(m.article),
        })),
      }),
    );

    app.get(
      '/api/faq/:id',
      { onRequest: consultant, schema: { tags, summary: 'One article', params: idParam, response: withErrors({ 200: faqBody }) } },
      async (req) => faqView(await services.faq.get(req.params.id)),
    );

    app.post(
      '/api/faq',
      { onRequest: consultant, schema: { tags, summary: 'Write an article in both languages', body: createBody, response: withErrors({ 201: faqBody }) } },
      async (req, reply) => {
        const a = await services.faq.create(actorOf(req), staffOf(req), req.body);
        return reply.status(201).send(faqView(a));
      },
    );

    app.patch(
      '/api/faq/:id',
      {
        onRequest: consultant,
        schema: {
          tags,
          summary: 'Edit, publish ({"published": true}) or unpublish an article',
          params: idParam,
          body: createBody.partial().refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change'),
          response: withErrors({ 200: faqBody }),
        },
      },
      async (req) => faqView(await services.faq.update(actorOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/faq/:id',
      {
        onRequest: consultant,
        schema: { tags, summary: 'Delete an article (the audit log keeps it)', params: idParam, response: withErrors({ 200: okBody }) },
      },
      async (req) => {
        await services.faq.remove(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
