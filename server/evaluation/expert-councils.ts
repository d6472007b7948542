// Expert councils for admins (seed 003, Rules p. 16): members are staff accounts with the expert role, with
// the organisation and position printed in Annex 7; a council is assigned to a finished project.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { POSITION_MAX, type CouncilView } from '../../core/evaluation/councils.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { idParam, okBody, withErrors, positiveId, bodyId } from '../schemas.ts';

const councilFields = {
  name: z.string().trim().min(1).max(300),
  regionId: bodyId.nullable().optional().describe('null: a national council'),
  stateBodyId: bodyId.nullable().optional().describe('the state body the council works at'),
};

const councilBody = z.object({
  id: z.number(),
  name: z.string(),
  regionId: z.number().nullable(),
  stateBodyId: z.number().nullable(),
  createdAt: z.string(),
  members: z.array(z.object({ staffUserId: z.number(), fullName: z.string(), position: z.string(), active: z.boolean(), addedAt: z.string() })),
  projectIds: z.array(z.number()).describe('projects assigned to this council'),
});

const view = (c: CouncilView): z.infer<typeof councilBody> => ({
  id: c.id,
  name: c.name,
  regionId: c.regionId,
  stateBodyId: c.stateBodyId,
  createdAt: c.createdAt.toISOString(),
  members: c.members.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() })),
  projectIds: c.projectIds,
});

const memberParams = z.object({ id: positiveId, staffUserId: positiveId });

export const expertCouncilRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const tags = ['evaluation'];
    const { councils } = services.projects;

    app.get(
      '/api/expert-councils',
      {
        onRequest: admin,
        schema: { tags, summary: 'Expert councils with their members', response: withErrors({ 200: z.object({ items: z.array(councilBody) }) }) },
      },
      async () => ({ items: (await councils.list()).map(view) }),
    );

    app.post(
      '/api/expert-councils',
      { onRequest: admin, schema: { tags, summary: 'Form an expert council', body: z.object(councilFields), response: withErrors({ 200: councilBody }) } },
      async (req) => view(await councils.create(actorOf(req), req.body)),
    );

    app.get(
      '/api/expert-councils/:id',
      { onRequest: admin, schema: { tags, summary: 'A council', params: idParam, response: withErrors({ 200: councilBody }) } },
      async (req) => view(await councils.get(req.params.id)),
    );

    app.patch(
      '/api/expert-councils/:id',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Rename or re-scope a council',
          params: idParam,
          body: z
            .object(councilFields)
            .partial()
            .refine((b) => Object.keys(b).length > 0, 'nothing to change'),
          response: withErrors({ 200: councilBody }),
        },
      },
      async (req) => view(await councils.update(actorOf(req), req.params.id, req.body)),
    );

    app.delete(
      '/api/expert-councils/:id',
      { onRequest: admin, schema: { tags, summary: 'Delete a council that evaluates no project', params: idParam, response: withErrors({ 200: okBody }) } },
      async (req) => {
        await councils.remove(actorOf(req), req.params.id);
        return { ok: true as const };
      },
    );

    app.put(
      '/api/expert-councils/:id/members/:staffUserId',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Add a member (an active staff account with the expert role) or change their position text',
          params: memberParams,
          body: z.object({ position: z.string().max(POSITION_MAX).default('').describe('organisation and position, as printed in Annex 7') }),
          response: withErrors({ 200: councilBody }),
        },
      },
      async (req) => view(await councils.setMember(actorOf(req), req.params.id, req.params.staffUserId, req.body.position)),
    );

    app.delete(
      '/api/expert-councils/:id/members/:staffUserId',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Remove a member (scores already given stay in the evaluation)',
          params: memberParams,
          response: withErrors({ 200: councilBody }),
        },
      },
      async (req) => view(await councils.removeMember(actorOf(req), req.params.id, req.params.staffUserId)),
    );

    app.put(
      '/api/projects/:id/council',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Assign the council that evaluates a finished project (null: none); not after the evaluation is closed',
          params: idParam,
          body: z.object({ councilId: bodyId.nullable() }),
          response: withErrors({ 200: okBody }),
        },
      },
      async (req) => {
        await councils.assign(actorOf(req), req.params.id, req.body.councilId);
        return { ok: true as const };
      },
    );
  };
