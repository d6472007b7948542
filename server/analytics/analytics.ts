// Monitoring and needs-assessment analytics for staff: every indicator for a period (month, quarter,
// half-year, year or a range of days, Almaty time) and a region/district, category/area and department,
// always within the caller's own scope; each also as CSV or XLSX in Kazakh or Russian, and everything for a
// region and period as one workbook (the periodic report).
import type { z } from 'zod';
import { resolvePeriod } from '../../core/calendar/periods.ts';
import { civicControlTables, exportContext, type Lang } from '../../core/analytics/analytics-export.ts';
import { consultationTables, discussionTables, engagementTables, pollTables, volunteerTables } from '../../core/analytics/analytics-export-participation.ts';
import { districtTables, needsTables, pointTables, rankingTables } from '../../core/analytics/analytics-export-places.ts';
import { initiativeTables } from '../../core/analytics/initiative-indicators.ts';
import type { AnalyticsRequest } from '../../core/analytics/analytics-service.ts';
import { ANALYTICS_ROLES, REPORT_DETAIL_ROLES } from '../../core/analytics/analytics-scope.ts';
import { parseBbox } from '../../core/analytics/report-points.ts';
import type { ExportTable } from '../../core/export/table.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { staffOf } from '../plugins/auth.ts';
import { sendExport } from '../reply-export.ts';
import { routeModule } from '../route-kit.ts';
import { exportFileBody, exportQuery } from '../schemas.ts';
import * as b from './analytics-schemas.ts';

type FilterQuery = z.output<typeof b.filterQuery>;

const exported = <T extends z.ZodObject>(q: T) => q.extend(exportQuery.shape);

