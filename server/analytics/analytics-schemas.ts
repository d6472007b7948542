// The analytics API's shapes (server/analytics/analytics.ts): the filters every indicator takes, and the
// bodies. Shares are fractions 0..1 with four decimals and null when their base is empty; durations are
// null when nothing was measured.
import { z } from 'zod';
import { ReportStatus } from '../../generated/prisma/enums.ts';
import { MAX_POINTS } from '../../core/analytics/analytics-rules.ts';
import { answerWindow, calendarDate, kkRu, periodKey, positiveId, scopeQuery } from '../schemas.ts';

const id = positiveId;
const day = calendarDate;

const periodFields = {
  period: periodKey.optional().describe('a year, half-year, quarter or month (Almaty time); or give from/to'),
  from: day.optional().describe('first day of a custom range (Almaty), inclusive'),
  to: day.optional().describe('last day of a custom range (Almaty), inclusive; today when only `from` is given'),
};
const filterFields = {
  ...periodFields,
  ...scopeQuery,
  categoryId: id.optional().describe('narrows reports; other capabilities by the category’s area'),
  areaId: z.coerce.number().int().min(1).max(19).optional().describe('one of the 19 areas of the state social order'),
  departmentId: id.optional().describe('narrows reports (other capabilities have no department)'),
};
export const filterQuery = z.object(filterFields);
export const civicQuery = filterQuery.extend({
  trend: z.enum(['week', 'month']).optional().describe('trend buckets; weeks up to a quarter, months beyond by default'),
});
export const pointsQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_POINTS).default(5000).describe('newest reports first'),
  bbox: z.string().optional().describe('minLon,minLat,maxLon,maxLat (WGS 84)'),
});
const needsFields = {
  regionId: id.optional().describe('required for staff not tied to a region'),
  districtId: id.optional(),
  departmentId: id.optional(),
  to: day.optional().describe('last day of the two years (today when absent)'),
  limit: z.coerce.number().int().min(1).max(19).default(19).describe('areas shown, largest volume first'),
};
export const needsQuery = z.object(needsFields);
export const justificationQuery = z.object({ ...needsFields, areaId: z.coerce.number().int().min(1).max(19) });

const share = z.number().nullable();
const notApplied = z.array(z.string()).describe('filters this capability cannot apply (it records no district or department)');
const statuses = Object.values(ReportStatus) as [ReportStatus, ...ReportStatus[]];

