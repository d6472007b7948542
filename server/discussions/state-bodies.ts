// State bodies that publish planned topics, kept by admins, and the body each project manager works for.
// Every write is audited by the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StateBody } from '../../generated/prisma/client.ts';
import type { Services } from '../../core/services.ts';
import { TOPIC_READERS } from '../../core/discussions/discussion-access.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { idParam, withErrors, bodyId } from '../schemas.ts';
import { staffBody, staffView } from '../staff/staff.ts';

const stateBodyBody = z.object({
  id: z.number(),
  code: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  regionId: z.number().nullable().describe('null: a national body'),
  active: z.boolean(),
});

const fields = {
  code: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9._-]+$/i, 'letters, digits, . _ - only'),
  nameKk: z.string().trim().min(2).max(300),
  nameRu: z.string().trim().min(2).max(300),
  regionId: bodyId.nullable(),
  active: z.boolean(),
};

const view = (b: StateBody): z.infer<typeof stateBodyBody> => b;

export const stateBodyRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const readers = requireStaff(services.staff, TOPIC_READERS);
    const bodies = services.discussions.stateBodies;
    const tags = ['state bodies'];

    app.get(
      '/api/state-bodies',
      {
        onRequest: readers,
        schema: {
          tags,
          summary: 'State bodies that publish topics for discussion',
          querystring: z.object({ active: z.enum(['true', 'false']).optional() }),
          response: withErrors({ 200: z.array(stateBodyBody) }),
        },
      },
      async (req) => (await bodies.list({ active: req.query.active === undefined ? undefined : req.query.active === 'true' })).map(view),
    );

    app.get('/api/state-bodies/:id', { onRequest: readers, schema: { tags, params: idParam, response: withErrors({ 200: stateBodyBody }) } }, async (req) =>
      view(await bodies.get(req.params.id)),
    );

    app.post(
      '/api/state-bodies',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Add a state body',
          body: z.object({ ...fields, regionId: fields.regionId.default(null), active: fields.active.optional() }),
          response: withErrors({ 201: stateBodyBody }),
        },
      },
      async (req, reply) => reply.status(201).send(view(await bodies.create(actorOf(req), req.body))),
    );

    app.patch(
      '/api/state-bodies/:id',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Rename, move or switch off a state body (its topics stay)',
          params: idParam,
          body: z.object(fields).partial(),
          response: withErrors({ 200: stateBodyBody }),
        },
      },
      async (req) => view(await bodies.update(actorOf(req), req.params.id, req.body)),
    );

    app.put(
      '/api/staff/:id/state-body',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'The state body whose topics this project manager manages (null: every body)',
          params: idParam,
          body: z.object({ stateBodyId: bodyId.nullable() }),
          response: withErrors({ 200: staffBody.extend({ stateBodyId: z.number().nullable() }) }),
        },
      },
      async (req) => {
        const user = await bodies.assignStaff(actorOf(req), req.params.id, req.body.stateBodyId);
        return { ...staffView(user), stateBodyId: user.stateBodyId };
      },
    );
  };
