// Section 2: the admin API at a million reports in PostgreSQL. The API runs as its own process, as
// production runs it (`node --enable-source-maps dist/app/main.js api`, the bundle `npm run build` makes;
// rebuilt first when older than the sources), autocannon loads it at each concurrency; in the same run the same SQL
// goes through a plain `pg` pool at that concurrency (the database's own ceiling for those queries), the two
// taking turns in one-second slices; and a bare Fastify process answers a constant (the HTTP stack's ceiling).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { parseConfig } from '../app/config.ts';
import { createLogger } from '../app/logger.ts';
import { startApp } from '../app/app.ts';
import { ensureBundle } from './lib/bundle.ts';
import { cpuMs, startChild, TSX, type Child } from './lib/child.ts';
import type { SectionWriter } from './lib/results.ts';
import { capturingDatabase, replay, type CapturedQuery } from './lib/sql-capture.ts';
import { distribution, perSecond, timedLoop } from './lib/stats.ts';

const PASSWORD = 'bench-admin-password';

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** the path for the i-th request */
  path(i: number): string;
  body?: string;
  /** the id the i-th request is about, substituted into the captured SQL */
  id?(i: number): number;
}

export interface LoadFigures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** What one autocannon slice saw: every response's time (autocannon's own table has no p95). */
interface LoadSlice {
  times: number[];
  total: number;
  ms: number;
  errors: number;
  /** requests sent, so the next slice of the same kind continues with fresh ids */
  sent: number;
}

/** autocannon for `seconds` at `connections`. */
async function load(
  url: string,
  s: Pick<Scenario, 'method' | 'path' | 'body'>,
  token: string | undefined,
  connections: number,
  seconds: number,
  /** the first request's index: a later load of the same kind continues where the last one stopped */
  first = 0,
): Promise<LoadSlice> {
  const times: number[] = [];
  let i = first;
  let finish!: (r: autocannon.Result) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url,
      connections,
      duration: seconds,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(s.body ? { 'content-type': 'application/json' } : {}) },
      requests: [{ method: s.method, ...(s.body ? { body: s.body } : {}), setupRequest: (req) => ({ ...req, path: s.path(i++) }) }],
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await done;
  return { times, total: result.requests.total, ms: result.duration * 1000, errors: result.non2xx + result.errors + result.timeouts, sent: i - first };
}

function figuresOf(slices: LoadSlice[]): LoadFigures {
  const d = distribution(slices.flatMap((x) => x.times));
  const total = slices.reduce((n, x) => n + x.total, 0);
  const ms = slices.reduce((n, x) => n + x.ms, 0);
  return { rps: perSecond(total, ms), p50: d.p50, p95: d.p95, p99: d.p99, errors: slices.reduce((n, x) => n + x.errors, 0) };
}

export interface AdminApiOptions {
  /** a PostgreSQL database already holding the large data set (seedLarge) */
  url: string;
  /** each request kind is loaded at each of these concurrencies (the issue's goals: 10 and 50) */
  connections: number[];
  seconds: number;
  /** a folder for the API process's V8 CPU profile (node --cpu-prof), for finding where its time goes */
  cpuProfDir?: string;
  log: (line: string) => void;
}

