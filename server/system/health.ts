import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Readiness } from '../../core/ops/readiness.ts';
import type { Services } from '../../core/services.ts';
import { healthBody, liveStatusBody, readyBody } from './health-schemas.ts';

/** What readiness checks in this process (the composition root knows which roles run here). */
export type ReadinessFn = () => Promise<Readiness>;

export const liveBody = () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) });

/**
 * /health: load balancers and the fresh-clone check poll this; it proves the database answers.
 * /health/live: the process is up (restart it if not). /health/ready: it can do its work (route to it).
 */
export const healthRoutes =
  (services: Services, readiness?: ReadinessFn): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      { schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: healthBody, 503: healthBody } } },
      async (_req, reply) => {
        const started = performance.now();
        const ok = await services.ops.ping();
        const result = {
          status: ok ? ('ok' as const) : ('unavailable' as const),
          database: { kind: services.db.kind, ok, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
          uptimeSeconds: Math.round(process.uptime()),
        };
        return reply.status(ok ? 200 : 503).send(result);
      },
    );
    app.get('/health/live', { schema: { tags: ['system'], summary: 'The process is up', response: { 200: liveStatusBody } } }, async () => liveBody());
    const check = readiness ?? services.ops.readiness;
    app.get(
      '/health/ready',
      {
        schema: {
          tags: ['system'],
          summary: 'Ready: database, migrations, and the bot and outbox where this process runs them',
          response: { 200: readyBody, 503: readyBody },
        },
      },
      async (_req, reply) => {
        const r = await check();
        return reply.status(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'not_ready', checks: r.checks });
      },
    );
  };
