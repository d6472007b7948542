// The real bot, in process: updates are handed to bot.handleUpdate, and the bot's API calls go to
// the fake Bot API server, which records them and answers like Telegram.
import type { Update } from 'grammy/types';
import { createBot, type AppBot } from '../../bot/create-bot.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { Feature } from '../../bot/features.ts';
import type { Services } from '../../core/services.ts';
import { startFakeTelegram, type FakeTelegram } from '../fake-telegram/server.ts';
import { testLogger } from './silent-logger.ts';

export interface BotHarness {
  fake: FakeTelegram;
  app: AppBot;
  /** hands the update to the bot and waits until it is fully handled */
  deliver(update: Update | Promise<Update>): Promise<void>;
  close(): Promise<void>;
}

export async function createBotHarness(services: Services, opts: { features?: Feature[]; rateLimitPerMinute?: number } = {}): Promise<BotHarness> {
  const fake = await startFakeTelegram();
  const app = createBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    services,
    i18n: createI18n(),
    logger: testLogger,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 1000,
    botInfo: fake.botInfo,
    throttle: false,
    features: opts.features,
  });
  return {
    fake,
    app,
    async deliver(update) {
      await app.bot.handleUpdate(await update);
    },
    close: () => fake.close(),
  };
}
