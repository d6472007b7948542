// Expert councils for admins (seed 003, Rules p. 16): members are staff accounts with the expert role, with
// the organisation and position printed in Annex 7; a council is assigned to a finished project.
import type { z } from 'zod';
import type { CouncilView } from '../../core/evaluation/councils.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { byPart, okAfter, routeModule } from '../route-kit.ts';
import { idParam, okBody } from '../schemas.ts';
import { assignBody, councilBody, councilsBody, createBody, memberBody, memberParams, patchBody } from './expert-councils-schemas.ts';

const view = (c: CouncilView): z.output<typeof councilBody> => ({
  id: c.id,
  name: c.name,
  regionId: c.regionId,
  stateBodyId: c.stateBodyId,
  createdAt: c.createdAt.toISOString(),
  members: c.members.map((m) => ({ ...m, addedAt: m.addedAt.toISOString() })),
  projectIds: c.projectIds,
});

export const expertCouncilRoutes = routeModule('evaluation', 'admin', (app, { opts }, services) => {
  const { councils } = services.projects;

  app.get('/api/expert-councils', opts('Expert councils with their members', { response: councilsBody }), async (req) => ({
    items: (await councils.list(staffOf(req))).map(view),
  }));

  app.post('/api/expert-councils', opts('Form an expert council', { body: createBody, response: councilBody }), async (req) =>
    view(await councils.create(actorOf(req), staffOf(req), req.body)),
  );

  app.get('/api/expert-councils/:id', opts('A council', { params: idParam, response: councilBody }), async (req) =>
    view(await councils.get(staffOf(req), req.params.id)),
  );

  app.patch('/api/expert-councils/:id', opts('Rename or re-scope a council', { params: idParam, body: patchBody, response: councilBody }), async (req) =>
    view(await councils.update(actorOf(req), staffOf(req), req.params.id, req.body)),
  );

  app.delete('/api/expert-councils/:id', opts('Delete a council that evaluates no project', { params: idParam, response: okBody }), async (req) =>
    okAfter(councils.remove(actorOf(req), staffOf(req), req.params.id)),
  );

  app.put(
    '/api/expert-councils/:id/members/:staffUserId',
    opts('Add a member (an active staff account with the expert role) or change their position text', {
      params: memberParams,
      body: memberBody,
      response: councilBody,
    }),
    byPart('staffUserId', (who, id, member, body) => councils.setMember(...who, id, member, body.position).then(view)),
  );

  app.delete(
    '/api/expert-councils/:id/members/:staffUserId',
    opts('Remove a member (scores already given stay in the evaluation)', { params: memberParams, response: councilBody }),
    byPart('staffUserId', (who, id, member) => councils.removeMember(...who, id, member).then(view)),
  );

  app.put(
    '/api/projects/:id/council',
    opts('Assign the council that evaluates a finished project (null: none); not after the evaluation is closed', {
      params: idParam,
      body: assignBody,
      response: okBody,
    }),
    async (req) => okAfter(councils.assign(actorOf(req), staffOf(req), req.params.id, req.body.councilId)),
  );
});
