// What a console suite in Chromium starts with: its own app (database and storage), the console seed, and
// a browser, made once before the suite's tests and closed after them. A suite declares it at describe
// time (`const { app, seed, b } = useConsoleSuite(target, …)`) and uses it in its tests and hooks.
import { afterAll, beforeAll } from 'vitest';
import type { DbTarget } from '../helpers/db.ts';
import { lateBound } from '../helpers/late-bound.ts';
import { launchBrowser, signIn, startConsoleApp, type Browser, type ConsoleApp } from './harness.ts';
import { seedConsole, type ConsoleSeed } from './seed.ts';

export interface ConsoleSuiteOptions {
  /** the browser's language (default ru-RU) */
  locale?: string;
  /** the server's clock (default the real one) */
  now?: () => Date;
  /** the bot's username in the links the console shows */
  botUsername?: string;
  /** whether the console seed is made (default true); without it `seed` is not there */
  seed?: boolean;
  /** data of the suite's own, made after the seed and before the browser opens the console */
  prepare?(app: ConsoleApp, seed: ConsoleSeed): Promise<void>;
  /** signs this account in before the first test */
  signInAs?: { login: string; password: string };
}

export function useConsoleSuite(target: DbTarget, opts: ConsoleSuiteOptions = {}): { app: ConsoleApp; seed: ConsoleSeed; b: Browser } {
  let app: ConsoleApp | undefined;
  let seed: ConsoleSeed | undefined;
  let b: Browser | undefined;
  beforeAll(async () => {
    app = await startConsoleApp(target, { now: opts.now, botUsername: opts.botUsername });
    if (opts.seed !== false) seed = await seedConsole(app.services, app.storageDir);
    await opts.prepare?.(app, seed!);
    b = await launchBrowser(app.baseUrl, opts.locale ? { locale: opts.locale } : {});
    if (opts.signInAs) await signIn(b.page, app.baseUrl, opts.signInAs.login, opts.signInAs.password);
  });
  afterAll(async () => {
    await b?.close();
    await app?.stop();
  });
  return {
    app: lateBound('the console app', () => app),
    seed: lateBound('the console seed', () => seed),
    b: lateBound('the browser', () => b),
  };
}
