// «Азаматтық бақылау» indicators (DOMAIN.md § Civic control: problems solved promptly by state bodies,
// the trend of problem posts, problems solved by citizens themselves) for the reports FILED in the period:
//   • received, and how many of them are in each status now;
//   • received and by status count duplicates too (they were filed); the shares and supports per report
//     leave them out of their base: a duplicate is merged into its original, so it is the same problem
//     counted twice, and its supporters now follow the original and are counted there;
//   • share resolved: resolved / (received − duplicates);
//   • share resolved within the deadline: resolved no later than their due time, among resolved reports
//     that had one (accepted by the akimat; a report its author closed as fixed had none);
//   • time to accept (filed → accepted) and to resolve (filed → resolved, as the citizen waits; reports
//     closed by their author are left out): median and 90th percentile (linear interpolation, as
//     percentile_cont) in working days of the calendar (holidays and moved days off excluded, fractions
//     of a day count) and in hours;
//   • reopened share: reports reopened at least once / received, both without duplicates;
//   • resolution satisfaction: mean of the authors' 1–5 ratings and the share of 4–5 among rated reports;
//   • supports per report: supports of non-duplicates / (received − duplicates);
//   • solved by citizens themselves: closed by the author as fixed with no operator action (selfResolved);
//   • overdue now: open reports past their due time at this moment (whenever they were filed);
//   • trend: per week (Monday first) or month, reports filed and how many of them are resolved.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { ReportStatus as Statuses } from '../../generated/prisma/enums.ts';
import { addDays } from '../calendar/local-time.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { OPEN_STATUSES } from '../reports/report-status.ts';
import { filterSql, gather, local, num, numOrNull, Params, REPORT_DIMENSIONS, rows, share, type AnalyticsQuery } from './analytics-scope.ts';
import { workingTimeSql } from './working-time.ts';

export type TrendUnit = 'week' | 'month';

