// Section 4: start-up and memory. The app started as people start it, each time from scratch, BENCH_STARTUP_RUNS
// times (medians reported, every run in the notes): `npm start` and the production command (`node … dist/app/
// main.js`, no npm parent) on a fresh DATA_DIR (a new embedded database) and again on the same, now warm, one;
// the production command with DATABASE_URL (PostgreSQL). For each: spawn → first 200 from /health, the resident
// memory (RSS) of the app's process and of the whole process tree after it settled, and the CPU time the app
// used until healthy (which a busy shared machine inflates less than the wall clock). Baseline, in the same
// runs: Fastify answering a constant (bench/lib/constant-server.ts), bundled and started like the app. Then the
// app (bench/lib/app-child.ts, the same composition) files reports one after another and its RSS is read again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServer } from '../app/build.mjs';
import { ensureBundle } from './lib/bundle.ts';
import { dropDatabase, type PostgresServer } from './lib/bench-db.ts';
import { cpuMs, ROOT, startChild, treeRss, TSX, type Child } from './lib/child.ts';
import type { SectionWriter } from './lib/results.ts';
import { prepareBenchDatabase } from './lib/seed-large.ts';
import { fmt } from './lib/stats.ts';

const MB = 2 ** 20;
/** Where the bench's own bundles go: inside the project, so the packages they leave external are found. */
const BENCH_DIST = path.join(ROOT, 'bench/data/dist');
const PG_DB = 'azamat_bench_startup';
const SETTLE_MS = 2000;

