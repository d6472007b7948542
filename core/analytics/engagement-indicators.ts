// Engagement: how many people the platform reaches (DOMAIN.md § People). A citizen is active in the
// period when they did anything with a capability in it: filed or supported a report (civic control),
// asked a question (consultations), commented on a topic (discussion), applied to volunteer
// (volunteering), answered a poll (polls). New citizens registered in the period. The share using more
// than one capability is among the active ones. People are placed by their own profile's region and
// district; categories, areas and departments do not narrow people.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { filterSql, num, Params, rows, share, type AnalyticsFilter, type AnalyticsQuery, type Dimensions } from './analytics-scope.ts';

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

export async function engagementIndicators(prisma: PrismaClient, q: AnalyticsQuery): Promise<EngagementIndicators> {
  const p = new Params();
  const from = p.add(q.period.from);
  const to = p.add(q.period.to);
  const acts: Array<[Capability, string, string, string]> = [
    ['civic_control', '"Report"', '"citizenId"', '"createdAt"'],
    ['civic_control', '"ReportFollower"', '"citizenId"', '"createdAt"'],
    ['consultations', '"Question"', '"citizenId"', '"createdAt"'],
    ['discussion', '"DiscussionComment"', '"citizenId"', '"createdAt"'],
    ['volunteering', '"VolunteerApplication"', '"citizenId"', '"createdAt"'],
    ['polls', '"PollResponse"', '"citizenId"', '"submittedAt"'],
  ];
  // Each activity sets its capability's bit; one hash aggregate per citizen ORs them (parallel-safe), so
  // no table is de-duplicated on its own. More than one bit set: m & (m - 1) <> 0.
  const bit = (cap: Capability) => 1 << CAPABILITIES.indexOf(cap);
  const union = acts
    .map(
      ([cap, table, who, when]) =>
        `SELECT ${who} AS citizen, ${bit(cap)} AS b FROM ${table} WHERE ${when} >= ${from} AND ${when} < ${to} AND ${who} IS NOT NULL`,
    )
    .join('\n UNION ALL ');
  const scope = filterSql({ regionId: q.regionId, districtId: q.districtId }, CITIZEN_DIMENSIONS, p);
  const narrowed = q.regionId != null || q.districtId != null;
  const [r] = await rows<Record<string, number>>(
    prisma,
    `WITH people AS (
       SELECT a.citizen, bit_or(a.b) AS m FROM (${union}) a
       ${narrowed ? `JOIN "Citizen" c ON c.id = a.citizen WHERE ${scope}` : ''}
       GROUP BY a.citizen
     )
     SELECT count(*)::int AS active, count(*) FILTER (WHERE m & (m - 1) <> 0)::int AS multi,
            ${CAPABILITIES.map((c) => `count(*) FILTER (WHERE m & ${bit(c)} <> 0)::int AS "${c}"`).join(', ')},
            (SELECT count(*)::int FROM "Citizen" c WHERE c."createdAt" >= ${from} AND c."createdAt" < ${to} AND ${scope}) AS new_citizens
     FROM people`,
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
