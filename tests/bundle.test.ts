// Production runs the bundle app/build.mjs makes at install (`node dist/app/main.js`), not the TypeScript sources.
// Built here into a folder of its own: it starts, finds what it reads beside its sources (migrations, texts, the
// console, the API docs), runs the packages it bundles or leaves to Node (the password check, the metrics), stops
// gracefully on one Ctrl+C even when npm delivers it twice, and a crash names the TypeScript file and line. The bot's
// modules are chunks of their own, read only with a BOT_TOKEN: with one, the bundle still runs the bot.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../app/build.mjs';
import { startFakeTelegram } from './fake-telegram/server.ts';
import { freePort, killLeftovers } from './helpers/local-processes.ts';

const root = path.resolve(import.meta.dirname, '..');
// Inside the project: the packages the bundle leaves to Node (PGlite, Prisma's client) are found from there.
const cache = path.join(root, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const outDir = mkdtempSync(path.join(cache, 'azamat-bundle-test-'));
const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bundle-'));
const children: ChildProcess[] = [];

beforeAll(async () => {
  await buildServer({ outDir, entries: ['app/main.ts'] });
});

afterAll(() => {
  killLeftovers(children);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function run(args: string[], env: NodeJS.ProcessEnv) {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', BOT_TOKEN: undefined, ...env };
  if (fullEnv.BOT_TOKEN === undefined) delete fullEnv.BOT_TOKEN;
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(outDir, 'app/main.js'), ...args], {
    cwd: root,
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Until /health answers 200 (the process started: its signal handlers are set once the start is done). */
async function healthy(url: string, app: ReturnType<typeof run>): Promise<void> {
  for (;;) {
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (app.child.exitCode !== null) throw new Error(`exited early:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the production bundle', () => {
  it('starts on a new data directory, serves /health, the console, the API docs and texts in Kazakh, and stops on one Ctrl+C delivered twice', async () => {
    const port = await freePort();
    const metricsToken = 'bundle-test-metrics-token-0123456789abcdef';
    const app = run([], { PORT: String(port), DATA_DIR: dataDir, ADMIN_PASSWORD: 'bundle-test-admin-pw', DATABASE_URL: '', METRICS_TOKEN: metricsToken });
    const url = `http://127.0.0.1:${port}`;
    await healthy(url, app);
    expect(await fetch(`${url}/health`).then((r) => r.json())).toMatchObject({ status: 'ok' });
    const docs = await fetch(`${url}/docs/static/index.html`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    const console = await fetch(`${url}/console/`);
    expect(console.status).toBe(200);
    expect(await console.text()).toContain('<script');
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'kk' },
      body: JSON.stringify({ login: 'admin', password: 'not the password' }),
    });
    expect(login.status).toBe(401);
    expect(await login.json()).toMatchObject({ error: { code: 'auth.bad_credentials', message: expect.stringMatching(/[әғқңөұүһі]/i) } });

    // prom-client, bundled: the process's and the domain's metrics.
    const metrics = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^azamat_process_resident_memory_bytes\{role="all"\} \d+/m);

    // The terminal's SIGINT and npm's forwarded copy arrive together: still one graceful stop.
    app.child.kill('SIGINT');
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
    expect(app.output()).toContain('"msg":"stopped"');
    expect(existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it('with a BOT_TOKEN loads the bot and answers /start (the database warm from the test before)', async () => {
    const fake = await startFakeTelegram({ token: '123456:TEST-token-for-the-bundle' });
    try {
      const port = await freePort();
      const app = run([], { PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
      await healthy(`http://127.0.0.1:${port}`, app);
      await fake.waitFor('deleteWebhook', { timeoutMs: 30_000 });
      const u = fake.user({ language_code: 'kk' });
      await u.send('/start');
      await u.waitForReply({ timeoutMs: 30_000 });
      expect(u.lastKeyboard().flat()).toContain('🇰🇿 Қазақша');
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      await fake.close();
    }
  });

  it('names the TypeScript source in the stack trace of a crash', async () => {
    // DATA_DIR is a file: taking the embedded database's lock fails at once.
    const file = path.join(dataDir, 'not-a-directory');
    writeFileSync(file, '');
    const app = run(['migrate'], { DATA_DIR: file, DATABASE_URL: '' });
    expect(await app.exited).not.toBe(0);
    expect(app.output()).toMatch(/at lockDataDir \(.*core\/db\/data-dir-lock\.ts:\d+:\d+\)/);
  });
});

describe('the bundle in chunks', () => {
  it("maps a chunk read later (the bot's start) to its TypeScript source", async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { SourceMap } = await import('node:module');
    const dir = path.join(outDir, 'app');
    const chunk = readdirSync(dir).find((f) => /^start-bot-.*\.js$/.test(f))!;
    const code = readFileSync(path.join(dir, chunk), 'utf8');
    const at = code.indexOf('async function startBot(');
    const line = code.slice(0, at).split('\n').length - 1;
    const column = at - code.lastIndexOf('\n', at - 1) - 1;
    const map = new SourceMap(JSON.parse(readFileSync(path.join(dir, `${chunk}.map`), 'utf8')) as never);
    expect(map.findEntry(line, column)).toMatchObject({ originalSource: expect.stringMatching(/app\/start-bot\.ts$/) });
  });
});

describe('the bundle is ASCII', () => {
  it('has no character V8 would hold at two bytes: the regular expressions esbuild leaves as written are escaped', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync(path.join(outDir, 'app')).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(readFileSync(path.join(outDir, 'app', f), 'utf8')).not.toMatch(/[\u0080-\uffff]/);
  });

  it('escaped regular expressions match what they matched, and a stack trace after them still names the right line', async () => {
    const { transform } = await import('esbuild');
    const { SourceMap } = await import('node:module');
    const { asciiRegexes, shiftMappings } = await import('../app/build-ascii.mjs');
    const source = 'const quotes = /[«»]/g;\nconst yo = /ё/u;\nconst emoji = /😀/u;\nconst plain = /\\ё/;\nexport function after() {\n  return 1;\n}\n';
    const built = await transform(source, { loader: 'ts', minifyWhitespace: true, sourcemap: 'external', sourcefile: 'x.ts' });
    const result = (await asciiRegexes(built.code))!;
    expect(result.code).not.toMatch(/[\u0080-\uffff]/);
    const [quotes, yo, emoji, plain] = new Function(`${result.code.replace('export ', '')}; return [quotes, yo, emoji, plain];`)() as RegExp[];
    expect('«x»'.replace(quotes!, '')).toBe('x');
    expect(yo!.test('ёж')).toBe(true);
    expect(emoji!.test('a😀')).toBe(true);
    expect(plain!.test('ё')).toBe(true);
    const map = JSON.parse(built.map) as { mappings: string };
    const shifted = new SourceMap({ ...map, mappings: await shiftMappings(map.mappings, result.edits) } as never);
    const at = result.code.indexOf('function after');
    expect(shifted.findEntry(0, at)).toMatchObject({ originalLine: 4 });
  });
});
