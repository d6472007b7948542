// `npm run bench`: every section of the benchmark, each figure printed as it is measured with the
// baseline it is compared to (measured in the same run), then bench/RESULTS.md with the machine.
// Sizes come from BENCH_* variables (see README, "Benchmarks"); the defaults fit in about ten
// minutes on two cores.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { adminApiSection, prepareEvidence } from './admin-api.ts';
import { runAnalyticsBench } from './analytics.ts';
import { botSection } from './bot-throughput.ts';
import { hotPathSection } from './hot-path.ts';
import { runOutbox, TELEGRAM_LIMIT_PER_SECOND } from './outbox.ts';
import { portalSection } from './portal.ts';
import { startupSection } from './startup.ts';
import { dropDatabase, findPostgres, type PostgresServer } from './lib/bench-db.ts';
import { ROOT } from './lib/child.ts';
import { goalLines } from './lib/goals.ts';
import { describeMachine, machineInfo } from './lib/machine.ts';
import { Results, type SectionWriter } from './lib/results.ts';
import { prepareBenchDatabase, seedLarge, withDatabase } from './lib/seed-large.ts';
import { fmt } from './lib/stats.ts';

// The bench's own knobs; the app's configuration is still read only by app/config.ts.
const env = process.env;
const int = (name: string, fallback: number) => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replaceAll('_', ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return Math.floor(n);
};
/** A comma-separated list of counts, e.g. BENCH_API_CONNECTIONS=10,50. */
const ints = (name: string, fallback: number[]): number[] => {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  return v.split(',').map((part, i) => {
    const n = Number(part.trim().replaceAll('_', ''));
    if (!Number.isFinite(n) || n < 1) throw new Error(`${name} must be positive numbers separated by commas, got "${v}" (item ${i + 1})`);
    return Math.floor(n);
  });
};
const apiConnections = ints('BENCH_API_CONNECTIONS', [10, 50]);
const sizes = {
  BENCH_BOT_CITIZENS: int('BENCH_BOT_CITIZENS', 200),
  BENCH_BOT_PACED_CITIZENS: int('BENCH_BOT_PACED_CITIZENS', 100),
  BENCH_REPORTS: int('BENCH_REPORTS', 1_000_000),
  BENCH_CONSULTATIONS: int('BENCH_CONSULTATIONS', 100_000),
  BENCH_POLL_ANSWERS: int('BENCH_POLL_ANSWERS', 1_000_000),
  BENCH_API_CONNECTIONS: apiConnections.join(', '),
  BENCH_API_SECONDS: int('BENCH_API_SECONDS', 5),
  BENCH_PORTAL_CONNECTIONS: int('BENCH_PORTAL_CONNECTIONS', 50),
  BENCH_PORTAL_SECONDS: int('BENCH_PORTAL_SECONDS', 10),
  BENCH_ANALYTICS_RUNS: int('BENCH_ANALYTICS_RUNS', 3),
  BENCH_OUTBOX_MESSAGES: int('BENCH_OUTBOX_MESSAGES', 450),
  BENCH_OUTBOX_FAILURE_MESSAGES: int('BENCH_OUTBOX_FAILURE_MESSAGES', 300),
  BENCH_STARTUP_REPORTS: int('BENCH_STARTUP_REPORTS', 10_000),
  BENCH_STARTUP_SECONDS: int('BENCH_STARTUP_SECONDS', 90),
  BENCH_STARTUP_RUNS: int('BENCH_STARTUP_RUNS', 3),
};
const ALL_SECTIONS = ['hotpath', 'bot', 'outbox', 'startup', 'analytics', 'api', 'portal'] as const;
const chosen = new Set(
  (env.BENCH_SECTIONS ?? ALL_SECTIONS.join(','))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
for (const s of chosen)
  if (!(ALL_SECTIONS as readonly string[]).includes(s)) throw new Error(`BENCH_SECTIONS: unknown section "${s}" (known: ${ALL_SECTIONS.join(', ')})`);
const resultsFile = path.resolve(ROOT, env.BENCH_RESULTS ?? 'bench/RESULTS.md');
// BENCH_LARGE_DB: another name lets two runs on one cluster keep out of each other's way.
const LARGE_DB = env.BENCH_LARGE_DB || 'azamat_bench_large';

const log = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();

/** A section that fails is reported as such; the others still run. */
async function section(w: SectionWriter, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    w.note(`FAILED: ${(e as Error).stack?.split('\n').slice(0, 4).join(' | ') ?? String(e)}`);
    process.exitCode = 1;
  }
  w.done();
}

