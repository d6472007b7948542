// The volunteer rankings API's shapes («Жомарт жүрек»): the place and period asked for, the two rankings
// and the totals.
import { z } from 'zod';
import { exportQuery, localizedText, positiveId } from '../schemas.ts';

const id = positiveId;
const period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/)
  .describe('2026 (year), 2026-Q1 (quarter) or 2026-03 (month), in Almaty time');

const rankingFields = {
  level: z.enum(['region', 'district']).describe('region: a city of republican significance or an oblast'),
  regionId: id.optional().describe('for level=region'),
  districtId: id.optional().describe('for level=district'),
  period,
  limit: z.coerce.number().int().min(1).max(100).default(10).describe('ranks shown (everyone sharing the last rank is shown)'),
};
const placeGiven = (q: { level: string; regionId?: number; districtId?: number }) =>
  q.level === 'region' ? q.regionId !== undefined : q.districtId !== undefined;
const placeMessage = 'regionId (level=region) or districtId (level=district) is required';
export const rankingQuery = z.object(rankingFields).refine(placeGiven, placeMessage);
export const rankingExportQuery = z.object({ ...rankingFields, ...exportQuery.shape }).refine(placeGiven, placeMessage);

const ranked = z.object({
  rank: z.number(),
  citizenId: z.number(),
  name: z.string(),
  events: z.number(),
  hours: z.number(),
  peopleHelped: z.number(),
  positiveReviews: z.number().describe('reviews rated 4 or 5'),
  reviews: z.number(),
  averageRating: z.number().nullable(),
});

export const rankingsBody = z.object({
  period: z.object({ key: z.string(), kind: z.enum(['month', 'quarter', 'year']), from: z.string(), to: z.string().describe('exclusive') }),
  place: localizedText,
  mostActive: z.array(ranked).describe('most people helped; ties by hours; equal on both share a rank'),
  favourite: z.array(ranked).describe('most positive reviews; ties by average rating, then people helped; equal on all three share a rank'),
  totals: z
    .object({ hours: z.number(), peopleHelped: z.number(), volunteers: z.number(), events: z.number() })
    .describe('the indicator: volume of services provided by volunteers'),
});

export const certificateQuery = exportQuery.extend({ period: period.optional().describe('all time when absent') });

/** «Жомарт жүрек»: the most active and favourite volunteers of a place and period, and the totals. */
export type Rankings = z.output<typeof rankingsBody>;
