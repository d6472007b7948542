// The programme's result indicators of the civic-initiatives map (seed 002 L815–852; issue 18), for a period and a
// region, district and area, within the caller's scope:
//   1. service recipients of implemented projects: Σ servedCount of initiatives implemented in the period;
//   2. implemented projects with NGOs, initiative groups and citizens: implemented in the period with a partner of
//      kind ngo or initiative_group, or with counted volunteer attendance at one of its events (citizens' own work);
//   3. regional projects implemented with patrons: implemented in the period with at least one patron;
//   4. events with volunteers: published opportunities of an initiative that started in the period with at least one
//      counted attendance (the rankings' rule, volunteer-indicators.ts), placed where the opportunity is;
//   5. the public rating of activity in promoting initiatives: ratings given in the period (average 1–5, the
//      satisfaction index on the national formula, DOMAIN.md), beside the activity they rate (proposals,
//      publications, supports in the period).
// "Implemented in the period" is status implemented with implementedAt in it.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ExportCell, ExportTable } from '../export/table.ts';
import { round1 } from '../numbers.ts';
import { NATIONAL_BASELINE_PERCENT } from '../polls/poll-rules.ts';
import { hoursOf } from '../volunteering/volunteer-rules.ts';
import { kvTable, type ExportCtx } from './analytics-export.ts';
import { filterSql, num, Params, rows, unapplied, type AnalyticsFilter, type AnalyticsQuery, type Dimensions } from './analytics-scope.ts';

export const INITIATIVE_DIMENSIONS: Dimensions = { region: 'i."regionId"', district: 'i."districtId"', area: 'i."areaId"' };
/** An initiative's event sits where the opportunity is; its area is the initiative's. */
const EVENT_DIMENSIONS: Dimensions = { region: 'o."regionId"', district: 'o."districtId"', area: 'i."areaId"' };
const COUNTED_SQL = `a.state = 'attended' AND (a."confirmedByVolunteer" IS NULL OR a."confirmedByVolunteer")`;
const LEAD_KINDS = ['ngo', 'initiative_group', 'akimat', 'social_project', 'business'] as const;

export interface InitiativeIndicators {
  /** 1 */
  servedRecipients: number;
  implemented: number;
  /** 2 */
  withCivilSociety: { count: number; withVolunteers: number; byLeadKind: Record<(typeof LEAD_KINDS)[number], number> };
  /** 3 */
  withPatrons: { count: number; patrons: number; patronMoneyTenge: number };
  /** 4 */
  volunteerEvents: { count: number; volunteers: number; hours: number };
  /** 5 */
  rating: {
    rated: number;
    averageRating: number | null;
    satisfactionAnswers: number;
    satisfactionIndex: number | null;
    nationalBaselinePercent: number;
    proposed: number;
    published: number;
    supports: number;
  };
  notApplied: Array<keyof AnalyticsFilter>;
}