const found = await findPostgres(env.BENCH_DATABASE_URL || undefined, log);
const server: PostgresServer | undefined = 'url' in found ? found : undefined;
const machine = machineInfo(server ? server.version : null);
log('Azamat benchmark');
for (const line of describeMachine(machine)) log(`  ${line}`);
if (!server) log(`  PostgreSQL sections skipped: ${(found as { missing: string }).missing}`);
const results = new Results(log);

if (chosen.has('hotpath')) {
  const w = results.section(
    "The report flow's hot path, one update at a time",
    "One citizen files a report through the bot in process (tests/helpers/report-walk.ts: the walk tests/bot-report-state.test.ts asserts), one update at a time: the chat state each update hands to the storage and the transactions it commits, counted at the driver adapter as PostgreSQL's `xact_commit` counts them. Cold is the first citizen of a fresh process (reference caches empty), warm the next one, as a running bot serves them.",
  );
  await section(w, async () => {
    await hotPathSection(w, { target: 'pglite' });
    if (server) await hotPathSection(w, { target: 'postgres', server });
    else w.note(`PostgreSQL skipped: ${(found as { missing: string }).missing}`);
  });
}

if (chosen.has('bot')) {
  for (const target of ['pglite', 'postgres'] as const) {
    const w = results.section(
      `Bot throughput — ${target === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`,
      "Simulated citizens, all at once, file a report through the fake Bot API (tests/fake-telegram) against the whole app (app/app.ts: bot by long polling, API, jobs, outbox): menu → category → region → district → location → description → photo → done → name shown → send. Each citizen waits for the bot's next question before answering, as a person would.",
      '*As deployed* the bot paces itself to Telegram\'s limits (about 1 message/s per chat, 30/s overall) and the fake enforces them: a citizen\'s next question cannot come sooner than a second after the previous message, so "update → next question" is mostly that pacing. *Handler only* turns pacing off (fake without limits, bot without throttling) to measure the app itself: "update → bot\'s first answer" is the time from the update reaching the fake Bot API to the bot\'s first API call for that chat (handler work: session, conversation replay, database).',
      "Baselines from the same run: grammY on the same runner and fake, with a handler that does nothing, given the same updates (its ceiling), and single-row INSERTs into a scratch table through the same Prisma driver adapter (the database's own write rate).",
    );
    await section(w, async () => {
      if (target === 'postgres' && !server) return w.skip((found as { missing: string }).missing);
      await botSection(w, { target, server, citizens: sizes.BENCH_BOT_CITIZENS, pacedCitizens: sizes.BENCH_BOT_PACED_CITIZENS, log });
    });
  }
}

if (chosen.has('outbox')) {
  const w = results.section(
    "Outbox against Telegram's limits (PGlite)",
    `OutboxDispatcher as app/app.ts builds it (${TELEGRAM_LIMIT_PER_SECOND}/s) sends queued notices through grammY's Api to the fake Bot API, which enforces 30 messages/s overall and 1/s per chat and answers 429 with retry_after beyond them. Every fifth citizen gets two notices at once. The rate is taken over the first 95 % of deliveries: the last few are second notices to chats that just had one, which the per-chat limit spaces a second apart whatever the sender does. Then 5 % of sends are answered 429, 500 or 502 at random (seeded), and every notice is counted at the fake by its own number.`,
  );
  await section(w, async () => {
    const clean = await runOutbox({ target: 'pglite', messages: sizes.BENCH_OUTBOX_MESSAGES, failureRate: 0, timeoutMs: 180_000 });
    w.add({
      name: `${clean.messages} notices: messages/s`,
      value: clean.perSecond,
      unit: 'msg/s',
      baseline: { name: "Telegram's limit (goal ≥ 0.95 of it)", value: TELEGRAM_LIMIT_PER_SECOND },
    });
    w.note(
      `Whole run, first to last delivery: ${fmt(clean.perSecondAll)} msg/s; 429s from the fake: ${clean.limited429}; lost ${clean.lost}, duplicated ${clean.duplicated}.`,
    );
    const noisy = await runOutbox({ target: 'pglite', messages: sizes.BENCH_OUTBOX_FAILURE_MESSAGES, failureRate: 0.05, timeoutMs: 240_000 });
    w.add({ name: `${noisy.messages} notices with 5 % injected 429/5xx: lost`, value: noisy.lost, unit: 'messages', baseline: { name: 'goal', value: 0 } });
    w.add({
      name: `${noisy.messages} notices with 5 % injected 429/5xx: duplicated`,
      value: noisy.duplicated,
      unit: 'messages',
      baseline: { name: 'goal', value: 0 },
    });
    w.add({
      name: `${noisy.messages} notices with 5 % injected 429/5xx: messages/s`,
      value: noisy.perSecond,
      unit: 'msg/s',
      baseline: { name: "Telegram's limit", value: TELEGRAM_LIMIT_PER_SECOND },
    });
    w.note(
      `With failures: ${noisy.injected} sends answered 429/500/502 by injection, ${noisy.limited429} by the rate limit; every one retried (429 after retry_after, 5xx with backoff), ${noisy.failedFinal} given up; ${(noisy.wallMs / 1000).toFixed(1)} s until the queue was empty.`,
    );
  });
}

