// The social-problem map (issue 8; DOMAIN.md: the 19 areas are the needs taxonomy):
//   • rankings for the chosen region/district (or the country): problem categories by reports filed and
//     supports they gathered, and the 19 areas by reports, supports, consultation topics and discussion
//     comments, each with the previous period's figures and the change;
//   • report points as GeoJSON (RFC 7946: [longitude, latitude], WGS 84) without personal data: no author,
//     no text, no address, the position rounded to 3 decimals (~100 m); only for operators, moderators, admins; reports hidden by a moderator are left out;
//   • per-district aggregates as GeoJSON points at the mean position of the district's reports.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { localDate } from '../calendar/local-time.ts';
import { previousPeriod } from '../calendar/periods.ts';
import { invalid } from '../errors.ts';
import { filterSql, gather, num, Params, REPORT_DIMENSIONS, rows, share, type AnalyticsQuery, type QueryOptions } from './analytics-scope.ts';
import { BY_CATEGORY, BY_DISTRICT, reportSums, reportSumsSql } from './report-sums.ts';
import { round } from '../numbers.ts';
import { CONSULTATION_DIMENSIONS } from './consultation-indicators.ts';
import { TOPIC_DIMENSIONS } from './discussion-indicators.ts';
import { MAX_POINTS } from './analytics-rules.ts';

export interface Change {
  /** this period minus the previous one */
  delta: number;
  /** the change as a fraction of the previous period's; null when that was 0 */
  relative: number | null;
}

const change = (now: number, before: number): Change => ({ delta: now - before, relative: before > 0 ? round((now - before) / before, 4) : null });

export interface CategoryRank {
  rank: number;
  categoryId: number;
  code: string;
  nameKk: string;
  nameRu: string;
  areaId: number | null;
  reports: number;
  supports: number;
  previousReports: number;
  previousSupports: number;
  reportsChange: Change;
}

export interface AreaRank {
  rank: number;
  areaId: number;
  nameKk: string;
  nameRu: string;
  reports: number;
  supports: number;
  consultations: number;
  comments: number;
  /** reports + supports + consultations + comments: the volume the ranking orders by */
  total: number;
  previous: { reports: number; supports: number; consultations: number; comments: number; total: number };
  totalChange: Change;
}

export interface Rankings {
  period: { key: string; firstDay: string; lastDay: string };
  previousPeriod: { key: string; firstDay: string; lastDay: string };
  categories: CategoryRank[];
  areas: AreaRank[];
}

/** Standard competition ranking (1, 1, 3) over an already sorted list. */
function rank<T>(sorted: T[], key: (x: T) => string): Array<T & { rank: number }> {
  const out: Array<T & { rank: number }> = [];
  sorted.forEach((x, i) => out.push({ ...x, rank: i > 0 && key(sorted[i - 1]!) === key(x) ? out[i - 1]!.rank : i + 1 }));
  return out;
}

