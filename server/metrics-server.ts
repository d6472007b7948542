// The private listener of METRICS_PORT: /metrics, /health/live and /health/ready on an address of their
// own (127.0.0.1 by default), for Prometheus and the supervisor. Every role can have one — the bot by long
// polling and the jobs serve no HTTP otherwise — and it needs no token: keep its address private.
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { sendMetrics } from './plugins/metrics.ts';
import { liveBody, type ReadinessFn } from './system/health.ts';

export async function startMetricsServer(opts: {
  registry: Registry;
  readiness: ReadinessFn;
  host: string;
  port: number;
  logger: Logger;
}): Promise<{ server: FastifyInstance; url: string }> {
  const options: FastifyServerOptions = {
    loggerInstance: opts.logger.child({ component: 'metrics' }),
    logController: new LogController({ disableRequestLogging: true }),
  };
  const server = Fastify(options);
  server.get('/metrics', (_req, reply) => sendMetrics(opts.registry, reply));
  server.get('/health/live', async () => liveBody());
  server.get('/health/ready', async (_req, reply) => {
    const r = await opts.readiness();
    return reply.status(r.ready ? 200 : 503).send({ status: r.ready ? 'ready' : 'not_ready', checks: r.checks });
  });
  await server.listen({ host: opts.host, port: opts.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return { server, url: `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}` };
}
