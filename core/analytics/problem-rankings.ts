// The social-problem ranking (issue 8; DOMAIN.md: the 19 areas are the needs taxonomy) for the chosen
// region/district (or the country): problem categories by reports filed and supports they gathered, and
// the 19 areas by reports, supports, consultation topics and discussion comments, each with the previous
// period's figures and the change.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { previousPeriod } from '../calendar/periods.ts';
import { filterSql, gather, num, Params, rows, type AnalyticsQuery, type QueryOptions } from './analytics-scope.ts';
import { BY_CATEGORY, reportSums } from './report-sums.ts';
import { round } from '../numbers.ts';
import { CONSULTATION_DIMENSIONS } from './consultation-indicators.ts';
import { TOPIC_DIMENSIONS } from './discussion-indicators.ts';
import { INITIATIVE_DIMENSIONS } from './initiative-indicators.ts';

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
  /** civic initiatives published in the period (issue 18) and residents' supports of initiatives given in it */
  initiatives: number;
  initiativeSupports: number;
  /** reports + supports + consultations + comments + initiatives + their supports: the volume the ranking orders by */
  total: number;
  previous: { reports: number; supports: number; consultations: number; comments: number; initiatives: number; initiativeSupports: number; total: number };
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

  const ip = new Params();
  const initiativeTask = () =>
    rows<{ area_id: number; n: number; pn: number; s: number; ps: number }>(
      prisma,
      `SELECT i."areaId" AS area_id,
              count(*) FILTER (WHERE i."publishedAt" IS NOT NULL AND ${window(ip, 'i."publishedAt"')} AND ${cur(ip, 'i."publishedAt"')})::int AS n,
              count(*) FILTER (WHERE i."publishedAt" IS NOT NULL AND ${window(ip, 'i."publishedAt"')} AND NOT ${cur(ip, 'i."publishedAt"')})::int AS pn,
              coalesce(sum((SELECT count(*) FROM "InitiativeFollower" f WHERE f."initiativeId" = i.id AND f.supported
                 AND ${window(ip, 'f."createdAt"')} AND ${cur(ip, 'f."createdAt"')})), 0)::int AS s,
              coalesce(sum((SELECT count(*) FROM "InitiativeFollower" f WHERE f."initiativeId" = i.id AND f.supported
                 AND ${window(ip, 'f."createdAt"')} AND NOT ${cur(ip, 'f."createdAt"')})), 0)::int AS ps
       FROM "Initiative" i
       WHERE i.status IN ('published', 'in_progress', 'implemented', 'closed') AND ${filterSql(q, INITIATIVE_DIMENSIONS, ip)}
       GROUP BY 1`,
      ip,
    );

  const [nowRows, beforeRows, consultRows, commentRows, initiativeRows] = await gather(concurrent, [
    sums(q.period),
    sums(prev),
    consultTask,
    commentTask,
    initiativeTask,
  ] as const);
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

  const zero = () => ({ reports: 0, supports: 0, consultations: 0, comments: 0, initiatives: 0, initiativeSupports: 0 });
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
  for (const r of initiativeRows) {
    now.get(num(r.area_id))!.initiatives += num(r.n);
    before.get(num(r.area_id))!.initiatives += num(r.pn);
    now.get(num(r.area_id))!.initiativeSupports += num(r.s);
    before.get(num(r.area_id))!.initiativeSupports += num(r.ps);
  }
  const sum = (x: ReturnType<typeof zero>) => x.reports + x.supports + x.consultations + x.comments + x.initiatives + x.initiativeSupports;
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