export async function adminApiSection(w: SectionWriter, opts: AdminApiOptions): Promise<void> {
  const pool = new pg.Pool({ connectionString: opts.url, max: Math.max(...opts.connections) });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bench-api-'));
  const capture = capturingDatabase(opts.url);
  let api: Child | undefined;
  let constant: Child | undefined;
  try {
    // ── what the requests are about: the busiest region, reports to open, reports to resolve ──
    const one = async <T>(sql: string) => (await pool.query(sql)).rows[0] as T;
    const { region } = await one<{ region: number }>('SELECT "regionId" AS region FROM "Report" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1');
    const { total } = await one<{ total: number }>('SELECT count(*)::int AS total FROM "Report"');
    const detailIds = (await pool.query<{ id: number }>('SELECT id FROM "Report" TABLESAMPLE SYSTEM (2) LIMIT 20000')).rows.map((r) => r.id);
    // Each status change needs a report still in work: the API and the pg baseline take different halves.
    const inWork = (await pool.query<{ id: number }>(`SELECT id FROM "Report" WHERE status = 'in_work' AND NOT hidden LIMIT 40000`)).rows.map((r) => r.id);
    const half = Math.floor(inWork.length / 2);
    const apiIds = inWork.slice(0, half);
    const pgIds = inWork.slice(half);
    w.note(
      `${total.toLocaleString('en-US')} reports in the database; lists filter region ${region} (the busiest); detail opens random reports; status change resolves a different in-work report each time (with a public note, so the author's notice is enqueued).`,
    );

    const scenarios: Scenario[] = [
      {
        name: 'list: open reports of a region (status=new,in_work&regionId), newest first',
        method: 'GET',
        path: () => `/api/reports?status=new,in_work&regionId=${region}&limit=50`,
      },
      { name: 'list: overdue, soonest due first (overdue=true&sort=dueAt)', method: 'GET', path: () => `/api/reports?overdue=true&sort=dueAt&limit=50` },
      { name: 'list: everything, newest first, second page (cursor)', method: 'GET', path: () => `/api/reports?limit=50&cursor=${detailIds[0]}` },
      { name: 'counts per status of a region', method: 'GET', path: () => `/api/reports/counts?regionId=${region}` },
      {
        name: 'detail with history',
        method: 'GET',
        path: (i) => `/api/reports/${detailIds[i % detailIds.length]}`,
        id: (i) => detailIds[i % detailIds.length]!,
      },
      {
        name: 'status change to resolved',
        method: 'POST',
        path: (i) => `/api/reports/${apiIds[i % apiIds.length]}/status`,
        body: JSON.stringify({ to: 'resolved', publicNote: 'Работы выполнены, спасибо за сигнал.' }),
        id: (i) => apiIds[i % apiIds.length]!,
      },
    ];

    // ── the SQL of each request, captured from the real route code in this process ──
    const config = parseConfig({ PORT: '0', ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: opts.url });
    const inProcess = await startApp({ config, roles: ['api'], db: capture.db, logger: createLogger('silent'), print: () => {} });
    const sql = new Map<string, { queries: CapturedQuery[]; id?: number }>();
    let token: string;
    try {
      // An admin of the bench's own (the analytics section may have created the first admin already).
      const loginName = 'bench-api-admin';
      if (!(await capture.db.prisma.staffUser.findUnique({ where: { login: loginName } }))) {
        await inProcess.services.staff.create({ type: 'system' }, { login: loginName, fullName: 'Bench API', password: PASSWORD, roles: ['admin'] });
      }
      const login = await inProcess.server!.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password: PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.statusCode} ${login.body.slice(0, 200)}`);
      token = (login.json() as { token: string }).token;
      for (const s of scenarios) {
        // The first request warms caches (reference data, prepared statements): capture the second.
        const idx = s.body ? apiIds.length - 1 : 1;
        const req = {
          method: s.method,
          url: s.path(idx),
          headers: { authorization: `Bearer ${token}` },
          ...(s.body ? { payload: JSON.parse(s.body) as object } : {}),
        };
        if (!s.body) await inProcess.server!.inject(req);
        capture.take();
        const res = await inProcess.server!.inject(req);
        if (res.statusCode !== 200) throw new Error(`${s.name}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        sql.set(s.name, { queries: capture.take(), ...(s.id ? { id: s.id(idx) } : {}) });
      }
    } finally {
      await inProcess.stop();
      await capture.db.close();
    }
    apiIds.pop();

    // ── the API as its own process, the bundle production runs ──
    await ensureBundle(opts.log);
    const prof = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
    api = await startChild('node', [...prof, '--enable-source-maps', 'dist/app/main.js', 'api'], {
      DATABASE_URL: opts.url,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
    });
    // Each status change needs a report still in work: the second concurrency goes on with the next ones.
    const next = new Map<string, number>();
    const nextPg = new Map<string, number>();
    // The API and its baseline take turns in one-second slices, so a neighbour's load on the shared machine
    // falls on both alike instead of on whichever of two back-to-back runs it happened to meet.
    const slices = Math.max(1, opts.seconds);
    for (const connections of opts.connections) {
      for (const s of scenarios) {
        const captured = sql.get(s.name)!;
        const originalId = captured.id;
        const ids = s.body ? pgIds : detailIds;
        const apiSlices: LoadSlice[] = [];
        const durations: number[] = [];
        let baseMs = 0;
        let baseErrors = 0;
        let cpu = 0;
        for (let k = 0; k < slices; k++) {
          const cpu0 = cpuMs(api.proc.pid!);
          const slice = await load(api.url, s, token, connections, 1, next.get(s.name) ?? 0);
          cpu += cpuMs(api.proc.pid!) - cpu0;
          next.set(s.name, (next.get(s.name) ?? 0) + slice.sent);
          apiSlices.push(slice);
          const offset = nextPg.get(s.name) ?? 0;
          const base = await timedLoop(1000, connections, (i) =>
            replay(pool, captured.queries, originalId === undefined ? undefined : (p) => (p === originalId ? ids[(offset + i) % ids.length] : p)),
          );
          nextPg.set(s.name, offset + base.durations.length + base.errors);
          durations.push(...base.durations);
          baseMs += base.wallMs;
          baseErrors += base.errors;
        }
        const figures = figuresOf(apiSlices);
        const cpuPerRequest =
          cpu /
          Math.max(
            1,
            apiSlices.reduce((n, x) => n + x.total, 0),
          );
        const bd = distribution(durations);
        const basePs = perSecond(durations.length, baseMs);
        const at = `${s.name}, ${connections} connections`;
        w.add({
          name: `${at}: requests/s`,
          value: figures.rps,
          unit: 'req/s',
          baseline: { name: `same ${captured.queries.length} SQL statements via pg`, value: basePs },
          note: `API process CPU ${cpuPerRequest.toFixed(2)} ms/request${figures.errors ? `; ${figures.errors} non-2xx/errors` : ''}`,
        });
        w.add({ name: `${at}: p95 latency`, value: figures.p95, unit: 'ms', baseline: { name: 'same SQL via pg, p95', value: bd.p95 } });
        opts.log(`    p50 ${figures.p50} ms, p99 ${figures.p99} ms; pg p50 ${bd.p50.toFixed(1)} ms${baseErrors ? `, pg errors ${baseErrors}` : ''}`);
      }
    }
    await api.stop();
    api = undefined;

    constant = await startChild(TSX, ['bench/lib/constant-server.ts'], {});
    for (const connections of opts.connections) {
      const c = figuresOf([await load(constant.url, { method: 'GET', path: () => '/constant' }, undefined, connections, opts.seconds)]);
      w.add({ name: `Fastify answering a constant (ceiling of the HTTP stack), ${connections} connections: requests/s`, value: c.rps, unit: 'req/s' });
      w.add({ name: `Fastify answering a constant, ${connections} connections: p95 latency`, value: c.p95, unit: 'ms' });
    }

    // ── where the time goes: the plan of each list query ──
    for (const s of scenarios.slice(0, 4)) {
      const main = mainQuery(sql.get(s.name)!.queries);
      if (!main) continue;
      const plan = (await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${main.sql}`, main.params)).rows.map((r) => r['QUERY PLAN']);
      const time = plan.find((l) => l.startsWith('Execution Time'));
      const scans = plan
        .filter((l) => /Scan|Sort/.test(l))
        .map((l) => l.trim().replace(/\s+\(cost=.*$/, ''))
        .slice(0, 3);
      w.note(`EXPLAIN ANALYZE, ${s.name}: ${time ?? '?'}; ${scans.join(' → ')}`);
    }
  } finally {
    await api?.stop();
    await constant?.stop();
    await pool.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The statement that reads the reports (the longest SELECT on "Report"), for EXPLAIN. */
function mainQuery(queries: CapturedQuery[]): CapturedQuery | undefined {
  return queries.filter((q) => /^SELECT/i.test(q.sql) && q.sql.includes('"Report"')).sort((a, b) => b.sql.length - a.sql.length)[0];
}

/**
 * Every report filed in the bot carries at least one file; seedLarge leaves evidence out, so the
 * large data set gets one photo per report (two for every third), as the list's evidence counts and
 * the detail view would meet them in production.
 */
export async function prepareEvidence(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    await client.query('SET synchronous_commit = off');
    const { rowCount } = await client.query(`
      INSERT INTO "ReportEvidence" ("reportId", kind, "telegramFileId", "fileUniqueId", "mimeType", "fileSize", "createdAt")
      SELECT r.id, 'photo', 'AgACAgIAAxkBAAI' || r.id || '-' || k, 'AQAD' || r.id || k, 'image/jpeg', 180000 + (r.id % 500) * 1000, r."createdAt"
      FROM "Report" r CROSS JOIN generate_series(1, 2) k
      WHERE k = 1 OR r.id % 3 = 0`);
    await client.query('ANALYZE "ReportEvidence"');
    return `${(rowCount ?? 0).toLocaleString('en-US')} evidence files added (one photo per report, two for every third) in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
  } finally {
    await client.end();
  }
}
