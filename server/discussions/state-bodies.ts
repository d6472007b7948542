// State bodies that publish planned topics, kept by admins, and the body each project manager works for.
// Every write is audited by the service.
import type { z } from 'zod';
import type { StateBody } from '../../generated/prisma/client.ts';
import { TOPIC_READERS } from '../../core/discussions/discussion-access.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { byId, routeModule } from '../route-kit.ts';
import { idParam, withErrors } from '../schemas.ts';
import { staffView } from '../staff/staff.ts';
import { assignBody, assignedBody, createBody, listQuery, patchBody, stateBodyBody } from './state-bodies-schemas.ts';

const view = (b: StateBody): z.output<typeof stateBodyBody> => b;

export const stateBodyRoutes = routeModule('state bodies', 'admin', (app, { guardFor, tags, opts }, services) => {
  const readers = guardFor(TOPIC_READERS);
  const bodies = services.discussions.stateBodies;

  app.get(
    '/api/state-bodies',
    opts('State bodies that publish topics for discussion', { querystring: listQuery, response: stateBodyBody.array() }, readers),
    async (req) => (await bodies.list(staffOf(req), { active: req.query.active === undefined ? undefined : req.query.active === 'true' })).map(view),
  );

  app.get('/api/state-bodies/:id', { onRequest: readers, schema: { tags, params: idParam, response: withErrors({ 200: stateBodyBody }) } }, async (req) =>
    view(await bodies.get(staffOf(req), req.params.id)),
  );

  app.post('/api/state-bodies', opts('Add a state body', { body: createBody, created: stateBodyBody }), async (req, reply) =>
    reply.status(201).send(view(await bodies.create(actorOf(req), staffOf(req), req.body))),
  );

  app.patch(
    '/api/state-bodies/:id',
    opts('Rename, move or switch off a state body (its topics stay)', { params: idParam, body: patchBody, response: stateBodyBody }),
    byId((who, id, body) => bodies.update(...who, id, body).then(view)),
  );

  app.put(
    '/api/staff/:id/state-body',
    opts('The state body whose topics this project manager manages (null: every body)', { params: idParam, body: assignBody, response: assignedBody }),
    byId(async (who, id, body) => {
      const user = await bodies.assignStaff(...who, id, body.stateBodyId);
      return { ...staffView(user), stateBodyId: user.stateBodyId };
    }),
  );
});
