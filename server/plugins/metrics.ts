// HTTP metrics (requests per route pattern, method and status, with their latency) and the Prometheus
// endpoint. /metrics is never public: on the API's own port it answers only to
// `Authorization: Bearer <METRICS_TOKEN>`; without a token it is served only by the separate listener on
// METRICS_PORT (server/metrics-server.ts), whose address keeps it private.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

export interface MetricsOptions {
  registry: Registry;
  /** METRICS_TOKEN: serve /metrics on this server to callers that present it */
  token?: string;
}

const started = Symbol('metricsStart');
type Timed = FastifyRequest & { [started]?: bigint };

/** Counts every request by its route's pattern (/api/reports/:id, not each id), so the series stay few. */
export function registerHttpMetrics(app: FastifyInstance, registry: Registry): void {
  const requests = new Counter({
    name: 'azamat_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'azamat_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onRequest', async (req: Timed) => {
    req[started] = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (req: Timed, reply) => {
    const labels = { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    requests.inc(labels);
    if (req[started] !== undefined) seconds.observe(labels, Number(process.hrtime.bigint() - req[started]) / 1e9);
  });
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  return given.length > 0 && timingSafeEqual(digest(given), digest(token));
}

export async function sendMetrics(registry: Registry, reply: FastifyReply) {
  const body = await registry.metrics();
  return reply.header('content-type', registry.contentType).header('cache-control', 'no-store').send(body);
}

/** /metrics on the API's port, behind METRICS_TOKEN; absent (404) without one. */
export function registerMetricsRoute(app: FastifyInstance, opts: MetricsOptions): void {
  const token = opts.token;
  if (!token) return;
  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    if (!bearerMatches(req.headers.authorization, token)) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: { code: 'unauthorized', message: 'METRICS_TOKEN required' } });
    }
    return sendMetrics(opts.registry, reply);
  });
}
