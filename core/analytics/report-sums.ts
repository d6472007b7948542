// The additive figures over the reports filed in a period: the civic-control counts, the map's and the
// rankings'. Whole Almaty months come from RollupReportMonth (one row per month, place, category and
// department, kept by the database's triggers); the days of a custom range outside whole months come
// from the reports themselves, with the same conditions. Each figure is named once here with the SQL it
// stands for over a report `r`; analytics_report_facts() in the analytics_rollups migration is the same
// condition per report, and tests/analytics-rollups.test.ts holds the two to the same answers.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { filterSql, local, Params, rows, type AnalyticsQuery, type Dimensions, REPORT_DIMENSIONS } from './analytics-scope.ts';
import { splitPeriod } from './period-split.ts';

const RESOLVED_BY_STAFF = `r.status = 'resolved' AND NOT r."selfResolved" AND r."resolvedAt" IS NOT NULL`;
const LOCATED = 'NOT r.hidden AND r.lat IS NOT NULL AND r.lon IS NOT NULL';
const status = (s: string) => `count(*) FILTER (WHERE r.status = '${s}')`;

/** rollup column → its aggregate over the reports */
export const REPORT_SUMS = {
  received: 'count(*)',
  statusNew: status('new'),
  statusInWork: status('in_work'),
  statusResolved: status('resolved'),
  statusRejected: status('rejected'),
  statusDuplicate: status('duplicate'),
  statusNotResponsible: status('not_responsible'),
  statusReopened: status('reopened'),
  withDeadline: `count(*) FILTER (WHERE ${RESOLVED_BY_STAFF} AND r."dueAt" IS NOT NULL)`,
  onTime: `count(*) FILTER (WHERE ${RESOLVED_BY_STAFF} AND r."dueAt" IS NOT NULL AND r."resolvedAt" <= r."dueAt")`,
  reopened: `count(*) FILTER (WHERE r."reopenCount" > 0)`,
  rated: 'count(r.rating)',
  ratingSum: 'coalesce(sum(r.rating), 0)',
  satisfied: 'count(*) FILTER (WHERE r.rating >= 4)',
  supports: 'coalesce(sum(r."supportCount"), 0)',
  selfResolved: 'count(*) FILTER (WHERE r."selfResolved")',
  duplicateSupports: `coalesce(sum(r."supportCount") FILTER (WHERE r.status = 'duplicate'), 0)`,
  duplicateReopened: `count(*) FILTER (WHERE r.status = 'duplicate' AND r."reopenCount" > 0)`,
  located: `count(*) FILTER (WHERE ${LOCATED})`,
  // numeric sums are exact whatever the order of the rows, so the months' sums add up to the same value
  latSum: `coalesce(sum(r.lat::numeric) FILTER (WHERE ${LOCATED}), 0)`,
  lonSum: `coalesce(sum(r.lon::numeric) FILTER (WHERE ${LOCATED}), 0)`,
} as const;

export type SumColumn = keyof typeof REPORT_SUMS;

/** What the sums are grouped by: output names with their expression over the rollup `k` and over a report `r`. */
export interface GroupKey {
  name: string;
  rollup: string;
  report: string;
}

export const BY_MONTH: GroupKey[] = [
  { name: 'start', rollup: `to_char(k.month, 'YYYY-MM-DD')`, report: `to_char(date_trunc('month', ${local('r."createdAt"')}), 'YYYY-MM-DD')` },
];
export const BY_CATEGORY: GroupKey[] = [{ name: 'category_id', rollup: 'k."categoryId"', report: 'r."categoryId"' }];
/** the district, 0 for reports filed without one */
export const BY_DISTRICT: GroupKey[] = [
  { name: 'region_id', rollup: 'k."regionId"', report: 'r."regionId"' },
  { name: 'district_id', rollup: 'k."districtId"', report: 'coalesce(r."districtId", 0)' },
];

const ROLLUP_DIMENSIONS: Dimensions = { region: 'k."regionId"', district: 'k."districtId"', department: 'k."departmentId"', category: 'k."categoryId"' };

export interface SumsRequest {
  filter: Omit<AnalyticsQuery, 'period'>;
  span: { firstDay: string; lastDay: string; from: Date; to: Date };
  group: GroupKey[];
  columns: readonly SumColumn[];
  /** false: everything from the reports (the reference the rollup answers are tested against) */
  rollups: boolean;
  /** only groups with at least one report, as a GROUP BY over the reports gives them */
  nonEmpty?: boolean;
}

/**
 * The SQL for one request: one row per group with every column as a bigint, the coordinate sums as the
 * double nearest their exact value (divided by `located` they give the mean position).
 */
export function reportSumsSql(req: SumsRequest, p: Params): string {
  const split = splitPeriod(req.span, req.rollups);
  const keys = req.group.map((g) => `"${g.name}"`);
  const parts: string[] = [];
  if (split.months) {
    const sel = [...req.group.map((g) => `${g.rollup} AS "${g.name}"`), ...req.columns.map((c) => `sum(k."${c}") AS "${c}"`)];
    parts.push(`SELECT ${sel.join(', ')} FROM "RollupReportMonth" k
      WHERE k.month >= ${p.add(split.months.first)}::date AND k.month < ${p.add(split.months.end)}::date AND ${filterSql(req.filter, ROLLUP_DIMENSIONS, p)}
      ${keys.length ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`);
  }
  for (const e of split.edges) {
    const sel = [...req.group.map((g) => `${g.report} AS "${g.name}"`), ...req.columns.map((c) => `${REPORT_SUMS[c]} AS "${c}"`)];
    parts.push(`SELECT ${sel.join(', ')} FROM "Report" r
      WHERE r."createdAt" >= ${p.add(e.from)} AND r."createdAt" < ${p.add(e.to)} AND ${filterSql(req.filter, REPORT_DIMENSIONS, p)}
      ${keys.length ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')}` : ''}`);
  }
  const outer = [...keys, ...req.columns.map((c) => (c === 'latSum' || c === 'lonSum' ? `sum(x."${c}")::float8` : `sum(x."${c}")::bigint`) + ` AS "${c}"`)];
  if (req.nonEmpty && !req.columns.includes('received')) throw new Error('nonEmpty needs the received column');
  const having = req.nonEmpty ? 'HAVING sum(x.received) > 0' : '';
  return `SELECT ${outer.join(', ')} FROM (${parts.join('\n UNION ALL\n ')}) x ${keys.length ? `GROUP BY ${keys.join(', ')}` : ''} ${having}`;
}

export function reportSums(prisma: PrismaClient, req: SumsRequest): Promise<Array<Record<string, unknown>>> {
  const p = new Params();
  return rows<Record<string, unknown>>(prisma, reportSumsSql(req, p), p);
}