const duration = z.object({
  count: z.number().describe('reports measured'),
  medianWorkingDays: z.number().nullable().describe('working days of the calendar (holidays and moved days off excluded), fractions count'),
  p90WorkingDays: z.number().nullable(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});

export const civicControlBody = z.object({
  received: z.number().describe('reports filed in the period, duplicates merged into another report included'),
  byStatus: z.record(z.enum(statuses), z.number()).describe('their status now (`duplicate`: merged into another report)'),
  resolved: z.number(),
  resolvedShare: share.describe('resolved / received without duplicates (a merged report is counted in its original)'),
  resolvedWithDeadline: z.number().describe('resolved by the akimat with a due time set'),
  resolvedOnTime: z.number(),
  resolvedOnTimeShare: share,
  timeToAccept: duration.describe('filed → accepted'),
  timeToResolve: duration.describe('filed → resolved, reports closed by their author left out'),
  overdueNow: z.number().describe('open and past their due time now, whenever filed'),
  reopened: z.number(),
  reopenedShare: share.describe('reopened / received without duplicates'),
  rated: z.number(),
  averageRating: z.number().nullable().describe("mean of the authors' 1–5 ratings"),
  satisfiedShare: share.describe('ratings 4–5 among rated reports'),
  supports: z.number().describe('supports of all reports filed in the period'),
  supportsPerReport: z
    .number()
    .nullable()
    .describe('supports / received, both without duplicates (their supporters now follow the original and are counted there)'),
  selfResolved: z.number().describe('closed by the author as fixed without an operator’s action'),
  trendUnit: z.enum(['week', 'month']),
  trend: z.array(z.object({ start: z.string().describe('first Almaty day of the week (Monday) or month'), received: z.number(), resolved: z.number() })),
});

const countRow = z.object({ key: z.string(), id: z.number().nullable(), ...kkRu('name', z.string().nullable()), count: z.number() });
export const consultationsBody = z.object({
  count: z.number(),
  byTopic: z.array(countRow),
  byTargetGroup: z.array(countRow),
  byChannel: z.array(countRow),
  responded: z.number(),
  medianResponseMinutes: z.number().nullable(),
  rated: z.number(),
  averageSatisfaction: z.number().nullable(),
  satisfiedShare: share,
  notApplied,
});

export const discussionBody = z.object({
  topicsPublished: z.number(),
  comments: z.number(),
  participants: z.number(),
  decided: z.number(),
  accepted: z.number(),
  partlyAccepted: z.number(),
  rejected: z.number(),
  acceptanceRate: share,
  reviewsDue: z.number(),
  reviewsOnTime: z.number(),
  reviewsOnTimeShare: share,
  notApplied,
});

const wave = z.object({
  waveId: z.number(),
  position: z.number(),
  ...kkRu('label'),
  ...answerWindow,
  responses: z.number(),
  answers: z.number().describe('answers to satisfaction questions, "hard to answer" included'),
  positive: z.number().describe('fully or rather satisfied'),
  index: share,
  change: z.number().nullable().describe('against the previous wave of the same poll'),
});
export const pollsBody = z.object({
  projects: z.array(
    z.object({
      projectId: z.number(),
      ...kkRu('name'),
      pollId: z.number(),
      ...kkRu('title'),
      waves: z.array(wave),
    }),
  ),
  beneficiaries: z.number(),
  respondents: z.number(),
  coverage: z.array(
    z.object({ dimension: z.enum(['gender', 'ageBracket', 'socialStatus']), code: z.string(), beneficiaries: z.number(), respondents: z.number() }),
  ),
  notApplied,
});

export const volunteeringBody = z.object({ activeVolunteers: z.number(), hours: z.number(), peopleHelped: z.number(), events: z.number(), notApplied });
export const initiativesBody = z.object({
  servedRecipients: z.number().describe('1. Σ people served by initiatives implemented in the period'),
  implemented: z.number(),
  withCivilSociety: z
    .object({
      count: z.number(),
      withVolunteers: z.number(),
      byLeadKind: z.object({ ngo: z.number(), initiative_group: z.number(), akimat: z.number(), social_project: z.number(), business: z.number() }),
    })
    .describe('2. implemented with an NGO or initiative group partner, or with counted volunteer attendance'),
  withPatrons: z.object({ count: z.number(), patrons: z.number(), patronMoneyTenge: z.number() }).describe('3. implemented with at least one patron'),
  volunteerEvents: z.object({ count: z.number(), volunteers: z.number(), hours: z.number() }).describe('4. initiative events with counted attendance'),
  rating: z
    .object({
      rated: z.number(),
      averageRating: z.number().nullable(),
      satisfactionAnswers: z.number(),
      satisfactionIndex: z.number().nullable().describe('percent; "hard to answer" in the base'),
      nationalBaselinePercent: z.number(),
      proposed: z.number(),
      published: z.number(),
      supports: z.number(),
    })
    .describe('5. public rating of activity in promoting civic initiatives'),
  notApplied,
});

export const engagementBody = z.object({
  activeCitizens: z.number(),
  newCitizens: z.number(),
  multiCapability: z.number(),
  multiCapabilityShare: share,
  byCapability: z.record(z.string(), z.number()),
  notApplied,
});

const change = z.object({ delta: z.number(), relative: z.number().nullable() });
const span = z.object({ key: z.string(), firstDay: z.string(), lastDay: z.string() });
const volumes = {
  reports: z.number(),
  supports: z.number(),
  consultations: z.number(),
  comments: z.number(),
  initiatives: z.number().describe('civic initiatives published'),
  initiativeSupports: z.number().describe('residents’ supports of civic initiatives'),
  total: z.number(),
};
export const rankingsBody = z.object({
  period: span,
  previousPeriod: span,
  categories: z.array(
    z.object({
      rank: z.number(),
      categoryId: z.number(),
      code: z.string(),
      ...kkRu('name'),
      areaId: z.number().nullable(),
      reports: z.number(),
      supports: z.number(),
      previousReports: z.number(),
      previousSupports: z.number(),
      reportsChange: change,
    }),
  ),
  areas: z.array(z.object({ rank: z.number(), areaId: z.number(), ...kkRu('name'), ...volumes, previous: z.object(volumes), totalChange: change })),
});

const point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).describe('[longitude, latitude]') });
export const pointsBody = z.object({
  type: z.literal('FeatureCollection'),
  truncated: z.boolean().describe('more reports matched than `limit`'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: point.nullable().describe('rounded to 3 decimals (about 100 m): where the problem is, not whose door it is'),
      properties: z.object({
        id: z.number(),
        number: z.string(),
        categoryId: z.number(),
        categoryCode: z.string(),
        ...kkRu('category'),
        status: z.string(),
        filedOn: z.string(),
        supports: z.number(),
      }),
    }),
  ),
});

