// The API's documentation, /docs (Swagger UI) and /docs/json (OpenAPI 3), built at the first request for it, not
// at every start: an idle server never loads @fastify/swagger, @fastify/swagger-ui and what they bring (yaml, a
// second @fastify/static, the UI's files), which cost about 7 MB of heap (bench/FIXES.md, section 11). The routes
// are noted as they are registered; the first request under /docs builds a private Fastify instance holding the
// same routes (their schemas only: nothing is served or validated there) with the two plugins, and every request
// under /docs is answered by it. The document is the one the plugins made when they were registered at start.
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const PREFIX = '/docs';

const OPENAPI: FastifyDynamicSwaggerOptions['openapi'] = {
  info: {
    title: 'Azamat admin API',
    version: '1.0.0',
    description: 'Staff API of Azamat: civic control, consultations, public discussion, polls, volunteering.',
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer' },
      cookie: { type: 'apiKey', in: 'cookie', name: 'azamat_session' },
    },
  },
  security: [{ bearer: [] }, { cookie: [] }],
};

declare module 'fastify' {
  interface FastifyInstance {
    /** the OpenAPI document of this API (built at the first call, as /docs/json is) */
    openapi(): Promise<Record<string, unknown>>;
  }
}

/** What a response of the documentation's instance carries over; the API's own hooks set the rest (helmet). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);

async function buildDocs(routes: RouteOptions[]): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([import('@fastify/swagger'), import('@fastify/swagger-ui')]);
  const docs = Fastify({ logger: false });
  // The schemas are only read for the document; the API validates and serialises with its own compilers.
  docs.setValidatorCompiler(() => () => true);
  docs.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await docs.register(swagger, { openapi: OPENAPI, transform: jsonSchemaTransform });
  await docs.register(swaggerUi, { routePrefix: PREFIX });
  const notServed = async () => undefined;
  for (const r of routes) docs.route({ method: r.method, url: r.url, schema: r.schema, config: r.config, links: r.links, handler: notServed } as RouteOptions);
  await docs.ready();
  return docs;
}

/** Registers /docs and /docs/*, and `app.openapi()`; call before any route is added, so each is noted. */
export function registerDocs(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    // HEAD routes are made again for each GET by the documentation's instance, as they were here.
    if (route.method === 'HEAD' || route.url === PREFIX || route.url.startsWith(`${PREFIX}/`)) return;
    routes.push(route);
  });
  let docs: Promise<FastifyInstance> | undefined;
  const instance = () => {
    docs ??= buildDocs(routes).catch((e: unknown) => {
      docs = undefined;
      throw e;
    });
    return docs;
  };
  app.decorate('openapi', async () => (await instance()).swagger() as unknown as Record<string, unknown>);
  const forward = async (req: { method: string; url: string; headers: Record<string, unknown> }, reply: FastifyReply) => {
    const res = await (await instance()).inject({ method: req.method as 'GET', url: req.url, headers: req.headers as Record<string, string> });
    for (const [name, value] of Object.entries(res.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) reply.header(name, value);
    return reply.code(res.statusCode).send(res.rawPayload);
  };
  app.route({ method: ['GET', 'HEAD'], url: PREFIX, handler: forward });
  app.route({ method: ['GET', 'HEAD'], url: `${PREFIX}/*`, handler: forward });
}
