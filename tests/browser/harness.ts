// What the browser suites share: the whole API with the console on a random port over a test database,
// Debian's Chromium driven by playwright-core with a fresh profile and no way out to the network, and
// screenshots kept in test-artifacts/screenshots/ for people to look at.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createI18n } from '../../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import type { ServerDeps } from '../../server/app.ts';
import { buildConsole } from '../../web/build.mjs';
import { createTestDb, type DbTarget, type TestDb } from '../helpers/db.ts';
import { testLogger } from '../helpers/silent-logger.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A tile server that cannot answer: the maps must still show their markers. */
export const OFFLINE_TILES = 'https://tiles.invalid/{z}/{x}/{y}.png';
export const SCREENSHOTS = path.resolve('test-artifacts/screenshots');

/** Whether this machine can run the browser suites; CI installs Chromium, so there they never skip. */
export const browserAvailable = existsSync(CHROMIUM) || !!process.env.CI;

/** Where test processes build their console (gitignored): one folder per process id. */
export const CONSOLE_BUILDS = path.resolve('test-artifacts/console-dist');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

let built: Promise<string> | undefined;
/**
 * The console built from the current sources once per test process, so a stale web/dist never hides a
 * change. The folder goes when the process exits; folders of processes that were killed go with the next run.
 */
export function consoleDist(): Promise<string> {
  built ??= (async () => {
    if (existsSync(CONSOLE_BUILDS)) {
      for (const name of readdirSync(CONSOLE_BUILDS)) {
        const pid = Number(/^(\d+)/.exec(name)?.[1]);
        if (pid && pid !== process.pid && !alive(pid)) rmSync(path.join(CONSOLE_BUILDS, name), { recursive: true, force: true });
      }
    }
    const dir = path.join(CONSOLE_BUILDS, String(process.pid));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    await buildConsole({ outDir: dir, minify: false });
    return dir;
  })();
  return built;
}

export interface ConsoleApp {
  t: TestDb;
  services: ServicesWithDb;
  server: FastifyInstance;
  baseUrl: string;
  storageDir: string;
  stop(): Promise<void>;
}

export async function startConsoleApp(
  target: DbTarget,
  opts: { now?: () => Date; system?: ServerDeps['system']; botUsername?: string } = {},
): Promise<ConsoleApp> {
  const t = await createTestDb(target);
  const storageDir = await mkdtemp(path.join(os.tmpdir(), 'azamat-storage-'));
  let server: FastifyInstance | undefined;
  let services: ServicesWithDb;
  try {
    services = createAppServices({
      db: t.db,
      logger: testLogger,
      sessionTtlHours: 12,
      storageDir,
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.botUsername ? { projects: { botUsername: () => opts.botUsername } } : {}),
    });
    server = await buildAppServer({
      services,
      i18n: createI18n(),
      logger: testLogger,
      cookieSecure: false,
      console: { mapTileUrl: OFFLINE_TILES, mapAttribution: 'test tiles', distDir: await consoleDist() },
      system: opts.system,
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
  } catch (e) {
    // a failed start leaves no database or folder behind
    await server?.close().catch(() => undefined);
    await t.drop().catch(() => undefined);
    await rm(storageDir, { recursive: true, force: true });
    throw e;
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    t,
    services,
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    storageDir,
    async stop() {
      await server!.close();
      await t.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** requests the page tried to make anywhere but the app (all refused) */
  blocked: string[];
  close(): Promise<void>;
}

/** Chromium with an empty profile; every request outside `baseUrl` is refused, as on a machine without network. */
export async function launchBrowser(
  baseUrl: string,
  opts: { viewport?: { width: number; height: number }; locale?: string; javaScriptEnabled?: boolean } = {},
): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'azamat-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: opts.viewport ?? { width: 1366, height: 860 },
      locale: opts.locale ?? 'ru-RU',
      timezoneId: 'Asia/Almaty',
      javaScriptEnabled: opts.javaScriptEnabled ?? true,
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort('internetdisconnected');
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    blocked,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export async function signIn(page: Page, baseUrl: string, login: string, password: string) {
  await page.goto(`${baseUrl}/console/`);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form.login-card button[type=submit]').click();
  await page.locator('[data-testid=who]').waitFor();
}