/** Counts for the period and the one before: reports from the rollup (report-sums.ts), the rest in one scan of each table. */
export async function rankings(prisma: PrismaClient, q: AnalyticsQuery, opts: QueryOptions = {}): Promise<Rankings> {
  const concurrent = opts.concurrent ?? false;
  const prev = previousPeriod(q.period);
  const window = (p: Params, col: string) => `${col} >= ${p.add(prev.from)} AND ${col} < ${p.add(q.period.to)}`;
  const cur = (p: Params, col: string) => `${col} >= ${p.add(q.period.from)}`;

  const filter = { regionId: q.regionId, districtId: q.districtId, categoryId: q.categoryId, areaId: q.areaId, departmentId: q.departmentId };
  const sums = (span: typeof prev) => () =>
    reportSums(prisma, { filter, span, group: BY_CATEGORY, columns: ['received', 'supports'], rollups: opts.rollups ?? true, nonEmpty: true });
  // Areas are narrowed like every other capability; a category filter narrows them to its area.
  const cp = new Params();
  const consultTask = () =>
    rows<{ area_id: number; n: number; pn: number }>(
      prisma,
      `SELECT t."areaId" AS area_id, count(*) FILTER (WHERE ${cur(cp, 'c.date')})::int AS n, count(*) FILTER (WHERE NOT ${cur(cp, 'c.date')})::int AS pn
     FROM "Consultation" c JOIN "ConsultationTopic" t ON t.id = c."topicId"
     WHERE ${window(cp, 'c.date')} AND t."areaId" IS NOT NULL AND ${filterSql(q, CONSULTATION_DIMENSIONS, cp)}
     GROUP BY 1`,
      cp,
    );
  const kp = new Params();
  const commentTask = () =>
    rows<{ area_id: number; n: number; pn: number }>(
      prisma,
      `SELECT t."areaId" AS area_id, count(*) FILTER (WHERE ${cur(kp, 'k."createdAt"')})::int AS n, count(*) FILTER (WHERE NOT ${cur(kp, 'k."createdAt"')})::int AS pn
     FROM "DiscussionComment" k JOIN "DiscussionTopic" t ON t.id = k."topicId"
     WHERE ${window(kp, 'k."createdAt"')} AND NOT k.hidden AND ${filterSql(q, TOPIC_DIMENSIONS, kp)}
     GROUP BY 1`,
      kp,
    );

  const [nowRows, beforeRows, consultRows, commentRows] = await gather(concurrent, [sums(q.period), sums(prev), consultTask, commentTask] as const);
  // the categories with a report in either period, as a GROUP BY over both would list them
  const byCategory = new Map<number, { n: number; s: number; pn: number; ps: number }>();
  const entry = (id: number) => byCategory.get(id) ?? byCategory.set(id, { n: 0, s: 0, pn: 0, ps: 0 }).get(id)!;
  for (const r of nowRows) Object.assign(entry(num(r.category_id)), { n: num(r.received), s: num(r.supports) });
  for (const r of beforeRows) Object.assign(entry(num(r.category_id)), { pn: num(r.received), ps: num(r.supports) });
  const categories = await prisma.category.findMany({ select: { id: true, code: true, nameKk: true, nameRu: true, areaId: true, sort: true } });
  const areas = await prisma.area.findMany({ orderBy: { id: 'asc' } });
  const categoryList = categories
    .filter((c) => byCategory.has(c.id))
    .map((c) => {
      const r = byCategory.get(c.id)!;
      return {
        categoryId: c.id,
        code: c.code,
        nameKk: c.nameKk,
        nameRu: c.nameRu,
        areaId: c.areaId,
        sort: c.sort,
        reports: num(r.n),
        supports: num(r.s),
        previousReports: num(r.pn),
        previousSupports: num(r.ps),
        reportsChange: change(num(r.n), num(r.pn)),
      };
    })
    .sort((a, b) => b.reports - a.reports || b.supports - a.supports || a.sort - b.sort);

  const zero = () => ({ reports: 0, supports: 0, consultations: 0, comments: 0 });
  const now = new Map(areas.map((a) => [a.id, zero()]));
  const before = new Map(areas.map((a) => [a.id, zero()]));
  for (const c of categoryList) {
    if (c.areaId == null) continue;
    now.get(c.areaId)!.reports += c.reports;
    now.get(c.areaId)!.supports += c.supports;
    before.get(c.areaId)!.reports += c.previousReports;
    before.get(c.areaId)!.supports += c.previousSupports;
  }
  for (const r of consultRows) {
    now.get(num(r.area_id))!.consultations += num(r.n);
    before.get(num(r.area_id))!.consultations += num(r.pn);
  }
  for (const r of commentRows) {
    now.get(num(r.area_id))!.comments += num(r.n);
    before.get(num(r.area_id))!.comments += num(r.pn);
  }
  const sum = (x: ReturnType<typeof zero>) => x.reports + x.supports + x.consultations + x.comments;
  const areaList = areas
    .map((a) => {
      const n = now.get(a.id)!;
      const b = before.get(a.id)!;
      return { areaId: a.id, nameKk: a.nameKk, nameRu: a.nameRu, ...n, total: sum(n), previous: { ...b, total: sum(b) }, totalChange: change(sum(n), sum(b)) };
    })
    .sort((a, b) => b.total - a.total || a.areaId - b.areaId);

  const span = (p: typeof prev) => ({ key: p.key, firstDay: p.firstDay, lastDay: p.lastDay });
  return {
    period: span(q.period),
    previousPeriod: span(prev),
    categories: rank(categoryList, (c) => `${c.reports}/${c.supports}`).map(({ sort: _s, ...c }) => c),
    areas: rank(areaList, (a) => String(a.total)),
  };
}

// ---- GeoJSON -------------------------------------------------------------------------------------------

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
