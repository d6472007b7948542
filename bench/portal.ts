// The public portal under a crowd (issue 17): with the large data set, the report list, a filtered list, report
// pages and the statistics page must answer at 50 connections with p95 under 50 ms on two cores. The API runs as its own process
// (`tsx app/main.ts api`); Fastify answering a constant, loaded the same way, is measured right before and right
// after the portal (both rows printed) so a busy machine shows in the baseline too. Clients ask for br/gzip as
// browsers do. Misses (report pages at random over the whole table, deep pages) are shown, not held to the goal:
// the page cache is what holds a crowd, and a crowd reads the same few pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { startChild, TSX, type Child } from './lib/child.ts';
import type { SectionWriter } from './lib/results.ts';
import { distribution, perSecond } from './lib/stats.ts';

export interface PortalBenchOptions {
  /** a PostgreSQL database holding the large data set (seedLarge) */
  url: string;
  connections: number;
  seconds: number;
  log: (line: string) => void;
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
  statuses: string;
}

/** autocannon for `seconds` at `connections` with the i-th request's path and headers; p95 from every response. */
async function load(base: string, path: (i: number) => string, headers: Record<string, string>, connections: number, seconds: number): Promise<Figures> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let i = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'ru', ...headers },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path(i++) }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    });
  });
  const d = distribution(times);
  const ok = (s: number) => (s >= 200 && s < 400 ? 0 : (statuses.get(s) ?? 0));
  return {
    rps: perSecond(result.requests.total, result.duration * 1000),
    p50: d.p50,
    p95: d.p95,
    p99: d.p99,
    errors: [...statuses.keys()].reduce((n, s) => n + ok(s), 0) + result.errors + result.timeouts,
    bytes: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
    statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(', '),
  };
}

export async function portalSection(w: SectionWriter, opts: PortalBenchOptions): Promise<void> {
  const pool = new pg.Pool({ connectionString: opts.url, max: 2 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bench-portal-'));
  let api: Child | undefined;
  let constant: Child | undefined;
  const { connections, seconds } = opts;
  try {
    const one = async <T>(sql: string) => (await pool.query(sql)).rows[0] as T;
    const { region } = await one<{ region: string }>(
      'SELECT g.code AS region FROM "Report" r JOIN "Region" g ON g.id = r."regionId" GROUP BY g.code ORDER BY count(*) DESC LIMIT 1',
    );
    const newest = (
      await pool.query<{ number: string }>('SELECT number FROM "Report" WHERE NOT hidden ORDER BY "createdAt" DESC, id DESC LIMIT 1000')
    ).rows.map((r) => r.number);
    const random = (await pool.query<{ number: string }>('SELECT number FROM "Report" TABLESAMPLE SYSTEM (2) WHERE NOT hidden LIMIT 50000')).rows.map(
      (r) => r.number,
    );
    const cursors = (
      await pool.query<{ c: string }>(
        `SELECT (extract(epoch FROM "createdAt") * 1000)::bigint || '-' || id AS c FROM "Report" TABLESAMPLE SYSTEM (1) LIMIT 20000`,
      )
    ).rows.map((r) => r.c);
    const hot = newest[17]!;
    const { total } = await one<{ total: number }>('SELECT count(*)::int AS total FROM "Report"');

    const constantRun = async (label: string) => {
      constant = await startChild(TSX, ['bench/lib/constant-server.ts'], {});
      const c = await load(constant.url, () => '/constant', {}, connections, seconds);
      await constant.stop();
      constant = undefined;
      w.add({ name: `Fastify answering a constant, ${label}: requests/s (p95 ${c.p95.toFixed(1)} ms)`, value: c.rps, unit: 'req/s' });
      return c;
    };

    api = await startChild(TSX, ['app/main.ts', 'api'], {
      DATABASE_URL: opts.url,
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_PASSWORD: 'bench-admin-password',
      LOG_LEVEL: 'info',
      DATA_DIR: dataDir,
    });
    const before = await constantRun('before the portal');

    const scenarios: Array<{ name: string; goal: boolean; path: (i: number) => string; headers?: Record<string, string> }> = [
      { name: '/ru/reports (country, newest first)', goal: true, path: () => '/ru/reports' },
      { name: `/ru/reports?region=${region}&status=open (busiest region, open)`, goal: true, path: () => `/ru/reports?region=${region}&status=open` },
      { name: 'one hot report page (the viral post)', goal: true, path: () => `/ru/reports/${hot}` },
      { name: 'report pages spread over the 1,000 newest', goal: true, path: (i) => `/ru/reports/${newest[i % newest.length]}` },
      { name: '/ru/stats (country, this year)', goal: true, path: () => '/ru/stats' },
      { name: `/ru/stats?region=${region} (busiest region, this year)`, goal: true, path: () => `/ru/stats?region=${region}` },
      { name: 'the hot report revalidated (If-None-Match → 304)', goal: false, path: () => `/ru/reports/${hot}`, headers: {} },
      { name: 'report pages at random over the whole table (misses)', goal: false, path: (i) => `/ru/reports/${random[(i * 7919) % random.length]}` },
      { name: 'deep list pages at random cursors (misses)', goal: false, path: (i) => `/ru/reports?before=${cursors[(i * 7919) % cursors.length]}` },
    ];
    for (const s of scenarios) {
      const first = performance.now();
      const res = await fetch(`${api.url}${s.path(0)}`, { headers: { 'accept-encoding': 'br, gzip' } });
      await res.arrayBuffer();
      const coldMs = performance.now() - first;
      if (s.headers) s.headers['if-none-match'] = res.headers.get('etag') ?? '';
      // Two seconds of warm-up, not counted: a crowd arrives at a page that someone has already opened.
      await load(api.url, s.path, s.headers ?? {}, connections, 2);
      const f = await load(api.url, s.path, s.headers ?? {}, connections, seconds);
      w.add({
        name: `${s.name}: p95 latency${s.goal ? ' (goal < 50 ms)' : ''}`,
        value: f.p95,
        unit: 'ms',
        baseline: { name: 'constant, p95', value: before.p95 },
        note: `${Math.round(f.rps).toLocaleString('en-US')} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, ${f.bytes} B/response, first request ${coldMs.toFixed(0)} ms${f.errors ? `, ${f.errors} errors (${f.statuses})` : ''}`,
      });
      opts.log(
        `    ${s.name}: ${Math.round(f.rps)} req/s, p50 ${f.p50.toFixed(1)} / p95 ${f.p95.toFixed(1)} / p99 ${f.p99.toFixed(1)} ms, ${f.bytes} B, cold ${coldMs.toFixed(0)} ms, ${f.statuses}`,
      );
    }
    await api.stop();
    api = undefined;
    await constantRun('after the portal');
    w.note(
      `${total.toLocaleString('en-US')} reports; ${connections} connections, ${seconds} s per scenario after a 2 s warm-up; clients send accept-encoding br, gzip; the API process serves pages from its in-memory cache (lru-cache) after the first render.`,
    );
  } finally {
    await api?.stop().catch(() => undefined);
    await constant?.stop().catch(() => undefined);
    await pool.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