export const analyticsRoutes = routeModule('analytics', ANALYTICS_ROLES, (app, { guard: reader, guardFor, opts }, services) => {
  // single reports (map points and their export) only for the roles the reports API shows them to
  const reportReader = guardFor(REPORT_DETAIL_ROLES);
  const a = services.analytics;
  const request = (q: FilterQuery): AnalyticsRequest => {
    const { period, from, to, ...filter } = q;
    return { ...filter, period: resolvePeriod({ period, from, to }, services.now()) };
  };
  const subtitle = (q: FilterQuery) => request(q).period.key;
  const send = (reply: Parameters<typeof sendExport>[0], format: 'csv' | 'xlsx', tables: ExportTable[]) =>
    sendExport(reply, { format, fileName: tables[0]!.sheetName, tables });

  /** A JSON route and its /export twin for one indicator set. */
  function indicator<Q extends z.ZodObject, R>(
    path: string,
    summary: string,
    query: Q,
    body: z.ZodType,
    compute: (req: Parameters<typeof staffOf>[0], q: z.infer<Q>) => Promise<R>,
    tables: (lang: Lang, sub: string, r: R) => ExportTable[],
    guard = reader,
  ) {
    app.get(path, opts(summary, { querystring: query, response: body }, guard), async (req) => compute(req, req.query as z.infer<Q>) as never);
    app.get(`${path}/export`, opts(`${summary}: CSV or XLSX`, { querystring: exported(query), response: exportFileBody }, guard), async (req, reply) => {
      const { format, lang, ...q } = req.query as z.infer<Q> & { format: 'csv' | 'xlsx'; lang: Lang };
      const r = await compute(req, q as never);
      return send(reply, format, tables(lang, subtitle(q as FilterQuery), r));
    });
  }
  const ctx = (lang: Lang, sub: string) => exportContext(services.i18n, lang, sub);
  /** An indicator set read with the shared filter: the service's reading and its export tables. */
  function filtered<R>(
    path: string,
    summary: string,
    body: z.ZodType,
    compute: (staff: ReturnType<typeof staffOf>, r: AnalyticsRequest) => Promise<R>,
    tables: (c: ReturnType<typeof ctx>, r: R) => ExportTable[],
  ) {
    indicator(
      path,
      summary,
      b.filterQuery,
      body,
      (req, q) => compute(staffOf(req), request(q)),
      (lang, sub, r) => tables(ctx(lang, sub), r),
    );
  }

  indicator(
    '/api/analytics/civic-control',
    '«Азаматтық бақылау»: received, statuses, deadlines, response times, satisfaction, trend',
    b.civicQuery,
    b.civicControlBody,
    (req, q) => a.civicControl(staffOf(req), request(q), q.trend),
    (lang, sub, r) => civicControlTables(ctx(lang, sub), r),
  );
  filtered(
    '/api/analytics/consultations',
    'Resource-centre consultations: by topic, target group and channel; first response; satisfaction',
    b.consultationsBody,
    a.consultations,
    consultationTables,
  );
  filtered(
    '/api/analytics/discussion',
    'Public discussion: topics, comments, participants, acceptance, reviews on time',
    b.discussionBody,
    a.discussion,
    discussionTables,
  );
  filtered(
    '/api/analytics/polls',
    'Polls: satisfaction index per project and wave with its change; coverage of beneficiaries',
    b.pollsBody,
    a.polls,
    pollTables,
  );
  filtered('/api/analytics/volunteering', 'Volunteering: active volunteers, hours, people helped', b.volunteeringBody, a.volunteering, volunteerTables);
  filtered(
    '/api/analytics/initiatives',
    'Civic initiatives: people served, implemented with civil society and with patrons, volunteer events, public rating',
    b.initiativesBody,
    a.initiatives,
    initiativeTables,
  );
  filtered(
    '/api/analytics/engagement',
    'Engagement: active and new citizens, use of more than one capability',
    b.engagementBody,
    a.engagement,
    engagementTables,
  );
  filtered(
    '/api/analytics/rankings',
    'Social-problem ranking: categories and the 19 areas with the change against the previous period',
    b.rankingsBody,
    a.rankings,
    rankingTables,
  );
  filtered('/api/analytics/map/districts', 'Per-district aggregates as GeoJSON points', b.districtsBody, a.districts, districtTables);
  indicator(
    '/api/analytics/map/reports',
    'Report points as GeoJSON (positions to ~100 m), without personal data; hidden reports left out; operators, moderators and admins only',
    b.pointsQuery,
    b.pointsBody,
    (req, q) => a.reportPoints(staffOf(req), request(q), { limit: q.limit, bbox: q.bbox ? parseBbox(q.bbox) : undefined }),
    (lang, sub, r) => pointTables(ctx(lang, sub), r),
    reportReader,
  );

  const needs = (req: Parameters<typeof staffOf>[0], q: z.output<typeof b.needsQuery>) =>
    a.needsAssessment(staffOf(req), { regionId: q.regionId, districtId: q.districtId, departmentId: q.departmentId, lastDay: q.to, limit: q.limit });
  app.get(
    '/api/analytics/needs-assessment',
    opts('Needs assessment of a region over two years: top needs by area with evidence and a ready-to-cite justification', {
      querystring: b.needsQuery,
      response: b.needsBody,
    }),
    async (req) => needs(req, req.query),
  );
  app.get(
    '/api/analytics/needs-assessment/export',
    opts('The needs assessment as CSV or XLSX', { querystring: b.needsQuery.extend(exportQuery.shape), response: exportFileBody }),
    async (req, reply) => {
      const { format, lang, ...q } = req.query;
      const r = await needs(req, q);
      return send(reply, format, needsTables(ctx(lang, ''), r));
    },
  );
  app.get(
    '/api/analytics/needs-assessment/justification',
    opts('The "justification with information source" of one area, to cite in an Annex 1 topic', {
      querystring: b.justificationQuery,
      response: b.justificationBody,
    }),
    async (req) =>
      a.justification(staffOf(req), {
        regionId: req.query.regionId,
        districtId: req.query.districtId,
        departmentId: req.query.departmentId,
        areaId: req.query.areaId,
        lastDay: req.query.to,
      }),
  );

  app.get(
    '/api/analytics/report',
    opts('The periodic report: one XLSX workbook (or CSV) with a sheet per capability for a region and period', {
      querystring: b.filterQuery.extend(exportQuery.shape),
      response: exportFileBody,
    }),
    async (req, reply) => {
      const { format, lang, ...q } = req.query;
      const r = await a.periodicReport(staffOf(req), request(q));
      const c = ctx(lang, r.query.period.key);
      const tables = [
        ...civicControlTables(c, r.civic),
        ...consultationTables(c, r.consultations),
        ...discussionTables(c, r.discussion),
        ...pollTables(c, r.polls),
        ...volunteerTables(c, r.volunteering),
        ...initiativeTables(c, r.initiatives),
        ...engagementTables(c, r.engagement),
        ...rankingTables(c, r.rankings),
        ...districtTables(c, r.districts),
      ];
      const t = services.i18n.getFixedT(lang);
      const scope = r.place
        ? [r.place.region, ...(r.place.district ? [r.place.district] : [])].map((p) => localName(p, lang)).join(', ')
        : t('analytics:national');
      const title = t('analytics:report_title', { scope, period: r.query.period.key });
      return sendExport(reply, { format, fileName: title, tables, xlsx: { title } });
    },
  );
});
