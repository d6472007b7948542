// The composition root: config → logger → database (migrated, seeded: prepare-database.ts) → services → bot, API, jobs,
// with one stop() that shuts them down in order. main.ts only adds signals and the command line. What
// each capability brings comes from its manifest (app/capabilities/), gathered by app/compose.ts.
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { Api } from 'grammy';
import { ConfigError, type Config } from './config.ts';
import { DomainError } from '../core/errors.ts';
import { createLogger } from './logger.ts';
import { checkReadiness, type ReadinessCheck, type Readiness } from '../core/ops/readiness.ts';
import { OutboxDispatcher } from '../core/outbox/dispatcher.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { telegramFilesOver, type TelegramFiles } from '../core/reports/evidence-store.ts';
import { createBot, type AppBot } from '../bot/create-bot.ts';
import { telegramChat, type SendFn } from '../bot/telegram/chat-port.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { initBot, publishCommands, registerWebhook, startPolling, webhookHandler, webhookSecret, type BotRunner } from '../bot/run.ts';
import { buildAppServer, capabilityFeatures, capabilityJobs, capabilitySettings, createAppServices } from './compose.ts';
import { createHousekeepingJob } from '../jobs/housekeeping.ts';
import { createOutboxWorker } from '../jobs/outbox-worker.ts';
import { createScheduler, type Scheduler } from '../jobs/scheduler.ts';
import { createJobMetrics, createOutboxMetrics, registerJobGauges, registerOutboxGauges } from '../jobs/metrics.ts';
import { createBotMetrics } from '../bot/middleware/metrics.ts';
import { botCheck } from '../bot/bot-readiness.ts';
import { telegramStatus } from '../bot/telegram-status.ts';
import { startMetricsServer } from '../server/metrics-server.ts';
import type { Registry } from 'prom-client';
import { createMetricsRegistry, registerBackupGauge, registerDomainGauges } from './metrics.ts';
import type { Database } from '../core/db/client.ts';
import { openAndPrepareDatabase } from './prepare-database.ts';

export type Role = 'api' | 'bot' | 'jobs';
export const ALL_ROLES: Role[] = ['api', 'bot', 'jobs'];

/** A Bot API client for the jobs: they handle 429s themselves instead of waiting inside a retry plugin. */
const telegramApi = (token: string, apiRoot?: string) => new Api(token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 30 });
const rawSend =
  (api: Api): SendFn =>
  (method, params) =>
    api.raw[method as 'sendMessage'](params as never);

