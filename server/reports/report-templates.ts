// Response templates for report notes: admins write them, operators read them and see, for one
// report, the templates that fit it, filled in its citizen's language.
import type { z } from 'zod';
import type { ResponseTemplate } from '../../generated/prisma/client.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody, withErrors } from '../schemas.ts';
import { createBody, fitQuery, fittedBody, listQuery, patchBody, placeholders, templateBody } from './report-templates-schemas.ts';

const view = (t: ResponseTemplate): z.output<typeof templateBody> => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() });

export const reportTemplateRoutes = routeModule('report templates', 'admin', (app, { operator, tags, opts }, services) => {
  const templates = services.reportTemplates;

  app.get('/api/report-templates', opts('Response templates', { querystring: listQuery, response: templateBody.array() }, operator), async (req) => {
    const { active, ...rest } = req.query;
    return (await templates.list({ ...rest, active: active === undefined ? undefined : active === 'true' })).map(view);
  });

  app.get('/api/report-templates/:id', { onRequest: operator, schema: { tags, params: idParam, response: withErrors({ 200: templateBody }) } }, async (req) =>
    view(await templates.get(req.params.id)),
  );

  app.post(
    '/api/report-templates',
    opts(`Create a template (placeholders: ${placeholders})`, { body: createBody, created: templateBody }),
    async (req, reply) => reply.status(201).send(view(await templates.create(actorOf(req), req.body))),
  );

  app.patch('/api/report-templates/:id', opts('Change a template', { params: idParam, body: patchBody, response: templateBody }), async (req) =>
    view(await templates.update(actorOf(req), req.params.id, req.body)),
  );

  app.delete('/api/report-templates/:id', opts('Delete a template', { params: idParam, response: okBody }), async (req) =>
    okAfter(templates.remove(actorOf(req), req.params.id)),
  );

  app.get(
    '/api/reports/:id/templates',
    opts(
      "Templates that fit this report, filled in its citizen's language",
      { params: idParam, querystring: fitQuery, response: fittedBody.array() },
      operator,
    ),
    async (req) => {
      return (await templates.applicable(staffOf(req), req.params.id, req.query.to)).map((f) => ({ ...view(f.template), locale: f.locale, preview: f.text }));
    },
  );
});
