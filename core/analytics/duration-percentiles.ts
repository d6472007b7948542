// Time to accept and to resolve (civic-control.ts): the median and 90th percentile in working days and
// in hours, exact. For the country or one region (the year-level figures) they come in two steps:
//   1. RollupReportDuration's counts per bucket for the whole months (and the reports of the days around
//      them) give the total and, for each rank percentile_cont needs, its bucket and how many values
//      come before it;
//   2. the reports of just those buckets are read in order through an index on the duration itself
//      (analytics_rollups migration), and the values at those ranks interpolated as PostgreSQL does.
// Other filters (district, category, area, department) narrow the reports enough to sort them all: the
// query over the reports, which is also the reference the tests hold the two-step answer to. So are
// reports whose working days were never stored (bucket -1): the calendar counts them at query time.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { filterSql, gather, numOrNull, Params, REPORT_DIMENSIONS, rows, type AnalyticsQuery } from './analytics-scope.ts';
import { bucketBounds, interpolate, locate, percentilePositions } from './duration-buckets.ts';
import { splitPeriod } from './period-split.ts';
import { workingTimeSql } from './working-time.ts';

export interface Duration {
  /** how many reports the figures are over */
  count: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianHours: number | null;
  p90Hours: number | null;
}

export const PERCENTILES = [0.5, 0.9] as const;

const hours = (until: string) => `(date_part('epoch', ${until} - r."createdAt") / 3600.0)`;

/** The two durations, each measured in stored working days (kind 0/2) and hours (kind 1/3). */
const MEASURES = {
  accept: { when: 'r."acceptedAt" IS NOT NULL', until: 'r."acceptedAt"', stored: 'r."acceptWorkingDays"', kinds: [0, 1] },
  resolve: {
    when: `r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL`,
    until: 'r."resolvedAt"',
    stored: 'r."resolveWorkingDays"',
    kinds: [2, 3],
  },
} as const;

export type Measure = keyof typeof MEASURES;

export interface DurationOptions {
  rollups: boolean;
  concurrent: boolean;
}

/** Exact values of [median, p90] for working days and hours (not rounded), and the count. */
export interface ExactDuration {
  count: number;
  workingDays: [number, number] | null;
  hours: [number, number] | null;
}

export const rounded = (d: ExactDuration): Duration => ({
  count: d.count,
  medianWorkingDays: numOrNull(d.workingDays?.[0]),
  p90WorkingDays: numOrNull(d.workingDays?.[1]),
  medianHours: numOrNull(d.hours?.[0], 1),
  p90Hours: numOrNull(d.hours?.[1], 1),
});

const inPeriod = (q: AnalyticsQuery, p: Params) =>
  `r."createdAt" >= ${p.add(q.period.from)} AND r."createdAt" < ${p.add(q.period.to)} AND ${filterSql(q, REPORT_DIMENSIONS, p)}`;

/** Over every report of the period, sorted by the database: percentile_cont itself. */
export async function durationFromReports(prisma: PrismaClient, cal: WorkingCalendar, q: AnalyticsQuery, now: Date, measure: Measure): Promise<ExactDuration> {
  const m = MEASURES[measure];
  const p = new Params();
  // Accepting and resolving happen after filing, up to now: the calendar must reach that far.
  const wt = workingTimeSql(cal, q.period.from, new Date(Math.max(now.getTime(), q.period.to.getTime()) + 2 * 86_400_000), p);
  const [r] = await rows<{ n: number; wd: number[] | null; h: number[] | null }>(
    prisma,
    `SELECT count(*)::int AS n,
       percentile_cont(ARRAY[${PERCENTILES.join(', ')}]) WITHIN GROUP (ORDER BY CASE WHEN ${m.stored} IS NOT NULL THEN ${m.stored} ELSE ${wt.between('r."createdAt"', m.until)} END) AS wd,
       percentile_cont(ARRAY[${PERCENTILES.join(', ')}]) WITHIN GROUP (ORDER BY ${hours(m.until)}) AS h
     FROM "Report" r WHERE ${inPeriod(q, p)} AND ${m.when}`,
    p,
  );
  const pair = (v: unknown) => (v == null ? null : ((v as number[]).map(Number) as [number, number]));
  return { count: Number(r?.n ?? 0), workingDays: pair(r?.wd), hours: pair(r?.h) };
}

