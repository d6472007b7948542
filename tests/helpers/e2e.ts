// What the end-to-end suites share: waiting for something to happen, acting as a citizen and waiting
// for the bot's answer, walking a new citizen through /start, language and consent, and calling the API.
import { parseConfig } from '../../app/config.ts';
import { startApp, type RunningApp } from '../../app/app.ts';
import { startFakeTelegram, type FakeTelegram } from '../fake-telegram/server.ts';
import type { ScriptedUser } from '../fake-telegram/types.ts';
import { createTestDb, type DbTarget, type TestDb } from './db.ts';
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

/** A new Telegram user who has chosen a language and agreed to the processing of personal data. */
export async function onboard(fake: FakeTelegram, lang: 'kk' | 'ru', firstName = lang === 'kk' ? 'Айгүл' : 'Сергей'): Promise<ScriptedUser> {
  const u = fake.user({ language_code: lang, first_name: firstName });
  await act(u, () => u.send('/start'), 'Тілді таңдаңыз');
  await act(u, () => u.pressButton(lang === 'kk' ? '🇰🇿 Қазақша' : '🇷🇺 Русский'), lang === 'kk' ? 'келісім' : 'Согласие');
  await act(u, () => u.pressButton(lang === 'kk' ? '✅ Келісемін' : '✅ Согласен(на)'), lang === 'kk' ? 'қош келдіңіз' : 'Добро пожаловать');
  return u;
}

/** The JSON answer is checked field by field by the suites, hence `any`. */
export type ApiCall = (method: string, url: string, body?: unknown, token?: string) => Promise<{ status: number; json: any }>;

/** Calls the running app's API with a bearer token (`defaultToken()` unless one is given). */
export function apiCaller(baseUrl: () => string, defaultToken: () => string): ApiCall {
  return async (method, url, body, token = defaultToken()) => {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
}

export const E2E_TOKEN = '123456:TEST-token-for-the-fake-api';
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';

export interface E2e {
  t: TestDb;
  fake: FakeTelegram;
  app: RunningApp;
  /** the API as the signed-in admin (another token may be passed per call) */
  api: ApiCall;
  stop(): Promise<void>;
}

/** A database of the target kind, the fake Bot API with Telegram's limits, and the whole app on both, with the admin signed in. */
export async function startE2e(target: DbTarget, opts: { now?: () => Date; env?: Record<string, string> } = {}): Promise<E2e> {
  const t = await createTestDb(target);
  const fake = await startFakeTelegram({ token: E2E_TOKEN, enforceLimits: true });
  const config = parseConfig(
    { PORT: '0', BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, LOG_LEVEL: 'silent', ...opts.env },
    process.cwd(),
  );
  const app = await startApp({ config, db: t.db, logger: testLogger, print: () => {}, ...(opts.now ? { now: opts.now } : {}) });
  let token = '';
  const api = apiCaller(
    () => app.url!,
    () => token,
  );
  token = (await api('POST', '/api/auth/login', { login: 'admin', password: E2E_ADMIN_PASSWORD }, '')).json.token;
  return {
    t,
    fake,
    app,
    api,
    async stop() {
      await app.stop();
      await fake.close();
      await t.drop();
    },
  };
}