/** A region with its names, as the per-district map and the needs assessment give it. */
const namedRegion = { regionId: z.number(), ...kkRu('region') };

export const districtsBody = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: point.nullable().describe('the mean position of the visible reports; null when none has one'),
      properties: z.object({
        ...namedRegion,
        districtId: z.number().nullable(),
        ...kkRu('district', z.string().nullable()),
        reports: z.number().describe('filed in the period, duplicates included'),
        resolved: z.number(),
        resolvedShare: share.describe('resolved / reports without duplicates'),
        supports: z.number(),
        overdueNow: z.number(),
        located: z.number(),
      }),
    }),
  ),
});

export const needsBody = z.object({
  ...namedRegion,
  districtId: z.number().nullable(),
  firstDay: z.string(),
  lastDay: z.string(),
  lastYearFrom: z.string(),
  ...kkRu('informationSource'),
  needs: z.array(
    z.object({
      rank: z.number(),
      areaId: z.number(),
      ...kkRu('name'),
      lastYear: z.object(volumes),
      yearBefore: z.object(volumes),
      change,
      topCategories: z.array(z.object({ categoryId: z.number(), code: z.string(), ...kkRu('name'), reports: z.number(), supports: z.number() })),
      examples: z
        .array(z.object({ number: z.string(), filedOn: z.string(), ...kkRu('category'), supports: z.number(), text: z.string() }))
        .describe(
          'the most supported public report texts (not hidden, rejected or duplicate); empty for roles that may not read single reports (only operators, moderators and admins may)',
        ),
      ...kkRu('justification'),
    }),
  ),
});

export const justificationBody = z.object({
  regionId: z.number(),
  areaId: z.number(),
  firstDay: z.string(),
  lastDay: z.string(),
  justificationKk: z.string().nullable().describe('null when the area had nothing in the two years'),
  justificationRu: z.string().nullable(),
  ...kkRu('informationSource'),
});

/** The cited justification of one area, for an Annex 1 topic. */
export type Justification = z.output<typeof justificationBody>;
export type CivicControl = z.output<typeof civicControlBody>;
export type ConsultationIndicators = z.output<typeof consultationsBody>;
export type DiscussionIndicators = z.output<typeof discussionBody>;
export type PollIndicators = z.output<typeof pollsBody>;
export type VolunteeringIndicators = z.output<typeof volunteeringBody>;
export type EngagementIndicators = z.output<typeof engagementBody>;
/** The social-problem ranking: categories and the 19 areas against the previous period. */
export type ProblemRankings = z.output<typeof rankingsBody>;
/** Report points and per-district aggregates as GeoJSON. */
export type ReportPoints = z.output<typeof pointsBody>;
export type Districts = z.output<typeof districtsBody>;
export type NeedsAssessment = z.output<typeof needsBody>;