if (chosen.has('startup')) {
  const w = results.section(
    'Start-up and memory',
    "The app started as people start it, from scratch each time: `npm start`, and the production command without npm (`node --enable-source-maps dist/app/main.js`, the bundle built at install), on a new temporary DATA_DIR (fresh: a new embedded database) and again on the same directory (warm); the production command with DATABASE_URL on a migrated PostgreSQL database. Time from spawn to the first 200 from /health; resident memory (RSS) of the app's process and of its whole process tree 2 s later; no bot (BOT_TOKEN unset), API and jobs running. Baseline in the same runs: Fastify answering a constant (bench/lib/constant-server.ts), bundled and started by `node` like the app.",
    "Then the same app (bench/lib/app-child.ts: app/main.ts's composition, bundled) files reports one after another through its report service, and its RSS is read again.",
  );
  await section(w, () =>
    startupSection(w, { reports: sizes.BENCH_STARTUP_REPORTS, seconds: sizes.BENCH_STARTUP_SECONDS, runs: Math.max(1, sizes.BENCH_STARTUP_RUNS), server, log }),
  );
}

/** The large database a run kept (BENCH_KEEP_DB=1), if it exists and holds reports with their evidence. */
async function existingLarge(baseUrl: string, name: string): Promise<{ url: string; reports: number } | undefined> {
  const url = withDatabase(baseUrl, name);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return undefined;
  }
  try {
    const { rows } = await client.query<{ reports: number; evidence: boolean }>(
      'SELECT (SELECT count(*)::int FROM "Report") AS reports, EXISTS (SELECT 1 FROM "ReportEvidence") AS evidence',
    );
    return rows[0] && rows[0].reports > 0 && rows[0].evidence ? { url, reports: rows[0].reports } : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

let largeUrl: string | undefined;
if ((chosen.has('analytics') || chosen.has('api') || chosen.has('portal')) && server) {
  const w = results.section(
    'Large data set (PostgreSQL)',
    'bench/lib/seed-large.ts fills a fresh database set-based (generate_series) with realistic reports (every region, district, category and status over two years, with their history), consultations, discussions, volunteering and polls; the analytics and admin API sections read it.',
  );
  await section(w, async () => {
    const t0 = performance.now();
    if (env.BENCH_REUSE_DB === '1') {
      const found = await existingLarge(server.url, LARGE_DB);
      if (found) {
        largeUrl = found.url;
        w.note(
          `Reused the large database ${LARGE_DB} of an earlier run kept with BENCH_KEEP_DB=1 (${found.reports.toLocaleString('en-US')} reports; earlier runs' status changes stay in it).`,
        );
        return;
      }
    }
    largeUrl = await prepareBenchDatabase(server.url, LARGE_DB);
    const { ms } = await seedLarge(
      largeUrl,
      { reports: sizes.BENCH_REPORTS, consultations: sizes.BENCH_CONSULTATIONS, pollAnswers: sizes.BENCH_POLL_ANSWERS },
      (l) => log(`  ${l}`),
    );
    w.add({
      name: `${sizes.BENCH_REPORTS.toLocaleString('en-US')} reports, ${sizes.BENCH_CONSULTATIONS.toLocaleString('en-US')} consultations, ${sizes.BENCH_POLL_ANSWERS.toLocaleString('en-US')} poll answers: seeded in`,
      value: ms / 1000,
      unit: 's',
    });
    const evidence = await prepareEvidence(largeUrl);
    w.note(`Database prepared (migrations, reference data) and seeded in ${fmt((performance.now() - t0) / 1000)} s; ${evidence}`);
  });
}

if (chosen.has('analytics')) {
  const w = results.section(
    'Analytics (PostgreSQL, large data set)',
    'Every indicator endpoint through the real Fastify app (inject, signed in as an admin), per period and for the busiest region: median and p95 of BENCH_ANALYTICS_RUNS calls after a warm-up (bench/analytics.ts). Baseline: one full scan of the reports table (`SELECT count(*)`), the least any report-wide figure costs.',
  );
  await section(w, async () => {
    if (!server || !largeUrl) return w.skip(server ? 'the large data set could not be prepared' : (found as { missing: string }).missing);
    const pool = new pg.Pool({ connectionString: largeUrl, max: 1 });
    const t0 = performance.now();
    await pool.query('SELECT count(*) FROM "Report"');
    const scanMs = performance.now() - t0;
    await pool.end();
    const rows = await runAnalyticsBench({
      baseUrl: server.url,
      databaseName: LARGE_DB,
      reuse: true,
      runs: sizes.BENCH_ANALYTICS_RUNS,
      log: (l) => log(`  ${l}`),
    });
    for (const r of rows)
      w.add({
        name: `${r.name} (p95 ${fmt(r.p95Ms)} ms)`,
        value: r.medianMs,
        unit: 'ms median',
        baseline: { name: 'full scan of the reports', value: scanMs, unit: 'ms' },
      });
  });
}

if (chosen.has('api')) {
  const w = results.section(
    'Admin API at a large data set (PostgreSQL)',
    `The API as its own process, as production runs it: the bundle (\`node --enable-source-maps dist/app/main.js api\`, rebuilt first when older than the sources; pool of 10 database connections), loaded by autocannon with ${apiConnections.join(' and then ')} connections for ${sizes.BENCH_API_SECONDS} s per request kind, signed in as an admin (scope: everything). Baselines in the same run: exactly the SQL statements the route ran (captured from Prisma's query log and the raw-SQL port, session check included, transactions and prepared statements kept) replayed through a plain \`pg\` pool at the same concurrency, the API and this baseline taking turns in one-second slices; and Fastify answering a constant in its own process.`,
  );
  await section(w, async () => {
    if (!server || !largeUrl) return w.skip(server ? 'the large data set could not be prepared' : (found as { missing: string }).missing);
    await adminApiSection(w, {
      url: largeUrl,
      connections: apiConnections,
      seconds: sizes.BENCH_API_SECONDS,
      log,
      ...(env.BENCH_API_CPU_PROF ? { cpuProfDir: path.resolve(env.BENCH_API_CPU_PROF) } : {}),
    });
  });
}

if (chosen.has('portal')) {
  const w = results.section(
    'Public portal under a crowd (PostgreSQL, large data set)',
    `The API as its own process (\`tsx app/main.ts api\`), loaded by autocannon with ${sizes.BENCH_PORTAL_CONNECTIONS} connections for ${sizes.BENCH_PORTAL_SECONDS} s per page kind after a 2 s warm-up, asking for br/gzip as browsers do (bench/portal.ts). Goal (issue 17): p95 under 50 ms for the list, a filtered list and report pages. Baseline in the same run: Fastify answering a constant in its own process at the same concurrency, right before and right after the portal.`,
  );
  await section(w, async () => {
    if (!server || !largeUrl) return w.skip(server ? 'the large data set could not be prepared' : (found as { missing: string }).missing);
    await portalSection(w, { url: largeUrl, connections: sizes.BENCH_PORTAL_CONNECTIONS, seconds: sizes.BENCH_PORTAL_SECONDS, log });
  });
}

if (largeUrl && server && env.BENCH_KEEP_DB !== '1')
  await dropDatabase(server.url, LARGE_DB).catch((e: unknown) => log(`could not drop ${LARGE_DB}: ${String(e)}`));

const totalSeconds = (performance.now() - started) / 1000;
const goals = goalLines(results.figures());
log(`\nGoals of issue 23:\n${goals.join('\n')}`);
const fixesFile = path.join(ROOT, 'bench/FIXES.md');
results.write(resultsFile, machine, {
  command: `npm run bench${chosen.size < ALL_SECTIONS.length ? ` (BENCH_SECTIONS=${[...chosen].join(',')})` : ''}`,
  sizes,
  totalSeconds,
  goals,
  fixes: existsSync(fixesFile) ? readFileSync(fixesFile, 'utf8') : undefined,
});
log(`\nWhole run: ${fmt(totalSeconds)} s. Results written to ${path.relative(process.cwd(), resultsFile)}.`);
// Connection pools and keep-alive agents of the sections would hold the process open for minutes.
process.exit(process.exitCode ?? 0);