export interface Duration {
  /** how many reports the figures are over */
  count: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface TrendPoint {
  /** the first Almaty day of the week or month */
  start: string;
  received: number;
  resolved: number;
}

export interface CivicControlIndicators {
  received: number;
  byStatus: Record<ReportStatus, number>;
  resolved: number;
  resolvedShare: number | null;
  /** resolved reports that had a due time, and those resolved by it */
  resolvedWithDeadline: number;
  resolvedOnTime: number;
  resolvedOnTimeShare: number | null;
  timeToAccept: Duration;
  timeToResolve: Duration;
  overdueNow: number;
  reopened: number;
  reopenedShare: number | null;
  rated: number;
  averageRating: number | null;
  satisfiedShare: number | null;
  supports: number;
  supportsPerReport: number | null;
  selfResolved: number;
  trendUnit: TrendUnit;
  trend: TrendPoint[];
}

const STATUSES = Object.values(Statuses) as ReportStatus[];

/** Weeks for up to a quarter, months beyond. */
export const defaultTrendUnit = (q: AnalyticsQuery): TrendUnit => (q.period.to.getTime() - q.period.from.getTime() <= 93 * 86_400_000 ? 'week' : 'month');

function duration(count: unknown, wd: unknown, h: unknown): Duration {
  const [mw, pw] = (wd as number[] | null) ?? [null, null];
  const [mh, ph] = (h as number[] | null) ?? [null, null];
  return { count: num(count), medianWorkingDays: numOrNull(mw), p90WorkingDays: numOrNull(pw), medianHours: numOrNull(mh, 1), p90Hours: numOrNull(ph, 1) };
}

/** The first days of every week/month bucket the period touches, in order. */
export function trendStarts(q: AnalyticsQuery, unit: TrendUnit): string[] {
  const starts: string[] = [];
  const first = q.period.firstDay;
  let d = unit === 'month' ? `${first.slice(0, 7)}-01` : addDays(first, -((new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7));
  while (d <= q.period.lastDay) {
    starts.push(d);
    d =
      unit === 'month'
        ? Number(d.slice(5, 7)) === 12
          ? `${Number(d.slice(0, 4)) + 1}-01-01`
          : `${d.slice(0, 5)}${String(Number(d.slice(5, 7)) + 1).padStart(2, '0')}-01`
        : addDays(d, 7);
  }
  return starts;
}

export async function civicControl(
  prisma: PrismaClient,
  cal: WorkingCalendar,
  q: AnalyticsQuery,
  now: Date,
  unit: TrendUnit = defaultTrendUnit(q),
  concurrent = false,
): Promise<CivicControlIndicators> {
  const inPeriod = (p: Params) =>
    `r."createdAt" >= ${p.add(q.period.from)} AND r."createdAt" < ${p.add(q.period.to)} AND ${filterSql(q, REPORT_DIMENSIONS, p)}`;
  const resolvedByStaff = `r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL`;

  // 1. Everything additive, per trend bucket (a parallel scan); the totals are the buckets' sums.
  const cp = new Params();
  const bucket = `date_trunc('${unit}', ${local('r."createdAt"')})`;
  const bucketsTask = () =>
    rows<Record<string, unknown>>(
      prisma,
      // The bucket comes out of a subquery (OFFSET 0 keeps it one) whose output has no statistics: the
      // planner then expects a few hundred groups and hashes them, instead of taking every report's
      // timestamp for a group of its own and sorting the whole period.
      `SELECT to_char(r.bucket, 'YYYY-MM-DD') AS start, count(*)::int AS received,
       ${STATUSES.map((s) => `count(*) FILTER (WHERE r.status = '${s}')::int AS "s_${s}"`).join(', ')},
       count(*) FILTER (WHERE ${resolvedByStaff} AND r."dueAt" IS NOT NULL)::int AS with_deadline,
       count(*) FILTER (WHERE ${resolvedByStaff} AND r."dueAt" IS NOT NULL AND r."resolvedAt" <= r."dueAt")::int AS on_time,
       count(*) FILTER (WHERE r."reopenCount" > 0)::int AS reopened,
       count(r.rating)::int AS rated,
       coalesce(sum(r.rating), 0)::int AS rating_sum,
       count(*) FILTER (WHERE r.rating >= 4)::int AS satisfied,
       coalesce(sum(r."supportCount"), 0)::int AS supports,
       count(*) FILTER (WHERE r."selfResolved")::int AS self_resolved,
       coalesce(sum(r."supportCount") FILTER (WHERE r.status = 'duplicate'), 0)::int AS duplicate_supports,
       count(*) FILTER (WHERE r.status = 'duplicate' AND r."reopenCount" > 0)::int AS duplicate_reopened
     FROM (SELECT ${bucket} AS bucket, r.status, r."selfResolved", r."resolvedAt", r."dueAt", r."reopenCount", r.rating, r."supportCount"
           FROM "Report" r WHERE ${inPeriod(cp)} OFFSET 0) r
     GROUP BY r.bucket ORDER BY r.bucket`,
      cp,
    );
  // 2. The percentiles: one ordered pass over the accepted reports, one over the resolved ones.
  const hours = (a: string, b: string) => `(date_part('epoch', ${b} - ${a}) / 3600.0)`;
  const accepted = `r."acceptedAt" IS NOT NULL`;
  // The working days are stored on the report when it is accepted or resolved (report-service.ts); a row
  // without them (written by other means) is counted from the calendar here, the same way.
  const percentiles = (when: string, until: string, stored: string) => () => {
    const pp = new Params();
    // Accepting and resolving happen after filing, up to now: the calendar must reach that far.
    const wt = workingTimeSql(cal, q.period.from, new Date(Math.max(now.getTime(), q.period.to.getTime()) + 2 * 86_400_000), pp);
    return rows<{ n: number; wd: number[] | null; h: number[] | null }>(
      prisma,
      `SELECT count(*)::int AS n,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY CASE WHEN ${stored} IS NOT NULL THEN ${stored} ELSE ${wt.between('r."createdAt"', until)} END) AS wd,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${hours('r."createdAt"', until)}) AS h
       FROM "Report" r WHERE ${inPeriod(pp)} AND ${when}`,
      pp,
    );
  };

  // 3. Overdue now, whenever filed.
  const op = new Params();
  const overdueTask = () =>
    rows<{ n: number }>(
      prisma,
      `SELECT count(*)::int AS n FROM "Report" r
     WHERE r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}) AND r."dueAt" < ${op.add(now)} AND ${filterSql(q, REPORT_DIMENSIONS, op)}`,
      op,
    );

  const [buckets, [acc], [res], [overdue]] = await gather(concurrent, [
    bucketsTask,
    percentiles(accepted, 'r."acceptedAt"', 'r."acceptWorkingDays"'),
    percentiles(resolvedByStaff, 'r."resolvedAt"', 'r."resolveWorkingDays"'),
    overdueTask,
  ] as const);
  const total = (key: string) => buckets.reduce((sum, b) => sum + num(b[key]), 0);
  const byStart = new Map(buckets.map((b) => [String(b.start), b]));
  const trend = trendStarts(q, unit).map((start) => ({ start, received: num(byStart.get(start)?.received), resolved: num(byStart.get(start)?.s_resolved) }));
  const received = total('received');
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, total(`s_${s}`)])) as Record<ReportStatus, number>;
  const rated = total('rated');
  const supports = total('supports');
  // the base of the shares: a merged duplicate is its original's problem, already counted there
  const base = received - byStatus.duplicate;
  const baseSupports = supports - total('duplicate_supports');
  return {
    received,
    byStatus,
    resolved: byStatus.resolved,
    resolvedShare: share(byStatus.resolved, base),
    resolvedWithDeadline: total('with_deadline'),
    resolvedOnTime: total('on_time'),
    resolvedOnTimeShare: share(total('on_time'), total('with_deadline')),
    timeToAccept: duration(acc?.n, acc?.wd, acc?.h),
    timeToResolve: duration(res?.n, res?.wd, res?.h),
    overdueNow: num(overdue?.n),
    reopened: total('reopened'),
    reopenedShare: share(total('reopened') - total('duplicate_reopened'), base),
    rated,
    averageRating: rated ? numOrNull(total('rating_sum') / rated) : null,
    satisfiedShare: share(total('satisfied'), rated),
    supports,
    supportsPerReport: base ? numOrNull(baseSupports / base) : null,
    selfResolved: total('self_resolved'),
    trendUnit: unit,
    trend,
  };
}
