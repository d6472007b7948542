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
// The additive figures of whole months come from the rollup the database keeps (report-sums.ts), the
// percentiles from its duration buckets (duration-percentiles.ts); both are exact, equal to the same
// figures computed over the reports, which `rollups: false` does (the tests' reference).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ReportStatus } from '../../generated/prisma/enums.ts';
import { ReportStatus as Statuses } from '../../generated/prisma/enums.ts';
import { addDays } from '../calendar/local-time.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import { OPEN_STATUSES } from '../reports/report-status.ts';
import { filterSql, gather, local, num, numOrNull, Params, REPORT_DIMENSIONS, rows, share, type AnalyticsQuery, type QueryOptions } from './analytics-scope.ts';
import { durations, rounded, type Duration } from './duration-percentiles.ts';
import { BY_MONTH, reportSums, type SumColumn } from './report-sums.ts';

export type { Duration } from './duration-percentiles.ts';

export type TrendUnit = 'week' | 'month';

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

const STATUS_COLUMNS: Record<ReportStatus, SumColumn> = {
  new: 'statusNew',
  in_work: 'statusInWork',
  resolved: 'statusResolved',
  rejected: 'statusRejected',
  duplicate: 'statusDuplicate',
  not_responsible: 'statusNotResponsible',
  reopened: 'statusReopened',
};
const COLUMNS: SumColumn[] = [
  'received',
  ...Object.values(STATUS_COLUMNS),
  'withDeadline',
  'onTime',
  'reopened',
  'rated',
  'ratingSum',
  'satisfied',
  'supports',
  'selfResolved',
  'duplicateSupports',
  'duplicateReopened',
];

export async function civicControl(
  prisma: PrismaClient,
  cal: WorkingCalendar,
  q: AnalyticsQuery,
  now: Date,
  unit: TrendUnit = defaultTrendUnit(q),
  opts: QueryOptions = {},
): Promise<CivicControlIndicators> {
  const concurrent = opts.concurrent ?? false;
  const rollups = opts.rollups ?? true;
  const filter = { regionId: q.regionId, districtId: q.districtId, categoryId: q.categoryId, areaId: q.areaId, departmentId: q.departmentId };

  // 1. Everything additive: per month when the trend is monthly (its buckets then are the rollup's), else the totals.
  const sumsTask = () => reportSums(prisma, { filter, span: q.period, group: unit === 'month' ? BY_MONTH : [], columns: COLUMNS, rollups });
  // 2. A weekly trend is finer than the rollup's months: counted over the reports (a quarter at most).
  const weeksTask = async () => {
    if (unit !== 'week') return [];
    const p = new Params();
    // The bucket comes out of a subquery (OFFSET 0 keeps it one) whose output has no statistics: the
    // planner then expects a few hundred groups and hashes them, instead of taking every report's
    // timestamp for a group of its own and sorting the whole period.
    return rows<{ start: string; received: number; resolved: number }>(
      prisma,
      `SELECT to_char(r.bucket, 'YYYY-MM-DD') AS start, count(*)::int AS received, count(*) FILTER (WHERE r.status = 'resolved')::int AS resolved
       FROM (SELECT date_trunc('week', ${local('r."createdAt"')}) AS bucket, r.status FROM "Report" r
             WHERE r."createdAt" >= ${p.add(q.period.from)} AND r."createdAt" < ${p.add(q.period.to)} AND ${filterSql(q, REPORT_DIMENSIONS, p)} OFFSET 0) r
       GROUP BY r.bucket`,
      p,
    );
  };
  // 3. The percentiles: exact, from the duration buckets where they can be (duration-percentiles.ts).
  const durationsTask = () => durations(prisma, cal, q, now, { rollups, concurrent });
  // 4. Overdue now, whenever filed.
  const op = new Params();
  const overdueTask = () =>
    rows<{ n: number }>(
      prisma,
      `SELECT count(*)::int AS n FROM "Report" r
     WHERE r.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}) AND r."dueAt" < ${op.add(now)} AND ${filterSql(q, REPORT_DIMENSIONS, op)}`,
      op,
    );

  const [buckets, weeks, [acc, res], [overdue]] = await gather(concurrent, [sumsTask, weeksTask, durationsTask, overdueTask] as const);
  const total = (key: SumColumn) => buckets.reduce((sum, b) => sum + num(b[key]), 0);
  const trendRows = unit === 'month' ? buckets.map((b) => ({ start: String(b.start), received: num(b.received), resolved: num(b.statusResolved) })) : weeks;
  const byStart = new Map(trendRows.map((b) => [String(b.start), b]));
  const trend = trendStarts(q, unit).map((start) => ({ start, received: num(byStart.get(start)?.received), resolved: num(byStart.get(start)?.resolved) }));
  const received = total('received');
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, total(STATUS_COLUMNS[s])])) as Record<ReportStatus, number>;
  const rated = total('rated');
  const supports = total('supports');
  // the base of the shares: a merged duplicate is its original's problem, already counted there
  const base = received - byStatus.duplicate;
  const baseSupports = supports - total('duplicateSupports');
  return {
    received,
    byStatus,
    resolved: byStatus.resolved,
    resolvedShare: share(byStatus.resolved, base),
    resolvedWithDeadline: total('withDeadline'),
    resolvedOnTime: total('onTime'),
    resolvedOnTimeShare: share(total('onTime'), total('withDeadline')),
    timeToAccept: rounded(acc),
    timeToResolve: rounded(res),
    overdueNow: num(overdue?.n),
    reopened: total('reopened'),
    reopenedShare: share(total('reopened') - total('duplicateReopened'), base),
    rated,
    averageRating: rated ? numOrNull(total('ratingSum') / rated) : null,
    satisfiedShare: share(total('satisfied'), rated),
    supports,
    supportsPerReport: base ? numOrNull(baseSupports / base) : null,
    selfResolved: total('selfResolved'),
    trendUnit: unit,
    trend,
  };
}
