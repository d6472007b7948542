// What the end-to-end suites share: waiting for something to happen, acting as a citizen and waiting
// for the bot's answer, walking a new citizen through /start, language and consent, the app's clock,
// and the whole app on a fake Bot API with the admin signed in to its API.
import type { Update } from 'grammy/types';
import { afterAll, beforeAll } from 'vitest';
import { parseConfig } from '../../app/config.ts';
import { startApp, type RunningApp } from '../../app/app.ts';
import { startFakeTelegram, type FakeTelegram } from '../fake-telegram/server.ts';
import type { ScriptedUser } from '../fake-telegram/types.ts';
import { createTestDb, type DbTarget, type TestDb } from './db.ts';
import { lateBound } from './late-bound.ts';
import { stepUpdate, type AwaitedStep } from './walk.ts';
import { testLogger } from './silent-logger.ts';

/** Polls until `fn` gives something truthy; the error names what was awaited and, if given, what was seen. */
export async function until<T>(
  what: string,
  fn: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  debug?: () => unknown,
  timeoutMs = 20_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}${debug ? `; saw: ${JSON.stringify(debug())}` : ''}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** Does something as the user and waits until the bot has sent a text matching `expected`. */
export async function act(u: ScriptedUser, action: () => Promise<unknown>, expected: string | RegExp): Promise<string> {
  const seen = u.texts().length;
  await action();
  return until(
    `reply matching ${String(expected)}`,
    () =>
      u
        .texts()
        .slice(seen)
        .find((x) => (typeof expected === 'string' ? x.includes(expected) : expected.test(x))),
    () => u.texts().slice(-3),
  );
}

/**
 * Does the steps in order as `u`, each waiting until the bot has sent a text matching the step's `expect`;
 * `through` sees each update on its way (to keep it, say).
 */
export async function walk(u: ScriptedUser, steps: AwaitedStep[], through: (update: Promise<Update>) => Promise<unknown> = (update) => update): Promise<void> {
  for (const step of steps) await act(u, () => through(stepUpdate(u, step)), step.expect);
}

/** A message the system sent on its own (through the outbox): the next one matching `expected` since the last one awaited so. */
export async function notice(u: ScriptedUser, expected: string | RegExp, timeoutMs = 20_000): Promise<string> {
  return (await u.waitForReply({ match: expected, timeoutMs })).text ?? '';
}

/** A new Telegram user who has chosen a language and agreed to the processing of personal data. */
export async function onboard(fake: FakeTelegram, lang: 'kk' | 'ru', firstName = lang === 'kk' ? 'Айгүл' : 'Сергей'): Promise<ScriptedUser> {
  const u = fake.user({ language_code: lang, first_name: firstName });
  await act(u, () => u.send('/start'), 'Тілді таңдаңыз');
  await act(u, () => u.pressButton(lang === 'kk' ? '🇰🇿 Қазақша' : '🇷🇺 Русский'), lang === 'kk' ? 'келісім' : 'Согласие');
  await act(u, () => u.pressButton(lang === 'kk' ? '✅ Келісемін' : '✅ Согласен(на)'), lang === 'kk' ? 'қош келдіңіз' : 'Добро пожаловать');
  return u;
}

/** The JSON answer is checked field by field by the suites, hence `any`; `buffer` is the body as sent (a file). */
export type ApiCall = (method: string, url: string, body?: unknown, token?: string, lang?: string) => Promise<{ status: number; json: any; buffer: Buffer }>;

