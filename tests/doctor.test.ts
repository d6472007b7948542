// `npm run doctor` against a good set-up and broken ones: a wrong bot token, a database that cannot be
// reached, a webhook that Telegram has at another URL than WEBHOOK_URL, and a BOT_USERNAME of another bot.
// Each finding says ✓ or ✗ and, when wrong, the fix; the command exits non-zero when anything is wrong.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndPrepareDatabase } from '../app/prepare-database.ts';
import { parseConfig } from '../app/config.ts';
import { runDoctor } from '../app/doctor-checks.ts';
import type { Finding } from '../app/doctor-finding.ts';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram/server.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const TOKEN = '123456:TEST-token-for-the-doctor-suite';
const HOOK = 'https://bot.akimat.example.kz/telegram/hook';
const root = path.resolve(import.meta.dirname, '..');

const verdicts = (f: Finding[]) => Object.fromEntries(f.map((x) => [x.check, x.ok]));

/** The doctor as a person runs it: its own process, configured by the environment. */
function doctorProcess(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|BOT_|WEBHOOK_|DATA_DIR|TELEGRAM_|METRICS_)/.test(k)));
    const child = spawn(process.execPath, ['--import', 'tsx', 'app/doctor.ts'], { cwd: root, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the doctor’s fixes', () => {
  it('name sections the README has', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const headings = new Set([...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.replace(/`/g, '')));
    const named = ['app/doctor-checks.ts', 'app/doctor-telegram.ts'].flatMap((f) =>
      [...readFileSync(path.join(root, f), 'utf8').matchAll(/README, "([^"]+)"/g)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThan(5);
    expect(named.filter((n) => !headings.has(n))).toEqual([]);
  });
});

describe.each(dbTargets)('npm run doctor (%s)', (target) => {
  let fake: FakeTelegram;
  let t: TestDb | undefined;
  let dataDir = '';
  let env: Record<string, string> = {};
  const doctor = (over: Record<string, string> = {}) => runDoctor(parseConfig({ ...env, ...over }, root), { timeoutMs: 3000, minFreeBytes: 1 });

  beforeAll(async () => {
    fake = await startFakeTelegram({ token: TOKEN });
    await new Api(TOKEN, { apiRoot: fake.apiRoot }).setWebhook(HOOK);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'azamat-doctor-'));
    env = { DATA_DIR: dataDir, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, WEBHOOK_URL: HOOK, BOT_USERNAME: 'azamat_test_bot', LOG_LEVEL: 'silent' };
    if (target === 'postgres') {
      t = await createTestDb('postgres');
      env.DATABASE_URL = t.url!;
    } else {
      // a prepared embedded database, closed again (the doctor opens it like any process)
      await (await openAndPrepareDatabase(parseConfig(env, root), testLogger)).close();
    }
  });
  afterAll(async () => {
    await fake?.close();
    await t?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('passes a good set-up', async () => {
    const f = await doctor();
    expect(f.filter((x) => x.ok === false)).toEqual([]);
    expect(verdicts(f)).toMatchObject({
      configuration: true,
      database: true,
      migrations: true,
      clock: true,
      'disk space': true,
      'bot token': true,
      BOT_USERNAME: true,
      webhook: true,
      'time zone': true,
    });
    expect(f.find((x) => x.check === 'bot token')!.detail).toContain('@azamat_test_bot');
    expect(f.find((x) => x.check === 'webhook')!.detail).toContain(`Telegram sends updates to WEBHOOK_URL (${HOOK})`);
  });

  it('names a wrong bot token and how to fix it', async () => {
    const f = await doctor({ BOT_TOKEN: '123456:a-token-BotFather-never-gave-out' });
    const token = f.find((x) => x.check === 'bot token')!;
    expect(token).toMatchObject({ ok: false, detail: 'Telegram refused BOT_TOKEN (401 Unauthorized)' });
    expect(token.fix).toContain('@BotFather');
    expect(verdicts(f)).toMatchObject({ webhook: null, database: true });
  });

  it('names a database that cannot be reached', async () => {
    const f = await doctor({ DATABASE_URL: 'postgresql://azamat:secret@127.0.0.1:1/azamat' });
    const db = f.find((x) => x.check === 'database')!;
    expect(db.ok).toBe(false);
    expect(db.detail).toMatch(/^cannot connect to PostgreSQL at postgresql:\/\/azamat:\*\*\*@127\.0\.0\.1:1\/azamat: .*ECONNREFUSED/);
    expect(db.detail).not.toContain('secret');
    expect(db.fix).toContain('DATABASE_URL');
    expect(verdicts(f)).toMatchObject({ migrations: null, clock: null, 'bot token': true });
  });

  it('names a webhook registered at another URL, and a BOT_USERNAME of another bot', async () => {
    const f = await doctor({ WEBHOOK_URL: 'https://new.akimat.example.kz/telegram/hook', BOT_USERNAME: 'azamat_prod_bot' });
    const hook = f.find((x) => x.check === 'webhook')!;
    expect(hook.ok).toBe(false);
    expect(hook.detail).toContain(`Telegram sends updates to ${HOOK}, not to WEBHOOK_URL https://new.akimat.example.kz/telegram/hook`);
    expect(hook.fix).toMatch(/another installation/);
    expect(f.find((x) => x.check === 'BOT_USERNAME')).toMatchObject({
      ok: false,
      fix: "set BOT_USERNAME=azamat_test_bot, or remove it (the bot's own is used where the bot runs)",
    });
    // polling, with someone's webhook still registered: updates would never reach this installation
    const polling = await doctor({ WEBHOOK_URL: '' });
    expect(polling.find((x) => x.check === 'webhook')).toMatchObject({ ok: false });
  });

  it('prints ✓ and ✗ with the fixes, and exits non-zero only when something is wrong', async () => {
    const good = await doctorProcess(env);
    expect(good.out).toContain('✓ bot token: getMe: @azamat_test_bot');
    expect(good.out).toContain('Everything checked is in order.');
    expect(good.code, good.out).toBe(0);
    const bad = await doctorProcess({
      ...env,
      BOT_TOKEN: '123456:a-token-BotFather-never-gave-out',
      DATABASE_URL: 'postgresql://azamat:secret@127.0.0.1:1/azamat',
    });
    expect(bad.out).toMatch(/✗ database: cannot connect to PostgreSQL/);
    expect(bad.out).toMatch(/✗ bot token: Telegram refused BOT_TOKEN \(401 Unauthorized\)\n {4}fix: copy the token again from @BotFather/);
    expect(bad.out).toContain('2 thing(s) to fix.');
    expect(bad.code).toBe(1);
  });
});
