// Section 1: the bot under a crowd. Hundreds of simulated citizens file a report at once (category,
// region, district, location, description, photo, name, send) through the fake Bot API against the
// whole app (app/app.ts, long polling). Compared in the same run with grammY's own ceiling (the same
// updates, a handler that does nothing) and with the database's single-row INSERT rate. The fake and the
// citizens run in a process of their own (bench/lib/crowd.ts), so they take no time from the bot's event loop.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { parseConfig } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import { startApp } from '../app/app.ts';
import { startFakeTelegram, type FakeTelegram } from '../tests/fake-telegram/server.ts';
import { ALLOWED_UPDATES } from '../bot/run.ts';
import { openBenchDb, rawInsertRate, type PostgresServer, type Target } from './lib/bench-db.ts';
import type { CrowdAnswer, CrowdRequest } from './lib/crowd.ts';
import type { SectionWriter } from './lib/results.ts';
import { distribution, fmt, perSecond, type Distribution } from './lib/stats.ts';

const TOKEN = '123456:BENCH-token-for-the-fake-bot-api';

/** The fake Bot API and the citizens in a child process (bench/lib/crowd.ts): one answer per request. */
async function startCrowd(paced: boolean): Promise<{
  apiRoot: string;
  ask<T extends CrowdAnswer['type']>(req: CrowdRequest, expect: T): Promise<Extract<CrowdAnswer, { type: T }>>;
  close(): Promise<void>;
}> {
  const child: ChildProcess = fork(new URL('./lib/crowd.ts', import.meta.url), [TOKEN, paced ? 'paced' : 'unpaced'], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<CrowdAnswer>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the fake Bot API's process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m: CrowdAnswer) => {
        child.off('exit', onExit);
        resolve(m);
      });
    });
  const expectAnswer = async <T extends CrowdAnswer['type']>(answer: Promise<CrowdAnswer>, type: T) => {
    const a = await answer;
    if (a.type === 'error') throw new Error(`fake Bot API process: ${a.message}`);
    if (a.type !== type) throw new Error(`fake Bot API process answered ${a.type}, not ${type}`);
    return a as Extract<CrowdAnswer, { type: T }>;
  };
  const ready = await expectAnswer(next(), 'ready');
  return {
    apiRoot: ready.apiRoot,
    ask: (req, type) => {
      const answer = next();
      child.send(req);
      return expectAnswer(answer, type);
    },
    close: async () => {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.send({ type: 'close' } satisfies CrowdRequest);
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface BotRunResult {
  citizens: number;
  updates: number;
  wallMs: number;
  perSecond: number;
  /** update → the bot's first API call for that chat (handler time; pacing only if that call was a paced send) */
  first: Distribution;
  /** update → the message the citizen waits for (includes Telegram pacing when on) */
  step: Distribution;
  reports: number;
  failures: string[];
  /** the updates the app received, for the grammY baseline */
  updatesSeen: Update[];
  sendsPerUpdate: number;
  /** PostgreSQL only: committed transactions (each statement outside a transaction is one) per update */
  xactsPerUpdate?: number;
}

/** Every citizen files one report, all at once, against the whole app (paced as deployed, or not): what that run measured. */
export async function runBotLoad(opts: {
  target: Target;
  server?: PostgresServer;
  citizens: number;
  paced: boolean;
  log: (l: string) => void;
  /** wraps the crowd's run (bench/lib/bot-profile.ts measures the bot's CPU around it) */
  around?: <T>(crowd: () => Promise<T>) => Promise<T>;
  /** measure the database's single-row INSERT rate after the crowd (default true) */
  insertRate?: boolean;
}): Promise<BotRunResult & { insert: { perSecond: number; p50Ms: number } }> {
  const bench = await openBenchDb(opts.target, opts.server);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bench-'));
  // Telegram's limits at the fake only when the app paces itself too: unpaced, the bot would just collect 429s.
  const fake = await startCrowd(opts.paced);
  const config = parseConfig(
    { PORT: '0', BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'silent', DATA_DIR: dataDir },
    process.cwd(),
  );
  const app = await startApp({ config, db: bench.db, logger: createLogger('silent'), print: () => {}, throttle: opts.paced });
  try {
    const services = app.services;
    const { regions } = await services.reference.get();

    // Returning citizens who already agreed to the processing of personal data: the flow starts at the menu.
    const { users } = await fake.ask({ type: 'users', citizens: opts.citizens, seed: opts.citizens * 7 + (opts.paced ? 1 : 0) }, 'users');
    for (const u of users) await services.citizens.giveConsent(u.id, u.locale, u.firstName);
    await fake.ask({ type: 'polling' }, 'polling');

    const xacts = async () =>
      (await bench.db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()'))[0]!.n;
    const xactsBefore = opts.target === 'postgres' ? await xacts() : 0n;
    const runCrowd = () => fake.ask({ type: 'run', regions: regions.map((r) => ({ nameKk: r.nameKk, nameRu: r.nameRu, lat: r.lat, lon: r.lon })) }, 'run');
    const { result: crowd } = await (opts.around ? opts.around(runCrowd) : runCrowd());
    // The statistics collector reports with a small delay.
    if (opts.target === 'postgres') await new Promise((r) => setTimeout(r, 1000));
    const xactsDuring = opts.target === 'postgres' ? Number((await xacts()) - xactsBefore) : undefined;
    const reports = await services.prisma.report.count();
    const updates = crowd.stepMs.length;
    const result: BotRunResult = {
      citizens: opts.citizens,
      updates,
      wallMs: crowd.wallMs,
      perSecond: perSecond(updates, crowd.wallMs),
      first: distribution(crowd.firstMs),
      step: distribution(crowd.stepMs),
      reports,
      failures: crowd.failures,
      updatesSeen: crowd.updatesSeen,
      sendsPerUpdate: updates ? crowd.sends / updates : 0,
      ...(xactsDuring !== undefined && updates ? { xactsPerUpdate: xactsDuring / updates } : {}),
    };
    // The same database, the same driver adapter, the same number of callers as the bot has connections.
    const insert = opts.insertRate === false ? { perSecond: 0, p50Ms: 0 } : await rawInsertRate(bench.db, opts.target === 'pglite' ? 3000 : 5000, 10);
    return { ...result, insert };
  } finally {
    await app.stop();
    await fake.close();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * grammY's own ceiling, on the same runner and fake as the app, with a handler that does nothing:
 * `burst` hands it all the updates at once (the most it can take in); `closed` replays them the way
 * the citizens sent them, each chat's next update after the previous one was handled (latency is
 * update pushed → handler called).
 */
export async function runNoopBaseline(updates: Update[]): Promise<{ burstPerSecond: number; closedPerSecond: number; latency: Distribution; updates: number }> {
  const fake: FakeTelegram = await startFakeTelegram({ token: TOKEN });
  const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot }, botInfo: fake.botInfo });
  const waiting = new Map<number, () => void>();
  bot.use(async (ctx) => {
    waiting.get(ctx.update.update_id)?.();
    waiting.delete(ctx.update.update_id);
  });
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  const strip = ({ update_id: _id, ...rest }: Update) => rest;
  const handled = (pushed: Update) => new Promise<void>((resolve) => waiting.set(pushed.update_id, resolve));
  try {
    // Burst: everything queued before the bot sees any of it.
    const t0 = performance.now();
    await Promise.all(updates.map((u) => handled(fake.pushUpdate(strip(u)))));
    const burstPerSecond = perSecond(updates.length, performance.now() - t0);

    const byChat = new Map<number, Update[]>();
    for (const u of updates) {
      const chat = u.message?.chat.id ?? u.callback_query?.from.id ?? 0;
      let list = byChat.get(chat);
      if (!list) byChat.set(chat, (list = []));
      list.push(u);
    }
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      [...byChat.values()].map(async (list) => {
        for (const u of list) {
          const t1 = performance.now();
          // pushUpdate wakes the poller on the next turn of the event loop, after the waiter is set.
          await handled(fake.pushUpdate(strip(u)));
          latencies.push(performance.now() - t1);
        }
      }),
    );
    return {
      burstPerSecond,
      closedPerSecond: perSecond(latencies.length, performance.now() - started),
      latency: distribution(latencies),
      updates: latencies.length,
    };
  } finally {
    if (runner.isRunning()) await runner.stop();
    await fake.close();
  }
}

