// The bot's part of the start (app/app.ts): the bot with every capability's features, then polling or the
// webhook. Imported only by a process that runs the bot with a BOT_TOKEN: grammY, its plugins and every
// conversation are read then, and never by the API or the jobs alone.
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from './config.ts';
import type { ServicesWithDb } from '../core/services.ts';
import type { ReadinessCheck } from '../core/ops/readiness.ts';
import { createBot, type AppBot } from '../bot/create-bot.ts';
import { initBot, publishCommands, registerWebhook, startPolling, webhookHandler, webhookSecret, type BotRunner } from '../bot/run.ts';
import { createBotMetrics } from '../bot/middleware/metrics.ts';
import { botCheck } from '../bot/bot-readiness.ts';
import { capabilityFeatures } from './compose.ts';

export interface StartedBot {
  bot: AppBot;
  runner: BotRunner;
  /** where the API's server takes Telegram's updates (WEBHOOK_URL set) */
  webhook?: { path: string; handler: (req: unknown, reply: unknown) => Promise<unknown> };
  /** what the bot adds to readiness */
  check: ReadinessCheck;
  stop(): Promise<void>;
}

export async function startBot(opts: {
  config: Config;
  token: string;
  services: ServicesWithDb;
  i18n: i18n;
  logger: Logger;
  registry?: Registry;
  throttle?: boolean;
  abort: AbortController;
}): Promise<StartedBot> {
  const { config, token, services, i18n, logger, registry, abort } = opts;
  const signal = abort.signal;
  const app = createBot({
    token,
    apiRoot: config.TELEGRAM_API_ROOT,
    services,
    i18n,
    logger: logger.child({ component: 'bot' }),
    rateLimitPerMinute: config.BOT_RATE_LIMIT_PER_MINUTE,
    httpConnections: config.BOT_HTTP_CONNECTIONS,
    throttle: opts.throttle,
    metrics: registry ? createBotMetrics(registry, services.ops.activeConversations) : undefined,
    features: await capabilityFeatures({ i18n }),
  });
  const { bot, features } = app;
  void app.warm().catch((e: unknown) => logger.warn({ err: e }, 'bot: cached data not loaded at start; the first update loads it'));
  let runner: BotRunner;
  let webhook: StartedBot['webhook'];
  if (config.WEBHOOK_URL) {
    const secret = webhookSecret(token, config.WEBHOOK_SECRET);
    webhook = { path: new URL(config.WEBHOOK_URL).pathname, handler: webhookHandler(bot, secret) as never };
    let registered = false;
    void initBot(bot, logger, signal)
      .then(async (ok) => {
        if (!ok) return;
        await registerWebhook(bot, config.WEBHOOK_URL!, secret, logger);
        registered = true;
        await publishCommands(bot, features, i18n);
      })
      .catch((e) => logger.error({ err: e }, 'bot: webhook set-up failed'));
    runner = { mode: 'webhook', stop: async () => {}, isRunning: () => registered };
  } else {
    const started = initBot(bot, logger, signal).then(async (ok) => {
      if (!ok) return undefined;
      await publishCommands(bot, features, i18n).catch((e) => logger.warn({ err: e }, 'bot: could not publish commands'));
      return startPolling(bot, logger);
    });
    let polling: BotRunner | undefined;
    void started.then((r) => (polling = r)).catch(() => undefined);
    runner = {
      mode: 'polling',
      isRunning: () => polling?.isRunning?.() ?? false,
      stop: async () => {
        abort.abort();
        const r = await started.catch(() => undefined);
        await r?.stop();
      },
    };
  }
  return {
    bot: app,
    runner,
    webhook,
    check: botCheck({ mode: runner.mode, inited: () => bot.isInited(), receiving: () => runner.isRunning?.() ?? false }),
    stop: async () => {
      await runner.stop();
      await app.close();
    },
  };
}
