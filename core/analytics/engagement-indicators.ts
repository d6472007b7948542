// Engagement: how many people the platform reaches (DOMAIN.md § People). A citizen is active in the
// period when they did anything with a capability in it: filed or supported a report (civic control),
// asked a question (consultations), commented on a topic (discussion), applied to volunteer
// (volunteering), answered a poll (polls). New citizens registered in the period. The share using more
// than one capability is among the active ones. People are placed by their own profile's region and
// district; categories, areas and departments do not narrow people.
// Whole years and months are read from what the database keeps per citizen (RollupCitizenYear and
// RollupCitizenMonth: each citizen's activities per capability, kept by triggers): a year's active
// citizens are its rows, counted from an index with no grouping per citizen. Days outside whole months
// come from the tables themselves.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { filterSql, num, Params, rows, share, type AnalyticsFilter, type AnalyticsQuery, type Dimensions, type QueryOptions } from './analytics-scope.ts';
import { nextMonth, splitActivity } from './period-split.ts';

export const CITIZEN_DIMENSIONS: Dimensions = { region: 'c."regionId"', district: 'c."districtId"' };

export const CAPABILITIES = ['civic_control', 'consultations', 'discussion', 'volunteering', 'polls'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface EngagementIndicators {
  activeCitizens: number;
  newCitizens: number;
  multiCapability: number;
  multiCapabilityShare: number | null;
  byCapability: Record<Capability, number>;
  notApplied: Array<keyof AnalyticsFilter>;
}

export async function engagementIndicators(prisma: PrismaClient, q: AnalyticsQuery, opts: QueryOptions = {}): Promise<EngagementIndicators> {
  const p = new Params();
  const from = p.add(q.period.from);
  const to = p.add(q.period.to);
  const split = splitActivity(q.period, opts.rollups ?? true);
  // Each activity sets its capability's bit (the rollups keep the bits as `mask`); one hash aggregate
  // per citizen ORs them (parallel-safe), so no table is de-duplicated on its own. More than one bit
  // set: m & (m - 1) <> 0. A mask of 0 is a row whose activities were all deleted.
  const bit = (cap: Capability) => 1 << CAPABILITIES.indexOf(cap);
  const sources: string[] = [];
  for (const year of split.years)
    sources.push(`SELECT a."citizenId" AS citizen, a.mask AS b FROM "RollupCitizenYear" a WHERE a.year = ${p.add(year)}::int AND a.mask <> 0`);
  for (const m of split.months)
    sources.push(
      `SELECT a."citizenId" AS citizen, a.mask AS b FROM "RollupCitizenMonth" a WHERE a.month >= ${p.add(m.first)}::date AND a.month < ${p.add(m.end)}::date AND a.mask <> 0`,
    );
  const acts: Array<[Capability, string, string, string]> = [
    ['civic_control', '"Report"', '"citizenId"', '"createdAt"'],
    ['civic_control', '"ReportFollower"', '"citizenId"', '"createdAt"'],
    ['consultations', '"Question"', '"citizenId"', '"createdAt"'],
    ['discussion', '"DiscussionComment"', '"citizenId"', '"createdAt"'],
    ['volunteering', '"VolunteerApplication"', '"citizenId"', '"createdAt"'],
    ['polls', '"PollResponse"', '"citizenId"', '"submittedAt"'],
  ];
  for (const e of split.edges) {
    const [ef, et] = e.from === q.period.from && e.to === q.period.to ? [from, to] : [p.add(e.from), p.add(e.to)];
    for (const [cap, table, who, when] of acts)
      sources.push(`SELECT ${who} AS citizen, ${bit(cap)} AS b FROM ${table} WHERE ${when} >= ${ef} AND ${when} < ${et} AND ${who} IS NOT NULL`);
  }
  const scope = filterSql({ regionId: q.regionId, districtId: q.districtId }, CITIZEN_DIMENSIONS, p);
  const narrowed = q.regionId != null || q.districtId != null;
  // one year or one month of the rollup has each citizen once: nothing to group
  const single =
    sources.length === 1 &&
    split.edges.length === 0 &&
    (split.years.length === 1 || (split.months.length === 1 && split.months[0]!.end === nextMonth(split.months[0]!.first)));
  const people = single
    ? `SELECT a.citizen, a.b AS m FROM (${sources[0]}) a ${narrowed ? `JOIN "Citizen" c ON c.id = a.citizen WHERE ${scope}` : ''}`
    : `SELECT a.citizen, bit_or(a.b) AS m FROM (${sources.join('\n UNION ALL ')}) a
       ${narrowed ? `JOIN "Citizen" c ON c.id = a.citizen WHERE ${scope}` : ''}
       GROUP BY a.citizen`;
  // people per combination of capabilities (at most 31), then the counts over those few rows
  const [r] = await rows<Record<string, number>>(
    prisma,
    `WITH people AS (${people}), combos AS (SELECT m, count(*) AS n FROM people GROUP BY m)
     SELECT coalesce(sum(n), 0)::int AS active, coalesce(sum(n) FILTER (WHERE m & (m - 1) <> 0), 0)::int AS multi,
            ${CAPABILITIES.map((c) => `coalesce(sum(n) FILTER (WHERE m & ${bit(c)} <> 0), 0)::int AS "${c}"`).join(', ')},
            (SELECT count(*)::int FROM "Citizen" c WHERE c."createdAt" >= ${from} AND c."createdAt" < ${to} AND ${scope}) AS new_citizens
     FROM combos`,
    p,
  );
  const active = num(r?.active);
  const notApplied: Array<keyof AnalyticsFilter> = (['categoryId', 'areaId', 'departmentId'] as const).filter((k) => q[k] != null);
  return {
    activeCitizens: active,
    newCitizens: num(r?.new_citizens),
    multiCapability: num(r?.multi),
    multiCapabilityShare: share(num(r?.multi), active),
    byCapability: Object.fromEntries(CAPABILITIES.map((c) => [c, num(r?.[c])])) as Record<Capability, number>,
    notApplied,
  };
}
