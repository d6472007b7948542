// Volunteering indicators (DOMAIN.md § Civil resource centres: "volume of services provided by
// volunteers") with the rankings' own rule of what counts (volunteer-rankings.ts, COUNTED): attendance the
// organiser recorded and the volunteer did not deny, at events that started in the period and took place
// in scope. Active volunteers are the distinct people with such attendance.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { hoursOf } from '../volunteering/volunteer-rules.ts';
import { filterSql, num, Params, rows, unapplied, type AnalyticsFilter, type AnalyticsQuery, type Dimensions } from './analytics-scope.ts';

export const OPPORTUNITY_DIMENSIONS: Dimensions = { region: 'o."regionId"', district: 'o."districtId"', area: 'o."areaId"' };

/** COUNTED of volunteer-citizen.ts in SQL. */
const COUNTED_SQL = `a.state = 'attended' AND (a."confirmedByVolunteer" IS NULL OR a."confirmedByVolunteer")`;

export interface VolunteerIndicators {
  activeVolunteers: number;
  hours: number;
  peopleHelped: number;
  /** published events that started in the period */
  events: number;
  notApplied: Array<keyof AnalyticsFilter>;
}

export async function volunteerIndicators(prisma: PrismaClient, q: AnalyticsQuery): Promise<VolunteerIndicators> {
  const p = new Params();
  const where = `o."startsAt" >= ${p.add(q.period.from)} AND o."startsAt" < ${p.add(q.period.to)} AND ${filterSql(q, OPPORTUNITY_DIMENSIONS, p)}`;
  const [r] = await rows<{ volunteers: number; minutes: number; helped: number; events: number }>(
    prisma,
    `SELECT (SELECT count(DISTINCT a."citizenId")::int FROM "VolunteerApplication" a JOIN "VolunteerOpportunity" o ON o.id = a."opportunityId" WHERE ${where} AND ${COUNTED_SQL}) AS volunteers,
            (SELECT coalesce(sum(a.minutes), 0)::int FROM "VolunteerApplication" a JOIN "VolunteerOpportunity" o ON o.id = a."opportunityId" WHERE ${where} AND ${COUNTED_SQL}) AS minutes,
            (SELECT coalesce(sum(a."peopleHelped"), 0)::int FROM "VolunteerApplication" a JOIN "VolunteerOpportunity" o ON o.id = a."opportunityId" WHERE ${where} AND ${COUNTED_SQL}) AS helped,
            (SELECT count(*)::int FROM "VolunteerOpportunity" o WHERE ${where} AND o.status = 'published') AS events`,
    p,
  );
  return {
    activeVolunteers: num(r?.volunteers),
    hours: hoursOf(num(r?.minutes)),
    peopleHelped: num(r?.helped),
    events: num(r?.events),
    notApplied: unapplied(q, OPPORTUNITY_DIMENSIONS),
  };
}
