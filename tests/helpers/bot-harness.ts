// The real bot, in process: updates are handed to bot.handleUpdate, and the bot's API calls go to
// the fake Bot API server, which records them and answers like Telegram. useBotSuite gives a suite
// its database, services on a movable clock, the harness, and the say/press/last helpers.
import type { Update } from 'grammy/types';
import { beforeAll, beforeEach, afterAll } from 'vitest';
import type { Citizen } from '../../generated/prisma/client.ts';
import { createBot, type AppBot } from '../../bot/create-bot.ts';
import { citizens } from '../../app/capabilities/citizens.ts';
import { capabilityFeatures, createAppServices } from '../../app/compose.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { Feature } from '../../bot/features.ts';
import { OutboxDispatcher } from '../../core/outbox/dispatcher.ts';
import { telegramChat } from '../../bot/telegram/chat-port.ts';
import type { ServiceOptions, ServicesWithDb } from '../../core/services.ts';
import { startFakeTelegram, type FakeTelegram } from '../fake-telegram/server.ts';
import type { ScriptedUser, ScriptedUserOptions } from '../fake-telegram/types.ts';
import { createTestDb, type DbTarget, type TestDb } from './db.ts';
import { lateBound } from './late-bound.ts';
import { walker, type Walker } from './walk.ts';
import { testLogger } from './silent-logger.ts';

export interface BotHarness {
  fake: FakeTelegram;
  app: AppBot;
  /** hands the update to the bot and waits until it is fully handled */
  deliver(update: Update | Promise<Update>): Promise<void>;
  close(): Promise<void>;
}

/** `features`: the capabilities' features under test, after the citizens' (onboarding, menu, privacy); default: all. */
export async function createBotHarness(services: ServicesWithDb, opts: { features?: Feature[]; rateLimitPerMinute?: number } = {}): Promise<BotHarness> {
  const fake = await startFakeTelegram();
  const i18n = createI18n();
  const app = createBot({
    token: fake.token,
    apiRoot: fake.apiRoot,
    services,
    i18n,
    logger: testLogger,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 1000,
    botInfo: fake.botInfo,
    throttle: false,
    features: opts.features ? [...(await citizens.bot!({ i18n })), ...opts.features] : await capabilityFeatures({ i18n }),
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

export interface BotSuiteOptions {
  /** the capabilities beyond the foundation that the bot runs */
  features?: Feature[];
  /** where the suite's clock stands at the start of every test (tests may move it) */
  now: Date;
  /** more service settings, e.g. `{ reports: { perDay: 3 } }` */
  services?: Partial<Omit<ServiceOptions, 'db' | 'logger' | 'now'>>;
}

export interface CitizenSpec {
  locale: 'kk' | 'ru';
  /** the consented name; the Telegram first name is its first word */
  name: string;
  regionId?: number | null;
  /** the phone Telegram shares for this user, from their id */
  phone?: (telegramId: number) => string;
}

export interface BotSuite extends BotHarness, Walker {
  /** the suite's services (usable at describe time; read inside tests and hooks) */
  readonly services: ServicesWithDb;
  readonly db: TestDb;
  /** the instant services, flows and the outbox see; reset to `now` before each test */
  clock: Date;
  /** a new Telegram user of the fake (a fresh id) */
  user(opts?: Omit<ScriptedUserOptions, 'id'>): ScriptedUser;
  /** a Telegram user who has agreed to the processing of personal data, and their citizen row */
  citizen(spec: CitizenSpec): Promise<{ u: ScriptedUser; c: Citizen }>;
  /** the text of the bot's last message to `u` ('' when none) */
  last(u: ScriptedUser): string;
  /** every text the bot sent to `u`, one a line */
  all(u: ScriptedUser): string;
  /** the labels of the last keyboard the bot showed `u` */
  buttons(u: ScriptedUser): string[];
  /** the text of the last alert the bot showed on a pressed button */
  alert(): string;
  /** the texts of every alert the bot showed since the test began */
  alerts(): unknown[];
  /** sends the outbox as the jobs role does, through the same fake Bot API, at the suite's clock (or at `at`) */
  deliverOutbox(at?: () => Date): Promise<unknown>;
}

let nextTelegramId = 700_000_000;
/** A Telegram user id no other user of this test file has, whichever fake or database it meets. */
export const freshTelegramId = () => ++nextTelegramId;

/**
 * Registers beforeAll/afterAll for a bot suite: a database of the target kind, services on the suite's
 * clock, and the bot against a fake Bot API; before each test the fake forgets what it saw and the
 * clock goes back to `now`.
 */
export function useBotSuite(target: DbTarget, opts: BotSuiteOptions): BotSuite {
  let t: TestDb | undefined;
  let services: ServicesWithDb | undefined;
  let h: BotHarness | undefined;
  let clock = opts.now;
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('bot suite not ready: use it inside tests or hooks');
    return v;
  };

  beforeAll(async () => {
    t = await createTestDb(target);
    services = createAppServices({ sessionTtlHours: 12, ...opts.services, db: t.db, logger: testLogger, now: () => clock });
    h = await createBotHarness(services, { features: opts.features });
  });
  afterAll(async () => {
    await h?.close();
    await t?.drop();
  });
  beforeEach(() => {
    h?.fake.reset();
    clock = opts.now;
  });

  const suite: BotSuite = {
    services: lateBound('the bot suite’s services', () => services),
    get db() {
      return ready(t);
    },
    get fake() {
      return ready(h).fake;
    },
    get app() {
      return ready(h).app;
    },
    get clock() {
      return clock;
    },
    set clock(at: Date) {
      clock = at;
    },
    deliver: (update) => ready(h).deliver(update),
    close: () => ready(h).close(),
    user: (o = {}) => suite.fake.user({ ...o, id: freshTelegramId() }),
    async citizen({ locale, name, regionId, phone }) {
      const id = freshTelegramId();
      const u = suite.fake.user({ id, first_name: name.split(' ')[0], language_code: locale, ...(phone ? { phone_number: phone(id) } : {}) });
      let c = await ready(services).citizens.giveConsent(u.id, locale, name);
      if (regionId) c = await ready(services).citizens.updateProfile(c.id, { regionId });
      return { u, c };
    },
    ...walker((update) => ready(h).deliver(update)),
    last: (u) => u.texts().at(-1) ?? '',
    all: (u) => u.texts().join('\n'),
    buttons: (u) => u.lastKeyboard().flat(),
    alert: () => String(suite.fake.callsTo('answerCallbackQuery').at(-1)?.payload.text ?? ''),
    alerts: () =>
      suite.fake
        .callsTo('answerCallbackQuery')
        .map((c) => c.payload['text'])
        .filter(Boolean),
    deliverOutbox: (at = () => clock) =>
      new OutboxDispatcher({
        prisma: ready(services).prisma,
        chat: telegramChat((m, p) => ready(h).app.bot.api.raw[m as 'sendMessage'](p as never)),
        logger: testLogger,
        perChatIntervalMs: 0,
        now: at,
      }).runOnce(),
  };
  return suite;
}