/** Counts per kind and bucket for the period: the rollup's whole months and the reports of the days around them. */
async function histograms(prisma: PrismaClient, q: AnalyticsQuery): Promise<Map<number, Array<{ bucket: number; n: number }>>> {
  const split = splitPeriod(q.period);
  const p = new Params();
  const region = q.regionId ?? 0;
  const parts: string[] = [];
  if (split.months) {
    parts.push(`SELECT kind, bucket, n FROM "RollupReportDuration"
      WHERE "regionId" = ${p.add(region)}::int AND month >= ${p.add(split.months.first)}::date AND month < ${p.add(split.months.end)}::date`);
  }
  for (const e of split.edges) {
    parts.push(`SELECT d.kind, d.bucket, 1 AS n FROM "Report" r CROSS JOIN LATERAL analytics_report_durations(r) d
      WHERE r."createdAt" >= ${p.add(e.from)} AND r."createdAt" < ${p.add(e.to)}${q.regionId != null ? ` AND r."regionId" = ${p.add(q.regionId)}::int` : ''}`);
  }
  const found = await rows<{ kind: number; bucket: number; n: number }>(
    prisma,
    `SELECT kind::int AS kind, bucket::int AS bucket, sum(n)::int AS n FROM (${parts.join(' UNION ALL ')}) x GROUP BY 1, 2 HAVING sum(n) <> 0 ORDER BY 1, 2`,
    p,
  );
  const out = new Map<number, Array<{ bucket: number; n: number }>>();
  for (const f of found) out.set(Number(f.kind), [...(out.get(Number(f.kind)) ?? []), { bucket: Number(f.bucket), n: Number(f.n) }]);
  return out;
}

/** Step 2 for one measure: the values at the ranks each percentile interpolates between. */
async function fromBuckets(
  prisma: PrismaClient,
  q: AnalyticsQuery,
  measure: Measure,
  hist: Map<number, Array<{ bucket: number; n: number }>>,
): Promise<ExactDuration> {
  const m = MEASURES[measure];
  const [wdKind, hKind] = m.kinds;
  const count = (hist.get(hKind) ?? []).reduce((s, h) => s + h.n, 0);
  if (count === 0) return { count: 0, workingDays: null, hours: null };
  const p = new Params();
  const region = q.regionId != null ? ` AND r."regionId" = ${p.add(q.regionId)}::int` : '';
  const period = `r."createdAt" >= ${p.add(q.period.from)} AND r."createdAt" < ${p.add(q.period.to)}`;
  const reads: string[] = [];
  for (const [kind, value] of [
    [wdKind, m.stored],
    [hKind, hours(m.until)],
  ] as const) {
    const h = hist.get(kind) ?? [];
    PERCENTILES.forEach((pct, i) => {
      const pos = percentilePositions(pct, count);
      const first = locate(h, pos.first);
      const last = locate(h, pos.second);
      const { lo } = bucketBounds(first.bucket);
      const { hi } = bucketBounds(last.bucket);
      const range = [lo != null ? `${value} >= ${p.add(lo)}::float8` : null, hi != null ? `${value} < ${p.add(hi)}::float8` : null]
        .filter(Boolean)
        .join(' AND ');
      reads.push(`SELECT ${kind} AS kind, ${i} AS i, array_agg(s.v ORDER BY s.v) AS vs FROM (
        SELECT ${value} AS v FROM "Report" r WHERE ${m.when} AND ${range || 'TRUE'} AND ${period}${region}
        ORDER BY 1 OFFSET ${pos.first - first.before} LIMIT ${pos.second - pos.first + 1}) s`);
    });
  }
  const found = await rows<{ kind: number; i: number; vs: number[] }>(prisma, reads.join('\n UNION ALL\n '), p);
  const value = (kind: number, i: number) => {
    const vs = found.find((f) => Number(f.kind) === kind && Number(f.i) === i)!.vs.map(Number);
    return interpolate(percentilePositions(PERCENTILES[i]!, count), vs[0]!, vs[1] ?? vs[0]!);
  };
  return { count, workingDays: [value(wdKind, 0), value(wdKind, 1)], hours: [value(hKind, 0), value(hKind, 1)] };
}

/** Time to accept and time to resolve for the query, exact, by the quickest way that stays exact. */
export async function durations(
  prisma: PrismaClient,
  cal: WorkingCalendar,
  q: AnalyticsQuery,
  now: Date,
  opts: DurationOptions,
): Promise<readonly [ExactDuration, ExactDuration]> {
  const narrow = q.districtId != null || q.categoryId != null || q.areaId != null || q.departmentId != null;
  const raw = (m: Measure) => () => durationFromReports(prisma, cal, q, now, m);
  if (!opts.rollups || narrow) return gather(opts.concurrent, [raw('accept'), raw('resolve')] as const);
  const hist = await histograms(prisma, q);
  // working days never stored on some report of the period: counted from the calendar, over the reports
  const unstored = (kind: number) => (hist.get(kind) ?? []).some((h) => h.bucket === -1);
  const task = (m: Measure) => (unstored(MEASURES[m].kinds[0]) ? raw(m) : () => fromBuckets(prisma, q, m, hist));
  return gather(opts.concurrent, [task('accept'), task('resolve')] as const);
}
