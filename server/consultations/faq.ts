// The knowledge base for consultants (admins pass too): articles in both languages per topic, drafts
// and published ones, the search the bot uses (drafts included here), edits and removal.
import type { z } from 'zod';
import type { FaqArticle } from '../../generated/prisma/client.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { cursorPage, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import { createBody, faqBody, listBody, listQuery, patchBody, searchBody, searchQuery } from './faq-schemas.ts';

export const faqView = (a: FaqArticle): z.output<typeof faqBody> => ({ ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() });

export const faqRoutes = routeModule('faq', 'consultant', (app, { opts }, services) => {
  app.get('/api/faq', opts('Knowledge-base articles, oldest first', { querystring: listQuery, response: listBody }), async (req) => {
    const { topicId, published, cursor, limit } = req.query;
    const page = await services.consultations.faq.list({ topicId, published: published === undefined ? undefined : published === 'true', cursor, limit });
    return cursorPage(page, faqView);
  });

  app.get(
    '/api/faq/search',
    opts('Articles matching the words of a question, in Kazakh or Russian (drafts included)', { querystring: searchQuery, response: searchBody }),
    async (req) => ({
      items: (await services.consultations.faq.search(req.query.q, req.query.topicId)).map((m) => ({
        score: Math.round(m.score * 1000) / 1000,
        article: faqView(m.article),
      })),
    }),
  );

  app.get('/api/faq/:id', opts('One article', { params: idParam, response: faqBody }), async (req) =>
    faqView(await services.consultations.faq.get(req.params.id)),
  );

  app.post('/api/faq', opts('Write an article in both languages', { body: createBody, created: faqBody }), async (req, reply) => {
    const a = await services.consultations.faq.create(actorOf(req), staffOf(req), req.body);
    return reply.status(201).send(faqView(a));
  });

  app.patch(
    '/api/faq/:id',
    opts('Edit, publish ({"published": true}) or unpublish an article', { params: idParam, body: patchBody, response: faqBody }),
    async (req) => faqView(await services.consultations.faq.update(actorOf(req), req.params.id, req.body)),
  );

  app.delete('/api/faq/:id', opts('Delete an article (the audit log keeps it)', { params: idParam, response: okBody }), async (req) =>
    okAfter(services.consultations.faq.remove(actorOf(req), req.params.id)),
  );
});
