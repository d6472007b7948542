import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';

const body = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean(), latencyMs: z.number() }),
  uptimeSeconds: z.number(),
});

/** Load balancers and the fresh-clone check poll this; it proves the database answers. */
export const healthRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/health', { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: body, 503: body } } }, async (_req, reply) => {
      const started = performance.now();
      const ok = await services.prisma.$queryRaw`SELECT 1`.then(
        () => true,
        () => false,
      );
      const result = {
        status: ok ? ('ok' as const) : ('unavailable' as const),
        database: { kind: services.db.kind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
        uptimeSeconds: Math.round(process.uptime()),
      };
      return reply.status(ok ? 200 : 503).send(result);
    });
  };