export async function initiativeIndicators(prisma: PrismaClient, q: AnalyticsQuery): Promise<InitiativeIndicators> {
  const p = new Params();
  const from = p.add(q.period.from);
  const to = p.add(q.period.to);
  const where = filterSql(q, INITIATIVE_DIMENSIONS, p);
  const eventWhere = filterSql(q, EVENT_DIMENSIONS, p);
  const implementedIn = `i.status = 'implemented' AND i."implementedAt" >= ${from} AND i."implementedAt" < ${to} AND ${where}`;
  const hasCivil = `EXISTS (SELECT 1 FROM "InitiativePartner" x WHERE x."initiativeId" = i.id AND x.kind IN ('ngo', 'initiative_group'))`;
  const hasVolunteers = `EXISTS (SELECT 1 FROM "VolunteerApplication" a JOIN "VolunteerOpportunity" o ON o.id = a."opportunityId" WHERE o."initiativeId" = i.id AND ${COUNTED_SQL})`;
  const hasPatron = `EXISTS (SELECT 1 FROM "InitiativePatron" y WHERE y."initiativeId" = i.id)`;
  const eventsIn = `o."initiativeId" IS NOT NULL AND o.status = 'published' AND o."startsAt" >= ${from} AND o."startsAt" < ${to} AND ${eventWhere}`;
  const [r] = await rows<Record<string, unknown>>(
    prisma,
    `SELECT
       (SELECT coalesce(sum(i."servedCount"), 0)::int FROM "Initiative" i WHERE ${implementedIn}) AS served,
       (SELECT count(*)::int FROM "Initiative" i WHERE ${implementedIn}) AS implemented,
       (SELECT count(*)::int FROM "Initiative" i WHERE ${implementedIn} AND (${hasCivil} OR ${hasVolunteers})) AS civil,
       (SELECT count(*)::int FROM "Initiative" i WHERE ${implementedIn} AND (${hasCivil} OR ${hasVolunteers}) AND ${hasVolunteers}) AS civil_volunteers,
       (SELECT coalesce(json_object_agg(k.kind, k.n), '{}'::json) FROM (
          SELECT x.kind, count(*)::int AS n FROM "Initiative" i JOIN "InitiativePartner" x ON x."initiativeId" = i.id AND x.lead
          WHERE ${implementedIn} AND (${hasCivil} OR ${hasVolunteers}) GROUP BY x.kind) k) AS by_lead,
       (SELECT count(*)::int FROM "Initiative" i WHERE ${implementedIn} AND ${hasPatron}) AS patroned,
       (SELECT count(*)::int FROM "InitiativePatron" y JOIN "Initiative" i ON i.id = y."initiativeId" WHERE ${implementedIn}) AS patrons,
       (SELECT coalesce(sum(y."amountTenge"), 0)::bigint FROM "InitiativePatron" y JOIN "Initiative" i ON i.id = y."initiativeId"
          WHERE ${implementedIn} AND y.contribution = 'money') AS patron_money,
       (SELECT count(*)::int FROM "VolunteerOpportunity" o JOIN "Initiative" i ON i.id = o."initiativeId"
          WHERE ${eventsIn} AND EXISTS (SELECT 1 FROM "VolunteerApplication" a WHERE a."opportunityId" = o.id AND ${COUNTED_SQL})) AS events,
       (SELECT count(DISTINCT a."citizenId")::int FROM "VolunteerApplication" a JOIN "VolunteerOpportunity" o ON o.id = a."opportunityId"
          JOIN "Initiative" i ON i.id = o."initiativeId" WHERE ${eventsIn} AND ${COUNTED_SQL}) AS volunteers,
       (SELECT coalesce(sum(a.minutes), 0)::int FROM "VolunteerApplication" a JOIN "VolunteerOpportunity" o ON o.id = a."opportunityId"
          JOIN "Initiative" i ON i.id = o."initiativeId" WHERE ${eventsIn} AND ${COUNTED_SQL}) AS minutes,
       (SELECT count(*)::int FROM "InitiativeRating" g JOIN "Initiative" i ON i.id = g."initiativeId"
          WHERE g."createdAt" >= ${from} AND g."createdAt" < ${to} AND ${where}) AS rated,
       (SELECT avg(g.rating)::float FROM "InitiativeRating" g JOIN "Initiative" i ON i.id = g."initiativeId"
          WHERE g."createdAt" >= ${from} AND g."createdAt" < ${to} AND ${where}) AS average,
       (SELECT count(*)::int FROM "InitiativeRating" g JOIN "Initiative" i ON i.id = g."initiativeId"
          WHERE g."createdAt" >= ${from} AND g."createdAt" < ${to} AND ${where} AND g.satisfaction IS NOT NULL) AS answers,
       (SELECT count(*)::int FROM "InitiativeRating" g JOIN "Initiative" i ON i.id = g."initiativeId"
          WHERE g."createdAt" >= ${from} AND g."createdAt" < ${to} AND ${where} AND g.satisfaction IN ('fully', 'rather')) AS positive,
       (SELECT count(*)::int FROM "Initiative" i WHERE i."submittedAt" >= ${from} AND i."submittedAt" < ${to} AND ${where}) AS proposed,
       (SELECT count(*)::int FROM "Initiative" i WHERE i."publishedAt" >= ${from} AND i."publishedAt" < ${to} AND ${where}) AS published,
       (SELECT count(*)::int FROM "InitiativeFollower" f JOIN "Initiative" i ON i.id = f."initiativeId"
          WHERE f.supported AND f."createdAt" >= ${from} AND f."createdAt" < ${to} AND ${where}) AS supports`,
    p,
  );
  const byLead = (r?.by_lead ?? {}) as Record<string, number>;
  const answers = num(r?.answers);
  return {
    servedRecipients: num(r?.served),
    implemented: num(r?.implemented),
    withCivilSociety: {
      count: num(r?.civil),
      withVolunteers: num(r?.civil_volunteers),
      byLeadKind: Object.fromEntries(LEAD_KINDS.map((k) => [k, num(byLead[k])])) as InitiativeIndicators['withCivilSociety']['byLeadKind'],
    },
    withPatrons: { count: num(r?.patroned), patrons: num(r?.patrons), patronMoneyTenge: num(r?.patron_money) },
    volunteerEvents: { count: num(r?.events), volunteers: num(r?.volunteers), hours: hoursOf(num(r?.minutes)) },
    rating: {
      rated: num(r?.rated),
      averageRating: r?.average == null ? null : round1(Number(r.average)),
      satisfactionAnswers: answers,
      satisfactionIndex: answers > 0 ? round1((100 * num(r?.positive)) / answers) : null,
      nationalBaselinePercent: NATIONAL_BASELINE_PERCENT,
      proposed: num(r?.proposed),
      published: num(r?.published),
      supports: num(r?.supports),
    },
    notApplied: unapplied(q, INITIATIVE_DIMENSIONS),
  };
}

/** The five indicators as one sheet, in Kazakh or Russian (initiatives:export.*). */
export function initiativeTables(ctx: ExportCtx, r: InitiativeIndicators): ExportTable[] {
  const t = (k: string) => ctx.t(`initiatives:export.${k}`);
  const rows: Array<[string, ExportCell]> = [
    [`1. ${t('served')}`, r.servedRecipients],
    [t('implemented'), r.implemented],
    [`2. ${t('with_civil_society')}`, r.withCivilSociety.count],
    ...Object.entries(r.withCivilSociety.byLeadKind).map(([k, n]): [string, ExportCell] => [`   ${ctx.t(`initiatives:actor.${k}`)}`, n]),
    [`   ${t('volunteers')}`, r.withCivilSociety.withVolunteers],
    [`3. ${t('with_patrons')}`, r.withPatrons.count],
    [t('patrons'), r.withPatrons.patrons],
    [t('patron_money'), r.withPatrons.patronMoneyTenge],
    [`4. ${t('volunteer_events')}`, r.volunteerEvents.count],
    [t('volunteers'), r.volunteerEvents.volunteers],
    [t('volunteer_hours'), r.volunteerEvents.hours],
    [`5. ${t('rated')}`, r.rating.rated],
    [t('average_rating'), r.rating.averageRating],
    [t('satisfaction_index'), r.rating.satisfactionIndex],
    [t('baseline'), r.rating.nationalBaselinePercent],
    [t('proposed'), r.rating.proposed],
    [t('published'), r.rating.published],
    [t('supports'), r.rating.supports],
  ];
  return [kvTable(ctx, t('sheet'), rows)];
}
