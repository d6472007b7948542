// Report points as GeoJSON (RFC 7946: [longitude, latitude], WGS 84) without personal data: no author, no
// text, no address, the position rounded to 3 decimals (~100 m); only for operators, moderators and admins;
// reports hidden by a moderator are left out.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { localDate } from '../calendar/local-time.ts';
import { invalid } from '../errors.ts';
import { filterSql, num, Params, REPORT_DIMENSIONS, rows, type AnalyticsQuery } from './analytics-scope.ts';
import { round } from '../numbers.ts';
import { MAX_POINTS } from './analytics-rules.ts';

export interface PointFeature<P> {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: P;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Array<PointFeature<P>>;
}

export interface ReportPointProperties {
  id: number;
  number: string;
  categoryId: number;
  categoryCode: string;
  categoryKk: string;
  categoryRu: string;
  status: string;
  /** the Almaty day it was filed */
  filedOn: string;
  supports: number;
}

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function parseBbox(value: string): BBox {
  const parts = value.split(',').map((x) => Number(x.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts as BBox;
  const ok =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon <= maxLon &&
    minLat <= maxLat;
  if (!ok) throw invalid('analytics.bad_bbox');
  return [minLon, minLat, maxLon, maxLat];
}

/** The newest `limit` reports filed in the period with a position; `truncated` when there were more. */
export async function reportPoints(
  prisma: PrismaClient,
  q: AnalyticsQuery,
  opts: { limit: number; bbox?: BBox },
): Promise<FeatureCollection<ReportPointProperties> & { truncated: boolean }> {
  const p = new Params();
  const bbox = opts.bbox
    ? ` AND r.lon BETWEEN ${p.add(opts.bbox[0])}::float8 AND ${p.add(opts.bbox[2])}::float8 AND r.lat BETWEEN ${p.add(opts.bbox[1])}::float8 AND ${p.add(opts.bbox[3])}::float8`
    : '';
  const limit = Math.min(Math.max(1, Math.floor(opts.limit)), MAX_POINTS);
  const found = await rows<{
    id: number;
    number: string;
    category_id: number;
    code: string;
    name_kk: string;
    name_ru: string;
    status: string;
    created_at: Date;
    supports: number;
    lat: number;
    lon: number;
  }>(
    prisma,
    `SELECT r.id, r.number, r."categoryId" AS category_id, k.code, k."nameKk" AS name_kk, k."nameRu" AS name_ru, r.status::text AS status,
            r."createdAt" AS created_at, r."supportCount" AS supports, r.lat, r.lon
     FROM "Report" r JOIN "Category" k ON k.id = r."categoryId"
     WHERE r."createdAt" >= ${p.add(q.period.from)} AND r."createdAt" < ${p.add(q.period.to)} AND NOT r.hidden
       AND r.lat IS NOT NULL AND r.lon IS NOT NULL AND ${filterSql(q, REPORT_DIMENSIONS, p)}${bbox}
     ORDER BY r."createdAt" DESC, r.id DESC LIMIT ${limit + 1}`,
    p,
  );
  return {
    type: 'FeatureCollection',
    truncated: found.length > limit,
    features: found.slice(0, limit).map((r) => ({
      type: 'Feature',
      // ~100 m: enough to see where problems gather, too coarse to point at one home (a yard, an entrance).
      geometry: { type: 'Point', coordinates: [round(Number(r.lon), 3), round(Number(r.lat), 3)] },
      properties: {
        id: num(r.id),
        number: r.number,
        categoryId: num(r.category_id),
        categoryCode: r.code,
        categoryKk: r.name_kk,
        categoryRu: r.name_ru,
        status: r.status,
        filedOn: localDate(new Date(r.created_at)),
        supports: num(r.supports),
      },
    })),
  };
}