/** Evidence downloads through the Bot API: getFile, then the bytes from {apiRoot}/file/bot{token}/{file_path}. */
export function createTelegramFiles(token: string, apiRoot = 'https://api.telegram.org'): TelegramFiles {
  const api = telegramApi(token, apiRoot);
  return telegramFilesOver(
    (fileId) => api.getFile(fileId),
    (filePath) => `${apiRoot.replace(/\/+$/, '')}/file/bot${token}/${filePath}`,
  );
}

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
  const i18n = createI18n();
  const services = createAppServices({
    db,
    logger,
    sessionTtlHours: config.SESSION_TTL_HOURS,
    now,
    i18n,
    storageDir: config.storageDir,
    telegramFiles: config.BOT_TOKEN ? createTelegramFiles(config.BOT_TOKEN, config.TELEGRAM_API_ROOT) : undefined,
    ops: { backupDir: config.backupDir, outboxStuckMinutes: config.OUTBOX_STUCK_MINUTES },
    ...capabilitySettings({ config, botUsername: () => config.BOT_USERNAME ?? (app.bot?.bot.isInited() ? app.bot.bot.botInfo.username : null) }),
  });
  const stops: Array<() => Promise<unknown>> = [];
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

  const abort = new AbortController();
  const token = config.BOT_TOKEN;
  let webhook: { path: string; handler: (req: unknown, reply: unknown) => Promise<unknown> } | undefined;

  if (roles.has('bot')) {
    if (!token) {
      print(
        '\n  The Telegram bot is off: BOT_TOKEN is not set.\n  To get a token, open @BotFather in Telegram, send /newbot, choose a name and a username,\n  then put the token it gives you in .env as BOT_TOKEN=123456789:AA… and restart.\n  The admin API keeps running.\n',
      );
    } else {
      app.bot = createBot({
        token,
        apiRoot: config.TELEGRAM_API_ROOT,
        services,
        i18n,
        logger: logger.child({ component: 'bot' }),
        rateLimitPerMinute: config.BOT_RATE_LIMIT_PER_MINUTE,
        httpConnections: config.BOT_HTTP_CONNECTIONS,
        throttle: opts.throttle,
        metrics: registry ? createBotMetrics(registry, services.ops.activeConversations) : undefined,
        features: capabilityFeatures({ i18n }),
      });
      const { bot, features } = app.bot;
      void app.bot.warm().catch((e: unknown) => logger.warn({ err: e }, 'bot: cached data not loaded at start; the first update loads it'));
      if (config.WEBHOOK_URL) {
        const secret = webhookSecret(token, config.WEBHOOK_SECRET);
        webhook = { path: new URL(config.WEBHOOK_URL).pathname, handler: webhookHandler(bot, secret) as never };
        let registered = false;
        void initBot(bot, logger, abort.signal)
          .then(async (ok) => {
            if (!ok) return;
            await registerWebhook(bot, config.WEBHOOK_URL!, secret, logger);
            registered = true;
            await publishCommands(bot, features, i18n);
          })
          .catch((e) => logger.error({ err: e }, 'bot: webhook set-up failed'));
        app.botRunner = { mode: 'webhook', stop: async () => {}, isRunning: () => registered };
      } else {
        const started = initBot(bot, logger, abort.signal).then(async (ok) => {
          if (!ok) return undefined;
          await publishCommands(bot, features, i18n).catch((e) => logger.warn({ err: e }, 'bot: could not publish commands'));
          return startPolling(bot, logger);
        });
        let polling: BotRunner | undefined;
        void started.then((r) => (polling = r)).catch(() => undefined);
        app.botRunner = {
          mode: 'polling',
          isRunning: () => polling?.isRunning?.() ?? false,
          stop: async () => {
            abort.abort();
            const runner = await started.catch(() => undefined);
            await runner?.stop();
          },
        };
      }
      stops.push(async () => {
        await app.botRunner!.stop();
        await app.bot!.close();
      });
      const runner = app.botRunner;
      checks.bot = botCheck({ mode: runner.mode, inited: () => bot.isInited(), receiving: () => runner.isRunning?.() ?? false });
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
      system: token ? { telegram: () => telegramStatus(telegramApi(token, config.TELEGRAM_API_ROOT), config.WEBHOOK_URL) } : {},
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
        ...capabilityJobs({
          services,
          config,
          logger,
          // Staff groups need the bot's token; they have an Api client of their own, like the outbox.
          ...(token ? { chat: telegramChat(rawSend(telegramApi(token, config.TELEGRAM_API_ROOT))) } : {}),
        }),
      ],
    });
    app.scheduler.start();
    stops.push(() => app.scheduler!.stop());
    if (token) {
      // The dispatcher has its own Api client: it handles 429s itself instead of waiting inside a retry plugin.
      const api = telegramApi(token, config.TELEGRAM_API_ROOT);
      const dispatcher = new OutboxDispatcher({
        prisma: db.prisma,
        chat: telegramChat(rawSend(api)),
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
    const m = await startMetricsServer({ registry, readiness: app.readiness, host: config.METRICS_HOST, port: config.METRICS_PORT, logger });
    app.metricsUrl = m.url;
    logger.info({ url: `${m.url}/metrics` }, 'metrics listening');
    stops.unshift(() => m.server.close());
  }

  let stopping: Promise<void> | undefined;
  app.stop = () => {
    stopping ??= (async () => {
      abort.abort();
      for (const stop of stops) {
        try {
          await stop();
        } catch (e) {
          logger.error({ err: e }, 'error while stopping');
        }
      }
      if (!opts.db) await db.close();
      logger.info('stopped');
    })();
    return stopping;
  };
  return app;
}
