// Section: the analytics endpoints on large data. Seeds a fresh PostgreSQL database with seedLarge
// (defaults: the issue's 1M reports, 100k consultations, 1M poll answers), then calls every indicator
// endpoint through the real Fastify app (app.inject, signed in as an admin) several times per scenario
// and prints the median and 95th percentile per endpoint.
//
//   npx tsx bench/analytics.ts [reports] [consultations] [pollAnswers]
//   env: BENCH_DATABASE_URL (a role that may create databases; the local cluster otherwise),
//        BENCH_RUNS (timed calls per endpoint and scenario, default 5),
//        BENCH_REUSE=1 (keep and reuse an already seeded azamat_bench_analytics database)
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { localDate } from '../core/calendar/local-time.ts';
import { openDatabase } from '../core/db/client.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { LOCAL_CLUSTER_URL } from './lib/bench-db.ts';
import { DEFAULT_COUNTS, prepareBenchDatabase, seedLarge } from './lib/seed-large.ts';
import { distribution } from './lib/stats.ts';

export interface AnalyticsBenchOptions {
  /** a PostgreSQL URL whose role may create databases */
  baseUrl?: string;
  reports?: number;
  consultations?: number;
  pollAnswers?: number;
  /** timed calls per endpoint and scenario (after one warm-up call) */
  runs?: number;
  /** reuse the seeded database of an earlier run when it has data */
  reuse?: boolean;
  databaseName?: string;
  log?: (line: string) => void;
}

export interface AnalyticsBenchRow {
  name: string;
  medianMs: number;
  p95Ms: number;
}

const ENDPOINTS = [
  '/api/analytics/civic-control',
  '/api/analytics/consultations',
  '/api/analytics/discussion',
  '/api/analytics/polls',
  '/api/analytics/volunteering',
  '/api/analytics/engagement',
  '/api/analytics/rankings',
  '/api/analytics/map/districts',
  '/api/analytics/map/reports',
  '/api/analytics/needs-assessment',
];

async function hasData(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM "Report" LIMIT 1000) x');
    return (rows[0]?.n ?? 0) >= 1000;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function runAnalyticsBench(opts: AnalyticsBenchOptions = {}): Promise<AnalyticsBenchRow[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const baseUrl = opts.baseUrl ?? LOCAL_CLUSTER_URL;
  const name = opts.databaseName ?? 'azamat_bench_analytics';
  const counts = {
    reports: opts.reports ?? DEFAULT_COUNTS.reports,
    consultations: opts.consultations ?? DEFAULT_COUNTS.consultations,
    pollAnswers: opts.pollAnswers ?? DEFAULT_COUNTS.pollAnswers,
  };
  const runs = Math.max(1, opts.runs ?? 5);

  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  let url = u.toString();
  if (opts.reuse && (await hasData(url))) {
    log(`analytics: reusing ${name}`);
  } else {
    url = await prepareBenchDatabase(baseUrl, name);
    const { ms } = await seedLarge(url, counts, log);
    log(
      `analytics: seeded ${counts.reports} reports, ${counts.consultations} consultations, ${counts.pollAnswers} poll answers in ${(ms / 1000).toFixed(1)} s`,
    );
  }

  const db = await openDatabase({ url, poolSize: 4 });
  const logger = pino({ level: 'silent' });
  const i18n = createI18n();
  const services = createAppServices({ db, logger, sessionTtlHours: 1, i18n });
  const app = await buildAppServer({ services, i18n, logger, cookieSecure: false });
  try {
    const password = 'bench-admin-password-1';
    await services.staff.ensureFirstAdmin('bench-admin', password);
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'bench-admin', password } });
    if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.body}`);
    const headers = { authorization: `Bearer ${login.json().token as string}` };

    // The busiest region (by reports) for the regional scenarios.
    const [top] = await services.prisma.$queryRawUnsafe<Array<{ id: number }>>(
      'SELECT "regionId" AS id FROM "Report" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1',
    );
    const regionId = top?.id ?? 1;
    const today = localDate(services.now());
    const year = today.slice(0, 4);
    const month = today.slice(0, 7);
    const quarter = `${year}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const scenarios: Array<{ label: string; query: string }> = [
      { label: `country, month ${month}`, query: `period=${month}` },
      { label: `country, quarter ${quarter}`, query: `period=${quarter}` },
      { label: `country, year ${year}`, query: `period=${year}` },
      { label: `region ${regionId}, year ${year}`, query: `period=${year}&regionId=${regionId}` },
    ];

    const results: AnalyticsBenchRow[] = [];
    for (const endpoint of ENDPOINTS) {
      for (const s of scenarios) {
        const isNeeds = endpoint.endsWith('needs-assessment');
        // The needs assessment always covers two years of one region: one scenario is enough.
        if (isNeeds && !s.label.startsWith('region')) continue;
        const target = isNeeds ? `${endpoint}?regionId=${regionId}` : `${endpoint}?${s.query}`;
        const call = async () => {
          const t0 = performance.now();
          const res = await app.inject({ method: 'GET', url: target, headers });
          const ms = performance.now() - t0;
          if (res.statusCode !== 200) throw new Error(`${target}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          return ms;
        };
        await call();
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await call());
        const d = distribution(times);
        const row = {
          name: `${endpoint.replace('/api/analytics/', 'analytics ')} · ${isNeeds ? `region ${regionId}, two years` : s.label}`,
          medianMs: Math.round(d.p50),
          p95Ms: Math.round(d.p95),
        };
        results.push(row);
        log(`${row.name.padEnd(64)} median ${String(row.medianMs).padStart(6)} ms   p95 ${String(row.p95Ms).padStart(6)} ms`);
      }
    }
    return results;
  } finally {
    await app.close();
    await db.close();
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const [reports, consultations, pollAnswers] = process.argv.slice(2).map(Number);
  const env = process.env;
  await runAnalyticsBench({
    baseUrl: env.BENCH_DATABASE_URL,
    reports: Number.isFinite(reports) ? reports : undefined,
    consultations: Number.isFinite(consultations) ? consultations : undefined,
    pollAnswers: Number.isFinite(pollAnswers) ? pollAnswers : undefined,
    runs: env.BENCH_RUNS ? Number(env.BENCH_RUNS) : undefined,
    reuse: env.BENCH_REUSE === '1',
  });
}
