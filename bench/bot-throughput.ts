// Section 1: the bot under a crowd. Hundreds of simulated citizens file a report at once (category,
// region, district, location, description, photo, name, send) through the fake Bot API against the
// whole app (app/app.ts, long polling). Compared in the same run with grammY's own ceiling (the same
// updates, a handler that does nothing) and with the database's single-row INSERT rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { parseConfig } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import { startApp } from '../app/app.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { localName } from '../core/reference/reference-service.ts';
import { startFakeTelegram, type FakeTelegram, type RecordedCall, type ScriptedUser } from '../tests/fake-telegram/server.ts';
import { mulberry32 } from '../tests/fake-telegram/fake-files.ts';
import { ALLOWED_UPDATES } from '../bot/run.ts';
import { openBenchDb, rawInsertRate, type PostgresServer, type Target } from './lib/bench-db.ts';
import type { SectionWriter } from './lib/results.ts';
import { distribution, fmt, perSecond, type Distribution } from './lib/stats.ts';

const TOKEN = '123456:BENCH-token-for-the-fake-bot-api';
const STEP_TIMEOUT_MS = 60_000;

type Locale = 'kk' | 'ru';

interface Sample {
  chat: number;
  /** epoch ms when the update was handed to the fake Bot API */
  at: number;
  /** fake.calls.length then: the answer is a later call */
  callIndex: number;
  callbackId?: string;
  /** update pushed → the message the citizen waits for (the next step's question) */
  stepMs: number;
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

const stripTags = (s: string) => s.replace(/<[^>]+>/g, '');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The start of a localised text, up to its first placeholder or line end: enough to recognise the message. */
function lead(text: string): string {
  const plain = stripTags(text);
  const cut = Math.min(...[plain.indexOf('{{'), plain.indexOf('\n')].filter((i) => i >= 0), plain.length);
  return plain.slice(0, cut);
}

const DESCRIPTIONS: Record<Locale, string[]> = {
  ru: ['Глубокая яма на проезжей части, машины объезжают по встречной', 'Не горят фонари во дворе уже неделю', 'Переполнены мусорные контейнеры у дома'],
  kk: ['Аулдағы жол бұзылған, көлік жүре алмайды', 'Аялдамада шам жанбайды, кешке қараңғы', 'Қоқыс жәшіктері толып кетті, апта бойы шығарылмайды'],
};

/** Every citizen files one report, all at once, against the whole app (paced as deployed, or not): what that run measured. */
export async function runBotLoad(opts: {
  target: Target;
  server?: PostgresServer;
  citizens: number;
  paced: boolean;
  log: (l: string) => void;
}): Promise<BotRunResult & { insert: { perSecond: number; p50Ms: number } }> {
  const bench = await openBenchDb(opts.target, opts.server);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bench-'));
  // Telegram's limits at the fake only when the app paces itself too: unpaced, the bot would just collect 429s.
  const fake = await startFakeTelegram({ token: TOKEN, enforceLimits: opts.paced });
  const config = parseConfig(
    { PORT: '0', BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'silent', DATA_DIR: dataDir },
    process.cwd(),
  );
  const app = await startApp({ config, db: bench.db, logger: createLogger('silent'), print: () => {}, throttle: opts.paced });
  try {
    const services = app.services;
    const i18n = createI18n();
    const rng = mulberry32(opts.citizens * 7 + (opts.paced ? 1 : 0));
    const { regions } = await services.reference.get();

    // Returning citizens who already agreed to the processing of personal data: the flow starts at the menu.
    const users: Array<{ u: ScriptedUser; locale: Locale }> = [];
    for (let i = 0; i < opts.citizens; i++) {
      const locale: Locale = i % 3 === 0 ? 'kk' : 'ru';
      const u = fake.user({ language_code: locale, first_name: locale === 'kk' ? 'Айгүл' : 'Сергей' });
      await services.citizens.giveConsent(u.id, locale, u.info.first_name);
      users.push({ u, locale });
    }
    // The runner starts polling right after deleteWebhook (bot/run.ts); long polls are recorded only when they end.
    const deadline = Date.now() + 30_000;
    while (!fake.calls.some((c) => c.method === 'deleteWebhook')) {
      if (Date.now() > deadline) throw new Error('the bot did not start polling within 30 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 300));
    const callsBefore = fake.calls.length;

    const xacts = async () =>
      (await bench.db.prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()'))[0]!.n;
    const xactsBefore = opts.target === 'postgres' ? await xacts() : 0n;
    const samples: Sample[] = [];
    const failures: string[] = [];
    const started = performance.now();
    await Promise.all(
      users.map(async ({ u, locale }) => {
        const t = i18n.getFixedT(locale);
        const step = async (action: () => Promise<Update>, expect: string[]) => {
          const callIndex = fake.calls.length;
          const at = Date.now();
          const t0 = performance.now();
          const update = await action();
          const m = await u.waitForReply({ match: new RegExp(expect.map(escapeRe).join('|')), timeoutMs: STEP_TIMEOUT_MS });
          samples.push({
            chat: u.id,
            at,
            callIndex,
            stepMs: performance.now() - t0,
            ...(update.callback_query ? { callbackId: update.callback_query.id } : {}),
          });
          return stripTags(m.text ?? m.caption ?? '');
        };
        const header = (n: number) => t('reports:flow.step', { n, total: 6 });
        const pick = () => {
          const labels = u.lastKeyboard().flat();
          return labels[Math.floor(rng() * labels.length)]!;
        };
        try {
          await step(() => u.send(t('common:menu.report')), [header(1)]);
          await step(() => u.pressButton(pick()), [header(2)]);
          const regionLabel = pick();
          const region = regions.find((r) => localName(r, locale) === regionLabel) ?? regions[0]!;
          const afterRegion = await step(() => u.pressButton(regionLabel), [lead(t('reports:flow.district')), header(3)]);
          if (!afterRegion.includes(header(3))) await step(() => u.pressButton(pick()), [header(3)]);
          // Within ~10 km of the region's centre: inside Kazakhstan, and far enough apart not to be duplicates.
          const lat = (region.lat ?? 48) + (rng() - 0.5) * 0.2;
          const lon = (region.lon ?? 68) + (rng() - 0.5) * 0.3;
          await step(() => u.sendLocation(lat, lon), [header(4)]);
          const texts = DESCRIPTIONS[locale];
          await step(() => u.send(`${texts[Math.floor(rng() * texts.length)]} (${u.id})`), [header(5)]);
          await step(() => u.sendPhoto(), [lead(t('reports:flow.evidence_received'))]);
          await step(() => u.pressButton(t('reports:flow.evidence_done')), [header(6)]);
          await step(() => u.pressButton(t('reports:flow.anonymous_no')), [lead(t('reports:flow.summary'))]);
          const created = lead(t('reports:flow.created'));
          const answer = await step(() => u.pressButton(t('reports:flow.send')), [created, lead(t('reports:flow.duplicates'))]);
          if (!answer.includes(created)) await step(() => u.pressButton(t('reports:flow.file_new')), [created]);
        } catch (e) {
          failures.push(`citizen ${u.id}: ${(e as Error).message.split('\n')[0]}`);
        }
      }),
    );
    const wallMs = performance.now() - started;
    // The statistics collector reports with a small delay.
    if (opts.target === 'postgres') await new Promise((r) => setTimeout(r, 1000));
    const xactsDuring = opts.target === 'postgres' ? Number((await xacts()) - xactsBefore) : undefined;
    const reports = await services.prisma.report.count();
    const calls = fake.calls.slice(callsBefore);
    for (const s of samples) s.callIndex -= callsBefore;
    const updatesSeen = calls.filter((c) => c.method === 'getUpdates' && c.response.ok).flatMap((c) => (c.response as { result: Update[] }).result);
    const sends = calls.filter((c) => /^send/.test(c.method) && c.response.ok).length;
    const result: BotRunResult = {
      citizens: opts.citizens,
      updates: samples.length,
      wallMs,
      perSecond: perSecond(samples.length, wallMs),
      first: distribution(firstAnswerTimes(samples, calls)),
      step: distribution(samples.map((s) => s.stepMs)),
      reports,
      failures,
      updatesSeen,
      sendsPerUpdate: samples.length ? sends / samples.length : 0,
      ...(xactsDuring !== undefined && samples.length ? { xactsPerUpdate: xactsDuring / samples.length } : {}),
    };
    // The same database, the same driver adapter, the same number of callers as the bot has connections.
    const insert = await rawInsertRate(bench.db, opts.target === 'pglite' ? 3000 : 5000, 10);
    return { ...result, insert };
  } finally {
    await app.stop();
    await fake.close();
    await bench.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** For each update, the time to the bot's first Bot API call about that chat (or that callback query). */
function firstAnswerTimes(samples: Sample[], calls: RecordedCall[]): number[] {
  const byChat = new Map<string, number[]>();
  calls.forEach((c, i) => {
    const key =
      c.payload['chat_id'] !== undefined
        ? `c${String(c.payload['chat_id'])}`
        : c.payload['callback_query_id'] !== undefined
          ? `q${String(c.payload['callback_query_id'])}`
          : undefined;
    if (!key) return;
    let list = byChat.get(key);
    if (!list) byChat.set(key, (list = []));
    list.push(i);
  });
  const times: number[] = [];
  for (const s of samples) {
    const candidates = [...(byChat.get(`c${s.chat}`) ?? []), ...(s.callbackId ? (byChat.get(`q${s.callbackId}`) ?? []) : [])];
    let first = Number.POSITIVE_INFINITY;
    for (const i of candidates) if (i >= s.callIndex && calls[i]!.at < first) first = calls[i]!.at;
    if (Number.isFinite(first)) times.push(Math.max(0, first - s.at));
  }
  return times;
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
