// «Жомарт жүрек» for organisers: the rankings of a district or region (city / oblast) for a month,
// quarter or year, as JSON or as a CSV/XLSX export in Kazakh or Russian, and a volunteer's record as a
// certificate (XLSX or CSV). A PDF is not offered: it would need a font with Kazakh letters embedded.
import type { z } from 'zod';
import { certificateTable, rankingTables } from '../../core/volunteering/volunteer-export.ts';
import { parsePeriod, type Level } from '../../core/volunteering/volunteer-rankings.ts';
import { staffOf } from '../plugins/auth.ts';
import { exportFile } from '../reply-export.ts';
import { routeModule } from '../route-kit.ts';
import { exportFileBody, idParam } from '../schemas.ts';
import { certificateQuery, rankingExportQuery, rankingQuery, rankingsBody } from './volunteering-reports-schemas.ts';

const levelOf = (q: { level: 'region' | 'district'; regionId?: number; districtId?: number }): Level =>
  q.level === 'region' ? { level: 'region', regionId: q.regionId! } : { level: 'district', districtId: q.districtId! };

export const volunteerReportRoutes = routeModule('volunteering', 'manager', (app, { opts }, services) => {
  const rankingsFor = (req: { query: z.output<typeof rankingQuery> } & Parameters<typeof staffOf>[0]) =>
    services.volunteering.rankings(staffOf(req), levelOf(req.query), parsePeriod(req.query.period), req.query.limit);

  app.get(
    '/api/volunteering/rankings',
    opts('«Жомарт жүрек»: most active and favourite volunteers, and the totals', { querystring: rankingQuery, response: rankingsBody }),
    async (req) => {
      const r = await rankingsFor(req);
      return { ...r, period: { key: r.period.key, kind: r.period.kind, from: r.period.from.toISOString(), to: r.period.to.toISOString() } };
    },
  );

  app.get(
    '/api/volunteering/rankings/export',
    opts('The rankings and totals as CSV or XLSX, in Kazakh or Russian', { querystring: rankingExportQuery, response: exportFileBody }),
    exportFile(services.i18n, async (req, lang, t) => {
      const r = await rankingsFor(req);
      const place = r.place[lang];
      return { fileName: `${t('volunteering:export.sheet_active')} ${place} ${r.period.key}`, tables: rankingTables(t, r, place) };
    }),
  );

  app.get(
    '/api/volunteering/volunteers/:id/certificate',
    opts("A volunteer's record (events, hours, people helped) as a certificate; :id is the citizen id", {
      params: idParam,
      querystring: certificateQuery,
      response: exportFileBody,
    }),
    exportFile(services.i18n, async (req, lang, t) => {
      const c = await services.volunteering.certificate(staffOf(req), req.params.id, req.query.period ? parsePeriod(req.query.period) : null);
      return { fileName: `${t('volunteering:certificate.sheet')} ${c.name}`, tables: certificateTable(t, lang, c) };
    }),
  );
});
