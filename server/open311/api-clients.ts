// Open311 API clients: admins issue keys (shown once), list them without keys, rename, move or
// revoke them. Every write is audited by the service.
import type { z } from 'zod';
import type { ApiClientView } from '../../core/open311/api-client-service.ts';
import { actorOf } from '../plugins/auth.ts';
import { iso, routeModule } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import { clientBody, createBody, createdBody, patchBody } from './api-clients-schemas.ts';

const clientView = (c: ApiClientView): z.output<typeof clientBody> => ({
  id: c.id,
  name: c.name,
  keyPrefix: c.keyPrefix,
  regionId: c.regionId,
  active: c.active,
  createdAt: c.createdAt.toISOString(),
  lastUsedAt: iso(c.lastUsedAt),
});

export const apiClientRoutes = routeModule('api-clients', 'admin', (app, { opts }, services) => {
  app.get('/api/api-clients', opts('List Open311 API clients (without keys)', { response: clientBody.array() }), async () =>
    (await services.apiClients.list()).map(clientView),
  );

  app.post('/api/api-clients', opts('Issue an Open311 API key', { body: createBody, created: createdBody }), async (req, reply) => {
    const { client, key } = await services.apiClients.create(actorOf(req), req.body);
    return reply.status(201).send({ ...clientView(client), key });
  });

  app.patch(
    '/api/api-clients/:id',
    opts('Rename, change the region, or revoke (active: false)', { params: idParam, body: patchBody, response: clientBody }),
    async (req) => clientView(await services.apiClients.update(actorOf(req), req.params.id, req.body)),
  );
});