async function healthy(child: Child, urlPath: string, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${child.url}${urlPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (performance.now() > deadline) throw new Error(`${child.url}${urlPath} not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

interface Start {
  /** spawn → first 200 */
  ms: number;
  /** CPU time of the app's process until then */
  cpuMs: number;
  /** after SETTLE_MS idle: the app's process, and the whole tree */
  rss: number;
  treeRss: number;
}

/** Starts, waits for health, lets it settle, reads its memory, stops it. */
async function measureStart(command: string, args: string[], env: Record<string, string>, urlPath = '/health'): Promise<Start> {
  const t0 = performance.now();
  const child = await startChild(command, args, env);
  try {
    await healthy(child, urlPath);
    const ms = performance.now() - t0;
    const app = treeRss(child.proc.pid!);
    const cpu = cpuMs(app.largestPid);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const idle = treeRss(child.proc.pid!);
    return { ms, cpuMs: cpu, rss: idle.largest / MB, treeRss: idle.total / MB };
  } finally {
    await child.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const list = (xs: number[], digits = 0) => xs.map((x) => x.toFixed(digits)).join(', ');

/**
 * The production command as package.json's `start` runs it, without npm: `exec node … dist/app/main.js` gives
 * `node … dist/app/main.js`. (Before the app was bundled, `start` was `tsx app/main.ts`; its bare equivalent
 * is `node --import tsx app/main.ts`, which this also gives, so the section measures either state.)
 */
export function productionCommand(startScript: string): string[] {
  const m = /^(?:exec\s+)?node\s+(.+)$/.exec(startScript.trim());
  if (m) return ['node', ...m[1]!.split(/\s+/)];
  const tsx = /^tsx\s+(.+)$/.exec(startScript.trim());
  if (tsx) return ['node', '--import', 'tsx', ...tsx[1]!.split(/\s+/)];
  throw new Error(`bench: cannot tell the production command from the start script "${startScript}"`);
}

export async function startupSection(
  w: SectionWriter,
  opts: { reports: number; seconds: number; runs: number; server?: PostgresServer; log: (line: string) => void },
): Promise<void> {
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [node, ...prodArgs] = productionCommand(scripts.start!);
  const bundled = prodArgs.some((a) => a.startsWith('dist/'));
  // `npm start` would rebuild a stale bundle first, inside the first measured start.
  if (bundled) await ensureBundle(opts.log);
  await buildServer({ outDir: BENCH_DIST, entries: ['bench/lib/constant-server.ts', 'bench/lib/app-child.ts'] });
  const constant = path.join(BENCH_DIST, 'app/constant-server.js');

  let pgUrl: string | undefined;
  if (opts.server) {
    pgUrl = await prepareBenchDatabase(opts.server.url, PG_DB);
  }
  const dirs: string[] = [];
  const newDir = () => {
    const d = mkdtempSync(path.join(tmpdir(), 'azamat-bench-start-'));
    dirs.push(d);
    return d;
  };
  const env = (dataDir: string) => ({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ADMIN_PASSWORD: 'bench-admin-password',
    BOT_TOKEN: '',
    DATABASE_URL: '',
  });
  const runs: Record<'base' | 'baseTsx' | 'npmFresh' | 'npmWarm' | 'nodeFresh' | 'nodeWarm' | 'nodeWarmSmallYoung' | 'pg', Start[]> = {
    base: [],
    baseTsx: [],
    npmFresh: [],
    npmWarm: [],
    nodeFresh: [],
    nodeWarm: [],
    nodeWarmSmallYoung: [],
    pg: [],
  };
  try {
    // One start before the measured ones: the bench database was seeded for more years, and the first start
    // seeds this year's calendar fingerprint.
    if (pgUrl) await measureStart(node!, prodArgs, { ...env(newDir()), DATABASE_URL: pgUrl });
    for (let i = 0; i < opts.runs; i++) {
      runs.base.push(await measureStart('node', [constant], {}, '/constant'));
      runs.baseTsx.push(await measureStart(TSX, ['bench/lib/constant-server.ts'], {}, '/constant'));
      const npmDir = newDir();
      runs.npmFresh.push(await measureStart('npm', ['start', '--silent'], env(npmDir)));
      runs.npmWarm.push(await measureStart('npm', ['start', '--silent'], env(npmDir)));
      const nodeDir = newDir();
      runs.nodeFresh.push(await measureStart(node!, prodArgs, env(nodeDir)));
      runs.nodeWarm.push(await measureStart(node!, prodArgs, env(nodeDir)));
      // The option a server short of memory can add (README): V8's young generation of 1 MB semi-spaces instead of 16.
      runs.nodeWarmSmallYoung.push(await measureStart(node!, prodArgs, { ...env(nodeDir), NODE_OPTIONS: '--max-semi-space-size=1' }));
      if (pgUrl) runs.pg.push(await measureStart(node!, prodArgs, { ...env(newDir()), DATABASE_URL: pgUrl }));
      opts.log(`  run ${i + 1} of ${opts.runs} done`);
    }
    const base = { ms: median(runs.base.map((r) => r.ms)), rss: median(runs.base.map((r) => r.rss)) };
    const baseName = 'node + Fastify answering a constant (bundled like the app)';
    const prod = `\`${[node, ...prodArgs].join(' ')}\``;
    const time = (name: string, rs: Start[]) => {
      w.add({ name, value: median(rs.map((r) => r.ms)) / 1000, unit: 's', baseline: { name: baseName, value: base.ms / 1000 } });
    };
    const memory = (name: string, rs: Start[], tree = false) => {
      w.add({ name, value: median(rs.map((r) => (tree ? r.treeRss : r.rss))), unit: 'MB', baseline: { name: baseName, value: base.rss } });
    };
    time('`npm start` → healthy /health, fresh data directory (new embedded database)', runs.npmFresh);
    time('`npm start` → healthy /health, warm data directory', runs.npmWarm);
    time(`${prod} → healthy /health, fresh data directory`, runs.nodeFresh);
    time(`${prod} → healthy /health, warm data directory`, runs.nodeWarm);
    if (pgUrl) time(`${prod} with DATABASE_URL (PostgreSQL) → healthy /health`, runs.pg);
    memory(`idle RSS after start, embedded database, fresh data directory: the app (${prod})`, runs.nodeFresh);
    memory(`idle RSS after start, embedded database, warm data directory: the app (${prod})`, runs.nodeWarm);
    memory("idle RSS after start, embedded database, warm: the app's process under `npm start`", runs.npmWarm);
    memory('idle RSS after start, embedded database, warm: the whole `npm start` process tree', runs.npmWarm, true);
    memory('idle RSS after start, embedded database, fresh: the whole `npm start` process tree', runs.npmFresh, true);
    if (pgUrl) memory(`idle RSS after start with DATABASE_URL (PostgreSQL): the app (${prod})`, runs.pg);
    else w.note('No PostgreSQL server: the DATABASE_URL rows are missing.');

    w.note(`Each figure is the median of ${opts.runs} runs; memory is read ${SETTLE_MS / 1000} s after /health first answered.`);
    w.note(
      `Runs, spawn → healthy (s): npm fresh ${list(
        runs.npmFresh.map((r) => r.ms / 1000),
        2,
      )}; npm warm ${list(
        runs.npmWarm.map((r) => r.ms / 1000),
        2,
      )}; node fresh ${list(
        runs.nodeFresh.map((r) => r.ms / 1000),
        2,
      )}; node warm ${list(
        runs.nodeWarm.map((r) => r.ms / 1000),
        2,
      )}${
        pgUrl
          ? `; PostgreSQL ${list(
              runs.pg.map((r) => r.ms / 1000),
              2,
            )}`
          : ''
      }; baseline ${list(
        runs.base.map((r) => r.ms / 1000),
        2,
      )}.`,
    );
    w.note(
      `CPU time the app's process used until healthy (s, medians; less sensitive to the machine's load than the wall clock): fresh ${fmt(median(runs.nodeFresh.map((r) => r.cpuMs)) / 1000)}, warm ${fmt(median(runs.nodeWarm.map((r) => r.cpuMs)) / 1000)}${pgUrl ? `, PostgreSQL ${fmt(median(runs.pg.map((r) => r.cpuMs)) / 1000)}` : ''}; baseline ${fmt(median(runs.base.map((r) => r.cpuMs)) / 1000)}.`,
    );
    w.note(
      `Runs, app RSS (MB): node fresh ${list(runs.nodeFresh.map((r) => r.rss))}; node warm ${list(runs.nodeWarm.map((r) => r.rss))}; under npm, warm ${list(runs.npmWarm.map((r) => r.rss))}${pgUrl ? `; PostgreSQL ${list(runs.pg.map((r) => r.rss))}` : ''}; baseline ${list(runs.base.map((r) => r.rss))}.`,
    );
    w.note(
      `With NODE_OPTIONS=--max-semi-space-size=1 (warm, production command): ${fmt(median(runs.nodeWarmSmallYoung.map((r) => r.rss)))} MB idle (runs ${list(runs.nodeWarmSmallYoung.map((r) => r.rss))}), ${fmt(median(runs.nodeWarmSmallYoung.map((r) => r.ms)) / 1000)} s to healthy, ${fmt(median(runs.nodeWarmSmallYoung.map((r) => r.cpuMs)) / 1000)} s of CPU.`,
    );
    const npmOwn = median(runs.npmWarm.map((r) => r.treeRss - r.rss));
    w.note(
      `What \`npm start\` adds: the processes around the app (npm; under tsx also sh and tsx's own), ${fmt(npmOwn)} MB of the tree, and ${fmt((median(runs.npmWarm.map((r) => r.ms)) - median(runs.nodeWarm.map((r) => r.ms))) / 1000)} s of the warm start (npm and the check that the bundle is current). Under tsx the baseline is ${fmt(median(runs.baseTsx.map((r) => r.rss)))} MB and ${fmt(median(runs.baseTsx.map((r) => r.ms)) / 1000)} s.`,
    );
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    if (pgUrl && opts.server) await dropDatabase(opts.server.url, PG_DB);
  }
  if (opts.reports > 0) await reportsAfterStart(w, opts);
}

/** The app files reports one after another through its report service; RSS before and after. */
async function reportsAfterStart(w: SectionWriter, opts: { reports: number; seconds: number }): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bench-reports-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ADMIN_PASSWORD: 'bench-admin-password', BOT_TOKEN: '', DATABASE_URL: '' };
  const child = await startChild('node', ['--enable-source-maps', path.join(BENCH_DIST, 'app/app-child.js')], env);
  try {
    await healthy(child, '/health');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const before = treeRss(child.proc.pid!).largest;
    // In chunks, so a slow machine stops at the time budget instead of overrunning the whole bench.
    let created = 0;
    let ms = 0;
    const deadline = performance.now() + opts.seconds * 1000;
    while (created < opts.reports && performance.now() < deadline) {
      const n = Math.min(500, opts.reports - created);
      const answer = child.waitFor(/"created"|"error"/, 10 * 60_000);
      child.send(`create ${n}`);
      const line = JSON.parse(await answer) as { created?: number; ms?: number; error?: string };
      if (line.error) throw new Error(`creating reports failed: ${line.error}`);
      created += line.created!;
      ms += line.ms!;
    }
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const after = treeRss(child.proc.pid!).largest;
    if (created < opts.reports)
      w.note(
        `Only ${created.toLocaleString('en-US')} of ${opts.reports.toLocaleString('en-US')} reports were filed within BENCH_STARTUP_SECONDS=${opts.seconds}: raise it for the full figure.`,
      );
    w.add({
      name: `resident memory after ${created.toLocaleString('en-US')} reports filed through the report service`,
      value: after / MB,
      unit: 'MB',
      baseline: { name: 'the same process idle before', value: before / MB },
    });
    w.add({ name: 'reports filed per second (one after another, embedded database)', value: (created * 1000) / ms, unit: '/s' });
  } finally {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
