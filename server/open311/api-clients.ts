// Open311 API clients: admins issue keys (shown once), list them without keys, rename, move or
// revoke them. Every write is audited by the service.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiClientView } from '../../core/open311/api-client-service.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { idParam, withErrors, bodyId } from '../schemas.ts';

const clientBody = z.object({
  id: z.number(),
  name: z.string(),
  keyPrefix: z.string().describe('the first 8 characters of the key, to tell keys apart'),
  regionId: z.number().nullable().describe('default jurisdiction of its reports'),
  active: z.boolean().describe('false: the key is revoked'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
const createdBody = clientBody.extend({ key: z.string().describe('the API key: shown this once, only its hash is kept') });

const clientView = (c: ApiClientView): z.infer<typeof clientBody> => ({
  id: c.id,
  name: c.name,
  keyPrefix: c.keyPrefix,
  regionId: c.regionId,
  active: c.active,
  createdAt: c.createdAt.toISOString(),
  lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
});

const name = z.string().trim().min(1).max(200);
const regionId = bodyId.nullable().optional();

export const apiClientRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const tags = ['api-clients'];

    app.get(
      '/api/api-clients',
      { onRequest: admin, schema: { tags, summary: 'List Open311 API clients (without keys)', response: withErrors({ 200: z.array(clientBody) }) } },
      async () => (await services.apiClients.list()).map(clientView),
    );

    app.post(
      '/api/api-clients',
      {
        onRequest: admin,
        schema: { tags, summary: 'Issue an Open311 API key', body: z.object({ name, regionId }), response: withErrors({ 201: createdBody }) },
      },
      async (req, reply) => {
        const { client, key } = await services.apiClients.create(actorOf(req), req.body);
        return reply.status(201).send({ ...clientView(client), key });
      },
    );

    app.patch(
      '/api/api-clients/:id',
      {
        onRequest: admin,
        schema: {
          tags,
          summary: 'Rename, change the region, or revoke (active: false)',
          params: idParam,
          body: z.object({ name: name.optional(), regionId, active: z.boolean().optional() }),
          response: withErrors({ 200: clientBody }),
        },
      },
      async (req) => clientView(await services.apiClients.update(actorOf(req), req.params.id, req.body)),
    );
  };
