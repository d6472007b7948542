// Starting the bot: long polling through grammY's runner by default, or a webhook (with
// Telegram's secret_token checked on every call) when a public URL is configured.
import { createHash } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { webhookCallback, type Bot } from 'grammy';
import type { i18n } from 'i18next';
import type { Logger } from 'pino';
import { commandList } from './menu.ts';
import type { BotContext } from './context.ts';
import type { Feature } from './features.ts';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** Stable across instances and restarts, so every instance behind a balancer accepts Telegram's calls. */
export function webhookSecret(token: string, configured?: string): string {
  return configured ?? createHash('sha256').update(`azamat-webhook:${token}`).digest('hex').slice(0, 48);
}

export async function publishCommands(bot: Bot<BotContext>, features: Feature[], i18n: i18n): Promise<void> {
  const commands = commandList(features);
  const list = (lng: 'kk' | 'ru') => commands.map((c) => ({ command: c.command, description: i18n.getFixedT(lng)(c.descriptionKey) }));
  await bot.api.setMyCommands(list('ru'));
  await bot.api.setMyCommands(list('kk'), { language_code: 'kk' });
}

export interface BotRunner {
  mode: 'polling' | 'webhook';
  stop(): Promise<void>;
  /** updates are being received (polling: the runner runs; webhook: registered with Telegram) */
  isRunning?(): boolean;
}

/** Retries getMe until Telegram answers, without blocking the rest of the process. */
export async function initBot(bot: Bot<BotContext>, logger: Logger, signal: AbortSignal): Promise<boolean> {
  for (let attempt = 1; !signal.aborted; attempt += 1) {
    try {
      await bot.init();
      logger.info({ username: bot.botInfo.username }, 'bot: connected to Telegram');
      return true;
    } catch (e) {
      logger.error({ err: e instanceof Error ? e.message : e, attempt }, 'bot: cannot reach Telegram (getMe failed); retrying in 10 s');
      await new Promise((r) => setTimeout(r, 10_000).unref());
    }
  }
  return false;
}

export function startPolling(bot: Bot<BotContext>, logger: Logger): BotRunner {
  let handle: RunnerHandle | undefined;
  const ready = (async () => {
    await bot.api.deleteWebhook({ drop_pending_updates: false });
    handle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
    logger.info('bot: long polling started');
  })();
  return {
    mode: 'polling',
    isRunning: () => handle?.isRunning() ?? false,
    async stop() {
      await ready.catch(() => {});
      // Stops fetching and waits for the updates in hand to finish.
      if (handle?.isRunning()) await handle.stop();
    },
  };
}

export function webhookHandler(bot: Bot<BotContext>, secretToken: string) {
  return webhookCallback(bot, 'fastify', { secretToken, onTimeout: 'return', timeoutMilliseconds: 55_000 });
}

export async function registerWebhook(bot: Bot<BotContext>, url: string, secretToken: string, logger: Logger): Promise<void> {
  await bot.api.setWebhook(url, { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
  logger.info({ url }, 'bot: webhook registered');
}