/** Calls the running app's API with a bearer token (`defaultToken()` unless one is given) and, if any, a language. */
export function apiCaller(baseUrl: () => string, defaultToken: () => string, defaultLang?: string): ApiCall {
  return async (method, url, body, token = defaultToken(), lang = defaultLang) => {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: {
        ...(lang ? { 'accept-language': lang } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const buffer = Buffer.from(await res.arrayBuffer());
    let json: unknown = null;
    try {
      json = JSON.parse(buffer.toString('utf8'));
    } catch {
      /* not JSON: a file, or nothing */
    }
    return { status: res.status, json, buffer };
  };
}

/**
 * The app's clock in an end-to-end suite: set to an instant, then running on at the real pace (the
 * outbox waits out flood control by it), or standing still where a test needs an exact instant.
 */
export interface E2eClock {
  now(): Date;
  /** the instant it was last set to */
  readonly base: Date;
  set(at: Date, running?: boolean): void;
}

export function movableClock(start: Date): E2eClock {
  let base = start;
  let since: number | null = Date.now();
  return {
    now: () => (since === null ? base : new Date(base.getTime() + (Date.now() - since))),
    get base() {
      return base;
    },
    set(at, running = true) {
      base = at;
      since = running ? Date.now() : null;
    },
  };
}

export const E2E_TOKEN = '123456:TEST-token-for-the-fake-api';
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';

export interface E2eOptions {
  /**
   * Where the app's clock starts (it runs on from there). Without it the clock starts at the real time: a
   * message queued without a `notBefore` (report and question notices) is due at the real time
   * (enqueueMessage), so a suite that waits for those cannot move its clock into the past.
   */
  start?: Date;
  /** more configuration, as environment variables (e.g. OUTBOX_RATE_PER_SECOND, WEBHOOK_URL) */
  env?: Record<string, string>;
  /** the Accept-Language of API calls that name none */
  lang?: string;
}

export interface E2e {
  t: TestDb;
  fake: FakeTelegram;
  /** the running app (a new one after `start()`) */
  readonly app: RunningApp;
  /** the API as the signed-in admin (another token may be passed per call) */
  api: ApiCall;
  clock: E2eClock;
  /** the admin's current token */
  readonly token: string;
  /** signs the admin in again (a staff session ends with the clock moved days on) */
  signIn(): Promise<void>;
  /** starts the app again on the same database and fake Bot API (after `app.stop()`), and signs in */
  start(): Promise<void>;
  /** runs a scheduled job now, waiting out a scheduled run that holds its lease */
  runJob(name: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A database of the target kind, the fake Bot API with Telegram's limits, and the whole app on both, with the admin signed in. */
export async function startE2e(target: DbTarget, opts: E2eOptions = {}): Promise<E2e> {
  const t = await createTestDb(target);
  const fake = await startFakeTelegram({ token: E2E_TOKEN, enforceLimits: true });
  const config = parseConfig(
    { PORT: '0', BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...opts.env },
    process.cwd(),
  );
  const clock = movableClock(opts.start ?? new Date());
  let app: RunningApp | undefined;
  let token = '';
  const running = () => {
    if (!app) throw new Error('the app is not running');
    return app;
  };
  const api = apiCaller(
    () => running().url!,
    () => token,
    opts.lang,
  );
  const e: E2e = {
    t,
    fake,
    get app() {
      return running();
    },
    api,
    clock,
    get token() {
      return token;
    },
    async signIn() {
      token = (await api('POST', '/api/auth/login', { login: 'admin', password: E2E_ADMIN_PASSWORD }, '')).json.token;
    },
    async start() {
      app = await startApp({ config, db: t.db, logger: testLogger, print: () => {}, now: clock.now });
      await e.signIn();
    },
    async runJob(name, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(await running().scheduler!.runNow(name))) {
        if (Date.now() > deadline) throw new Error(`the ${name} job stayed leased`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await app?.stop();
      await fake.close();
      await t.drop();
    },
  };
  await e.start();
  return e;
}

/** Registers beforeAll/afterAll for startE2e; what it returns may be used at describe time and read inside tests. */
export function useE2e(target: DbTarget, opts: E2eOptions = {}): E2e {
  let e: E2e | undefined;
  beforeAll(async () => {
    e = await startE2e(target, opts);
  });
  afterAll(async () => {
    await e?.stop();
  });
  const ready = (): E2e => {
    if (!e) throw new Error('the e2e app is not ready: use it inside tests or hooks');
    return e;
  };
  return {
    t: lateBound('the e2e database', () => e?.t),
    fake: lateBound('the fake Bot API', () => e?.fake),
    app: lateBound('the e2e app', () => e?.app),
    api: (...args) => ready().api(...args),
    clock: lateBound('the e2e clock', () => e?.clock),
    get token() {
      return ready().token;
    },
    signIn: () => ready().signIn(),
    start: () => ready().start(),
    runJob: (name, timeoutMs) => ready().runJob(name, timeoutMs),
    stop: () => ready().stop(),
  };
}
