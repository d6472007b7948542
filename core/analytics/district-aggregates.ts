// Per-district aggregates of the problem map as GeoJSON points at the mean position of the district's reports.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { filterSql, num, Params, REPORT_DIMENSIONS, rows, share, type AnalyticsQuery, type QueryOptions } from './analytics-scope.ts';
import { BY_DISTRICT, reportSumsSql } from './report-sums.ts';
import { round } from '../numbers.ts';
import type { FeatureCollection } from './report-points.ts';

export interface DistrictAggregate {
  regionId: number;
  regionKk: string;
  regionRu: string;
  districtId: number | null;
  districtKk: string | null;
  districtRu: string | null;
  reports: number;
  resolved: number;
  /** resolved / reports without duplicates, as in the civic-control indicators */
  resolvedShare: number | null;
  supports: number;
  /** of the reports filed in the period, those open and past their due time now */
  overdueNow: number;
  /** visible reports with a position, the mean of which places the point */
  located: number;
}

/** Per district (reports without a district under their region) for the period, as GeoJSON points. */
export async function districtAggregates(
  prisma: PrismaClient,
  q: AnalyticsQuery,
  now: Date,
  opts: QueryOptions = {},
): Promise<FeatureCollection<DistrictAggregate>> {
  const p = new Params();
  const filter = { regionId: q.regionId, districtId: q.districtId, categoryId: q.categoryId, areaId: q.areaId, departmentId: q.departmentId };
  // The counts and the coordinate sums from the rollup; "overdue now" depends on the moment, so it is
  // counted over the period's open reports (a partial index holds just those).
  const sums = reportSumsSql(
    {
      filter,
      span: q.period,
      group: BY_DISTRICT,
      columns: ['received', 'statusResolved', 'statusDuplicate', 'supports', 'located', 'latSum', 'lonSum'],
      rollups: opts.rollups ?? true,
      nonEmpty: true,
    },
    p,
  );
  const found = await rows<{
    region_id: number;
    region_kk: string;
    region_ru: string;
    district_id: number | null;
    district_kk: string | null;
    district_ru: string | null;
    n: number;
    resolved: number;
    duplicates: number;
    supports: number;
    overdue: number;
    located: number;
    lat: number | null;
    lon: number | null;
  }>(
    prisma,
    `WITH sums AS (${sums}),
     overdue AS (
       SELECT r."regionId" AS region_id, coalesce(r."districtId", 0) AS district_id, count(*)::int AS n FROM "Report" r
       WHERE r.status IN ('new', 'in_work', 'reopened') AND r."dueAt" < ${p.add(now)}
         AND r."createdAt" >= ${p.add(q.period.from)} AND r."createdAt" < ${p.add(q.period.to)} AND ${filterSql(q, REPORT_DIMENSIONS, p)}
       GROUP BY 1, 2
     )
     SELECT x.region_id, nullif(x.district_id, 0) AS district_id, x.received AS n, x."statusResolved" AS resolved, x."statusDuplicate" AS duplicates,
            x.supports, coalesce(o.n, 0) AS overdue, x.located,
            CASE WHEN x.located > 0 THEN x."latSum" / x.located END AS lat, CASE WHEN x.located > 0 THEN x."lonSum" / x.located END AS lon,
            g."nameKk" AS region_kk, g."nameRu" AS region_ru, d."nameKk" AS district_kk, d."nameRu" AS district_ru
     FROM sums x
     LEFT JOIN overdue o ON o.region_id = x.region_id AND o.district_id = x.district_id
     JOIN "Region" g ON g.id = x.region_id LEFT JOIN "District" d ON d.id = nullif(x.district_id, 0)
     ORDER BY g.sort, g.id, d.sort NULLS LAST, d.id NULLS LAST`,
    p,
  );
  return {
    type: 'FeatureCollection',
    features: found.map((r) => ({
      type: 'Feature',
      geometry: r.lat != null && r.lon != null ? { type: 'Point', coordinates: [round(Number(r.lon), 5), round(Number(r.lat), 5)] } : null,
      properties: {
        regionId: num(r.region_id),
        regionKk: r.region_kk,
        regionRu: r.region_ru,
        districtId: r.district_id == null ? null : num(r.district_id),
        districtKk: r.district_kk,
        districtRu: r.district_ru,
        reports: num(r.n),
        resolved: num(r.resolved),
        resolvedShare: share(num(r.resolved), num(r.n) - num(r.duplicates)),
        supports: num(r.supports),
        overdueNow: num(r.overdue),
        located: num(r.located),
      },
    })),
  };
}