/** Both runs on one database, with the grammY and INSERT baselines of the same run, as figures. */
export async function botSection(
  w: SectionWriter,
  opts: { target: Target; server?: PostgresServer; citizens: number; pacedCitizens: number; log: (l: string) => void },
): Promise<void> {
  const db = opts.target === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const paced = await runBotLoad({ target: opts.target, server: opts.server, citizens: opts.pacedCitizens, paced: true, log: opts.log });
  const fast = await runBotLoad({ target: opts.target, server: opts.server, citizens: opts.citizens, paced: false, log: opts.log });
  const noop = await runNoopBaseline(fast.updatesSeen);
  for (const r of [paced, fast]) {
    if (r.failures.length) w.note(`${db}: ${r.failures.length} of ${r.citizens} citizens did not finish, e.g. ${r.failures[0]}`);
    if (r.reports !== r.citizens) w.note(`${db}: ${r.reports} reports filed by ${r.citizens} citizens`);
  }
  const grammy = { name: 'grammY, handler that does nothing, same updates (burst)', value: noop.burstPerSecond, unit: 'updates/s' };
  w.add({
    name: `${db}, ${opts.pacedCitizens} citizens, as deployed (pacing to Telegram's limits): updates handled/s`,
    value: paced.perSecond,
    unit: 'updates/s',
    baseline: grammy,
  });
  w.add({
    name: `${db}, ${opts.pacedCitizens} citizens, as deployed: p50 / p95 / p99 update → next question`,
    value: paced.step.p50,
    unit: `ms (p95 ${fmt(paced.step.p95)}, p99 ${fmt(paced.step.p99)})`,
    baseline: { name: "the fake's per-chat limit (1 message/s)", value: 1000, unit: 'ms' },
  });
  w.add({ name: `${db}, ${opts.citizens} citizens, handler only (no pacing): updates handled/s`, value: fast.perSecond, unit: 'updates/s', baseline: grammy });
  w.add({
    name: `${db}, ${opts.citizens} citizens, handler only: updates handled/s vs single-row INSERTs/s`,
    value: fast.perSecond,
    unit: 'updates/s',
    baseline: { name: `single-row INSERTs, same ${db} and driver adapter, 10 callers`, value: fast.insert.perSecond, unit: 'inserts/s' },
  });
  for (const p of ['p50', 'p95', 'p99'] as const) {
    w.add({
      name: `${db}, ${opts.citizens} citizens, handler only: ${p} update → bot's first answer`,
      value: fast.first[p],
      unit: 'ms',
      baseline: { name: `grammY no-op, ${p} update → handler called`, value: noop.latency[p] },
    });
  }
  w.add({ name: `${db}, ${opts.citizens} citizens, handler only: p95 update → next question`, value: fast.step.p95, unit: 'ms' });
  w.note(
    `${db}: ${fast.updates} updates from ${opts.citizens} citizens (menu, category, region, district, location, description, photo, done, name, send); the bot sent ${fmt(fast.sendsPerUpdate, 2)} messages per update, so Telegram's 30 messages/s cap the deployed bot at about ${fmt(30 / fast.sendsPerUpdate)} updates/s whatever the server. grammY no-op replaying the same updates chat by chat: ${fmt(noop.closedPerSecond)} updates/s.${fast.xactsPerUpdate !== undefined ? ` The database committed ${fmt(fast.xactsPerUpdate)} transactions per update (each statement outside a transaction counts as one; jobs and outbox included).` : ''}`,
  );
}
