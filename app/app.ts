// The composition root: config → logger → database (migrated, seeded: prepare-database.ts) → services → bot, API, jobs,
// with one stop() that shuts them down in order. main.ts only adds signals and the command line. What
// each capability brings comes from its manifest (app/capabilities/), gathered by app/compose.ts.
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { ConfigError, type Config } from './config.ts';
import { DomainError } from '../core/errors.ts';
import { createLogger } from './logger.ts';
import { checkReadiness, type ReadinessCheck, type Readiness } from '../core/ops/readiness.ts';
import { OutboxDispatcher } from '../core/outbox/dispatcher.ts';
import type { ServicesWithDb } from '../core/services.ts';
import type { AppBot } from '../bot/create-bot.ts';
import type { BotRunner } from '../bot/run.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { buildAppServer, capabilityJobs, capabilitySettings, createAppServices } from './compose.ts';
import { createHousekeepingJob } from '../jobs/housekeeping.ts';
import { createOutboxWorker } from '../jobs/outbox-worker.ts';
import { createScheduler, type Scheduler } from '../jobs/scheduler.ts';
import { createJobMetrics, createOutboxMetrics, registerJobGauges, registerOutboxGauges } from '../jobs/metrics.ts';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, registerBackupGauge, registerDomainGauges } from './metrics.ts';
import type { Database } from '../core/db/client.ts';
import { openAndPrepareDatabase } from './prepare-database.ts';

export type Role = 'api' | 'bot' | 'jobs';
export const ALL_ROLES: Role[] = ['api', 'bot', 'jobs'];

export interface StartOptions {
  config: Config;
  roles?: Role[];
  logger?: Logger;
  /** shown once on the console: the generated first admin password */
  print?: (line: string) => void;
  now?: () => Date;
  /** for tests: an already open database */
  db?: Database;
  /** false only where a benchmark measures the bot's own handling: no pacing to Telegram's limits */
  throttle?: boolean;
}

export interface RunningApp {
  config: Config;
  services: ServicesWithDb;
  server?: FastifyInstance;
  url?: string;
  bot?: AppBot;
  botRunner?: BotRunner;
  scheduler?: Scheduler;
  outbox?: ReturnType<typeof createOutboxWorker>;
  /** this process's Prometheus registry (METRICS_TOKEN or METRICS_PORT set) */
  metrics?: Registry;
  /** the private metrics listener (METRICS_PORT) */
  metricsUrl?: string;
  /** what /health/ready answers */
  readiness(): Promise<Readiness>;
  stop(): Promise<void>;
}

