// Response templates for report notes: admins write them, operators read them and see, for one
// report, the templates that fit it, filled in its citizen's language.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ResponseTemplate } from '../../generated/prisma/client.ts';
import { getReportSummary } from '../../core/reports/report-query.ts';
import { PLACEHOLDERS, TEMPLATE_TEXT_MAX } from '../../core/reports/report-templates.ts';
import type { Services } from '../../core/services.ts';
import { assertInScope } from '../../core/staff/scope.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, okBody, withErrors, positiveId, bodyId } from '../schemas.ts';
import { status } from './reports.ts';

const placeholders = PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ');
const text = z.string().trim().min(1).max(TEMPLATE_TEXT_MAX).describe(`may use ${placeholders}`);

const templateBody = z.object({
  id: z.number(),
  categoryId: z.number().nullable().describe('null: any category'),
  status,
  title: z.string(),
  textKk: z.string(),
  textRu: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const view = (t: ResponseTemplate): z.infer<typeof templateBody> => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() });

const fields = {
  categoryId: bodyId.nullable(),
  status,
  title: z.string().trim().min(1).max(200),
  textKk: text,
  textRu: text,
  active: z.boolean(),
};
const createBody = z.object({ ...fields, categoryId: fields.categoryId.default(null), active: fields.active.optional() });
const patchBody = z.object(fields).partial();

export const reportTemplateRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const operator = requireStaff(services.staff, ['operator']);
    const tags = ['report templates'];
    const templates = services.reportTemplates;

    app.get(
      '/api/report-templates',
      {
        onRequest: operator,
        schema: {
          tags,
          summary: 'Response templates',
          querystring: z.object({
            status: status.optional(),
            categoryId: positiveId.optional().describe('this category and any-category templates'),
            active: z.enum(['true', 'false']).optional(),
          }),
          response: withErrors({ 200: z.array(templateBody) }),
        },
      },
      async (req) => {
        const { active, ...rest } = req.query;
        return (await templates.list({ ...rest, active: active === undefined ? undefined : active === 'true' })).map(view);
      },
    );

    app.get('/api/report-templates/:id', { onRequest: operator, schema: { tags, params: idParam, response: withErrors({ 200: templateBody }) } }, async (req) =>
      view(await templates.get(req.params.id)),
    );

    app.post(
      '/api/report-templates',
      {
        onRequest: admin,
        schema: { tags, summary: `Create a template (placeholders: ${placeholders})`, body: createBody, response: withErrors({ 201: templateBody }) },
      },
      async (req, reply) => reply.status(201).send(view(await templates.create(actorOf(req), req.body))),
    );

    app.patch(
      '/api/report-templates/:id',
      { onRequest: admin, schema: { tags, summary: 'Change a template', params: idParam, body: patchBody, response: withErrors({ 200: templateBody }) } },
      async (req) => view(await templates.update(actorOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/report-templates/:id',
      { onRequest: admin, schema: { tags, summary: 'Delete a template', params: idParam, response: withErrors({ 200: okBody }) } },
      async (req) => {
        await templates.remove(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/reports/:id/templates',
      {
        onRequest: operator,
        schema: {
          tags,
          summary: "Templates that fit this report, filled in its citizen's language",
          params: idParam,
          querystring: z.object({ to: status.optional().describe('only for this target status; default: every status the report can move to') }),
          response: withErrors({ 200: z.array(templateBody.extend({ locale: z.enum(['kk', 'ru']), preview: z.string() })) }),
        },
      },
      async (req) => {
        assertInScope(staffOf(req), await getReportSummary(services.prisma, req.params.id, services.now()));
        return (await templates.applicable(req.params.id, req.query.to)).map((f) => ({ ...view(f.template), locale: f.locale, preview: f.text }));
      },
    );
  };
