// «Жомарт жүрек» for organisers: the rankings of a district or region (city / oblast) for a month,
// quarter or year, as JSON or as a CSV/XLSX export in Kazakh or Russian, and a volunteer's record as a
// certificate (XLSX or CSV). A PDF is not offered: it would need a font with Kazakh letters embedded.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.ts';
import { certificateTable, rankingTables } from '../../core/volunteering/volunteer-export.ts';
import { parsePeriod, type Level } from '../../core/volunteering/volunteer-rankings.ts';
import { requireStaff, staffOf } from '../plugins/auth.ts';
import { exportFileBody, exportQuery, sendExport } from '../reply-export.ts';
import { idParam, withErrors, positiveId } from '../schemas.ts';

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
const rankingQuery = z.object(rankingFields).refine(placeGiven, placeMessage);
const rankingExportQuery = z.object({ ...rankingFields, ...exportQuery.shape }).refine(placeGiven, placeMessage);

const levelOf = (q: { level: 'region' | 'district'; regionId?: number; districtId?: number }): Level =>
  q.level === 'region' ? { level: 'region', regionId: q.regionId! } : { level: 'district', districtId: q.districtId! };

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

const rankingsBody = z.object({
  period: z.object({ key: z.string(), kind: z.enum(['month', 'quarter', 'year']), from: z.string(), to: z.string().describe('exclusive') }),
  place: z.object({ kk: z.string(), ru: z.string() }),
  mostActive: z.array(ranked).describe('most people helped; ties by hours; equal on both share a rank'),
  favourite: z.array(ranked).describe('most positive reviews; ties by average rating, then people helped; equal on all three share a rank'),
  totals: z
    .object({ hours: z.number(), peopleHelped: z.number(), volunteers: z.number(), events: z.number() })
    .describe('the indicator: volume of services provided by volunteers'),
});

export const volunteerReportRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const organiser = requireStaff(services.staff, ['project_manager']);
    const tags = ['volunteering'];
    const rankingsFor = (req: { query: z.infer<typeof rankingQuery> } & Parameters<typeof staffOf>[0]) =>
      services.volunteering.rankings(staffOf(req), levelOf(req.query), parsePeriod(req.query.period), req.query.limit);

    app.get(
      '/api/volunteering/rankings',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: '«Жомарт жүрек»: most active and favourite volunteers, and the totals',
          querystring: rankingQuery,
          response: withErrors({ 200: rankingsBody }),
        },
      },
      async (req) => {
        const r = await rankingsFor(req);
        return { ...r, period: { key: r.period.key, kind: r.period.kind, from: r.period.from.toISOString(), to: r.period.to.toISOString() } };
      },
    );

    app.get(
      '/api/volunteering/rankings/export',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: 'The rankings and totals as CSV or XLSX, in Kazakh or Russian',
          querystring: rankingExportQuery,
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => {
        const r = await rankingsFor(req);
        const t = services.i18n.getFixedT(req.query.lang);
        const place = r.place[req.query.lang];
        return sendExport(reply, {
          format: req.query.format,
          fileName: `${t('volunteering:export.sheet_active')} ${place} ${r.period.key}`,
          tables: rankingTables(t, r, place),
        });
      },
    );

    app.get(
      '/api/volunteering/volunteers/:id/certificate',
      {
        onRequest: organiser,
        schema: {
          tags,
          summary: "A volunteer's record (events, hours, people helped) as a certificate; :id is the citizen id",
          params: idParam,
          querystring: exportQuery.extend({ period: period.optional().describe('all time when absent') }),
          response: withErrors({ 200: exportFileBody }),
        },
      },
      async (req, reply) => {
        const { lang, format } = req.query;
        const c = await services.volunteering.certificate(staffOf(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : null);
        const t = services.i18n.getFixedT(lang);
        return sendExport(reply, { format, fileName: `${t('volunteering:certificate.sheet')} ${c.name}`, tables: certificateTable(t, lang, c) });
      },
    );
  };