export async function startApp(opts: StartOptions): Promise<RunningApp> {
  const { config } = opts;
  const roles = new Set(opts.roles ?? ALL_ROLES);
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const print = opts.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = opts.now ?? (() => new Date());
  const holder = `${hostname()}:${process.pid}`;

  const db = opts.db ?? (await openAndPrepareDatabase(config, logger, now));
  const stops: Array<() => Promise<unknown>> = [];
  const abort = new AbortController();
  /** Stops what was started, in order, then closes the database this call opened: app.stop(), or a start that failed. */
  const stopAll = async () => {
    abort.abort();
    for (const stop of stops) {
      try {
        await stop();
      } catch (e) {
        logger.error({ err: e }, 'error while stopping');
      }
    }
    if (!opts.db) await db.close();
  };
  // A start that fails halfway (a module that cannot be loaded, a port in use) leaves nothing running: the bot
  // polling, the outbox, an embedded database unflushed and locked.
  try {
    const token = config.BOT_TOKEN;
    // grammY only with a token (app/telegram.ts); the bot's own modules only where it runs (app/start-bot.ts).
    const telegram = token ? (await import('./telegram.ts')).telegramParts(token, config.TELEGRAM_API_ROOT, config.WEBHOOK_URL) : undefined;
    const i18n = createI18n();
    const services = createAppServices({
      db,
      logger,
      sessionTtlHours: config.SESSION_TTL_HOURS,
      now,
      i18n,
      storageDir: config.storageDir,
      telegramFiles: telegram?.files,
      ops: { backupDir: config.backupDir, outboxStuckMinutes: config.OUTBOX_STUCK_MINUTES },
      ...capabilitySettings({ config, botUsername: () => config.BOT_USERNAME ?? (app.bot?.bot.isInited() ? app.bot.bot.botInfo.username : null) }),
    });
    // What this process runs is what its readiness reports (core/ops/readiness.ts).
    const checks: Record<string, ReadinessCheck> = { database: services.ops.checks.database, migrations: services.ops.checks.migrations };
    const app: RunningApp = { config, services, readiness: () => checkReadiness(checks), stop: async () => {} };
    const registry = config.metricsEnabled ? createMetricsRegistry([...roles]) : undefined;
    if (registry) {
      app.metrics = registry;
      registerDomainGauges(registry, services);
      registerBackupGauge(registry, services);
    }

    const admin = await services.staff.ensureFirstAdmin(config.ADMIN_LOGIN, config.ADMIN_PASSWORD).catch((e: unknown) => {
      if (e instanceof DomainError && e.code.startsWith('staff.password_')) {
        throw new ConfigError([`ADMIN_PASSWORD: ${i18n.getFixedT('en')(`errors:${e.code}`, e.params)}`]);
      }
      throw e;
    });
    if (admin.generatedPassword) {
      print(
        `\n  First admin account created.\n  Login: ${config.ADMIN_LOGIN}\n  Password: ${admin.generatedPassword}\n  (shown only this once; the console asks for a new password at the first sign-in)\n`,
      );
    } else if (admin.created) {
      logger.info({ login: config.ADMIN_LOGIN }, 'first admin account created with ADMIN_PASSWORD');
    }

    let webhook: { path: string; handler: (req: unknown, reply: unknown) => Promise<unknown> } | undefined;

    if (roles.has('bot')) {
      if (!token) {
        print(
          '\n  The Telegram bot is off: BOT_TOKEN is not set.\n  To get a token, open @BotFather in Telegram, send /newbot, choose a name and a username,\n  then put the token it gives you in .env as BOT_TOKEN=123456789:AA… and restart.\n  The admin API keeps running.\n',
        );
      } else {
        const { startBot } = await import('./start-bot.ts');
        const started = await startBot({ config, token, services, i18n, logger, registry, throttle: opts.throttle, abort });
        app.bot = started.bot;
        app.botRunner = started.runner;
        webhook = started.webhook;
        stops.push(started.stop);
        checks.bot = started.check;
      }
    }

    if (roles.has('api') || webhook) {
      app.server = await buildAppServer({
        services,
        i18n,
        logger,
        cookieSecure: config.cookieSecure,
        trustProxy: config.TRUST_PROXY,
        api: roles.has('api'),
        webhook,
        console: { mapTileUrl: config.MAP_TILE_URL, mapAttribution: config.MAP_ATTRIBUTION },
        ...(registry ? { metrics: { registry, token: config.METRICS_TOKEN } } : {}),
        readiness: app.readiness,
        system: telegram?.system ?? {},
      });
      await app.server.listen({ host: config.HOST, port: config.PORT });
      const address = app.server.server.address();
      const port = typeof address === 'object' && address ? address.port : config.PORT;
      app.url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
      logger.info({ url: app.url, docs: `${app.url}/docs` }, 'admin API listening');
      // The server stops taking requests first, so nothing new starts while the rest shuts down.
      stops.unshift(() => app.server!.close());
    }

    if (roles.has('jobs')) {
      const jobMetrics = registry ? createJobMetrics(registry) : undefined;
      if (registry) registerJobGauges(registry, services.ops);
      app.scheduler = createScheduler({
        leases: services.ops.leases,
        logger: logger.child({ component: 'jobs' }),
        holder,
        onRun: jobMetrics?.onRun,
        jobs: [
          createHousekeepingJob({ ops: services.ops, now }),
          ...(await capabilityJobs({
            services,
            config,
            logger,
            // Staff groups need the bot's token; they have an Api client of their own, like the outbox.
            ...(telegram ? { chat: telegram.chat() } : {}),
          })),
        ],
      });
      app.scheduler.start();
      stops.push(() => app.scheduler!.stop());
      if (telegram) {
        // The dispatcher has its own Api client: it handles 429s itself instead of waiting inside a retry plugin.
        const dispatcher = new OutboxDispatcher({
          prisma: db.prisma,
          chat: telegram.chat(),
          logger: logger.child({ component: 'outbox' }),
          ratePerSecond: config.OUTBOX_RATE_PER_SECOND,
          maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
          now,
          onSend: registry ? createOutboxMetrics(registry).onSend : undefined,
        });
        if (registry) registerOutboxGauges(registry, services.ops);
        checks.outbox = services.ops.checks.outbox;
        app.outbox = createOutboxWorker({ leases: services.ops.leases, dispatcher, holder, logger });
        app.outbox.start();
        stops.push(() => app.outbox!.stop());
      }
    }

    if (registry && config.METRICS_PORT !== undefined) {
      // A second Fastify instance, loaded only where it listens.
      const { startMetricsServer } = await import('../server/metrics-server.ts');
      const m = await startMetricsServer({ registry, readiness: app.readiness, host: config.METRICS_HOST, port: config.METRICS_PORT, logger });
      app.metricsUrl = m.url;
      logger.info({ url: `${m.url}/metrics` }, 'metrics listening');
      stops.unshift(() => m.server.close());
    }

    let stopping: Promise<void> | undefined;
    app.stop = () => {
      stopping ??= (async () => {
        await stopAll();
        logger.info('stopped');
      })();
      return stopping;
    };
    return app;
  } catch (e) {
    await stopAll().catch((err: unknown) => logger.error({ err }, 'error while stopping after a failed start'));
    throw e;
  }
}
