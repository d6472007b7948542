// The Fastify app: security headers, cookies, zod validation of every input and output, OpenAPI at
// /docs, one error handler, the foundation's routes (health, the outbox) and then the route modules the
// composition root hands over, those of every capability's manifest (app/capabilities/).
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Services } from '../core/services.ts';
import { registerDocs } from './docs.ts';
import { registerAuth } from './plugins/auth.ts';
import { consoleRoutes, type ConsoleOptions } from './plugins/console.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { registerHttpMetrics, registerMetricsRoute, type MetricsOptions } from './plugins/metrics.ts';
import { healthRoutes, type ReadinessFn } from './system/health.ts';
import type { SystemStatusDeps } from './system/system-status.ts';
import { guardedValidatorCompiler } from './input-guard.ts';

export interface ServerDeps {
  services: Services;
  i18n: i18n;
  logger: Logger;
  cookieSecure: boolean;
  trustProxy?: boolean;
  /** false for a bot-only instance that serves just /health and the webhook */
  api?: boolean;
  /** Telegram webhook, when the bot runs in webhook mode in this process */
  webhook?: { path: string; handler: (req: unknown, reply: unknown) => Promise<unknown> };
  /** the capabilities' route modules (app/compose.ts: capabilityRoutes) */
  routes?: FastifyPluginAsyncZod[];
  /** the staff console under /console/ (with the API); the composition root passes the configured map */
  console?: ConsoleOptions;
  /** Prometheus: HTTP metrics into this registry, and /metrics behind METRICS_TOKEN */
  metrics?: MetricsOptions;
  /** what /health/ready checks in this process; database and migrations when absent */
  readiness?: ReadinessFn;
  /** the system-status screen's view of Telegram */
  system?: SystemStatusDeps;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const options: FastifyServerOptions = {
    loggerInstance: deps.logger.child({ component: 'api' }),
    trustProxy: deps.trustProxy ?? false,
    // Per-request lines would drown the log of a busy akimat; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
  };
  const app = Fastify(options).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(guardedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, deps.i18n);
  registerAuth(app);
  if (deps.metrics) registerHttpMetrics(app, deps.metrics.registry);

  await app.register(helmet, {
    // The Swagger UI page needs its inline scripts and styles.
    // Images only from here (the console's own policy adds the map tiles): none from arbitrary hosts.
    contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  // /docs and /docs/json, built at the first request for them (server/docs.ts); before the routes, to note each.
  registerDocs(app);

  const { services } = deps;
  await app.register(healthRoutes(services, deps.readiness));
  if (deps.metrics) registerMetricsRoute(app, deps.metrics);
  if (deps.webhook) {
    const hook = deps.webhook;
    app.post(hook.path, { schema: { hide: true } }, (req, reply) => hook.handler(req, reply));
  }
  if (deps.api !== false) {
    for (const routes of deps.routes ?? []) await app.register(routes);
    if (deps.console) await app.register(consoleRoutes(deps.console));
  }
  return app;
}
