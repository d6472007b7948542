// The needs assessment of a region's population over two years (DOMAIN.md § Public discussion: "inputs to
// topic planning include population needs assessment (at least once every 2 years)"): the areas of the 19
// ranked by what people brought in the last year (reports, supports, consultations, discussion comments),
// each with the year before for the trend, its most frequent problem categories and examples of public
// report texts (never hidden, rejected or duplicate ones, never the author; only for staff who may read
// single reports), and a ready-to-cite "justification with its
// information source" for an Annex 1 topic in Kazakh and Russian.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { addDays, formatLocalDate, isDateString, localDate, localMidnight } from '../calendar/local-time.ts';
import { dayRange, previousPeriod } from '../calendar/periods.ts';
import { notFound } from '../errors.ts';
import { clip } from '../text.ts';
import { num, Params, rows, type AnalyticsFilter } from './analytics-scope.ts';
import { rankings, type AreaRank, type CategoryRank, type Change } from './problem-rankings.ts';

export interface NeedExample {
  number: string;
  filedOn: string;
  categoryKk: string;
  categoryRu: string;
  supports: number;
  text: string;
}

export interface Need {
  rank: number;
  areaId: number;
  nameKk: string;
  nameRu: string;
  lastYear: { reports: number; supports: number; consultations: number; comments: number; initiatives: number; initiativeSupports: number; total: number };
  yearBefore: { reports: number; supports: number; consultations: number; comments: number; initiatives: number; initiativeSupports: number; total: number };
  change: Change;
  topCategories: Array<Pick<CategoryRank, 'categoryId' | 'code' | 'nameKk' | 'nameRu' | 'reports' | 'supports'>>;
  examples: NeedExample[];
  justificationKk: string;
  justificationRu: string;
}

export interface NeedsAssessment {
  regionId: number;
  regionKk: string;
  regionRu: string;
  districtId: number | null;
  /** the two years: the year before and the last year, Almaty days */
  firstDay: string;
  lastDay: string;
  lastYearFrom: string;
  informationSourceKk: string;
  informationSourceRu: string;
  needs: Need[];
}

const EXAMPLES = 3;
const TOP_CATEGORIES = 3;
const EXAMPLE_CHARS = 280;

function changeText(t: (key: string, opts?: Record<string, unknown>) => string, c: Change): string {
  if (c.delta === 0) return t('analytics:change_same');
  if (c.relative == null) return t('analytics:change_new');
  // A decimal comma in both languages, without depending on the ICU data of the Node build.
  const pct = `${String(Math.abs(Math.round(c.relative * 1000) / 10)).replace('.', ',')}%`;
  return t(c.delta > 0 ? 'analytics:change_up' : 'analytics:change_down', { value: pct });
}

/**
 * The assessment for a region (optionally a district) and the two years ending on `lastDay`
 * (today when absent). `filter` is already scoped; `limit` areas at most, those with anything at all.
 */
export async function needsAssessment(
  prisma: PrismaClient,
  i18n: i18n,
  filter: AnalyticsFilter & { regionId: number },
  /** examples: whether the caller may read single reports' texts (else every need has none) */
  opts: { lastDay: string; limit: number; concurrent?: boolean; rollups?: boolean; examples?: boolean },
): Promise<NeedsAssessment> {
  const region = await prisma.region.findUnique({ where: { id: filter.regionId } });
  if (!region) throw notFound('not_found');
  // The last year: the 365/366 days ending on lastDay; the year before: as many days just before it.
  const [y, md] = [Number(opts.lastDay.slice(0, 4)), opts.lastDay.slice(4)];
  const yearAgo = isDateString(`${y - 1}${md}`) ? `${y - 1}${md}` : `${y - 1}-02-28`;
  const lastYearFrom = addDays(yearAgo, 1);
  const lastYear = dayRange(lastYearFrom, opts.lastDay);
  const yearBefore = previousPeriod(lastYear);
  const q = { ...filter, period: lastYear };
  const ranked = await rankings(prisma, q, { concurrent: opts.concurrent, rollups: opts.rollups });

  const needs = ranked.areas.filter((a) => a.total > 0 || a.previous.total > 0).slice(0, opts.limit);
  const areaIds = needs.map((a) => a.areaId);
  const p = new Params();
  const examples =
    areaIds.length && opts.examples !== false
      ? await rows<{ area_id: number; number: string; created_at: Date; name_kk: string; name_ru: string; supports: number; description: string }>(
          prisma,
          // An area's most supported reports are among its categories' most supported ones: each category's
          // few are read in index order (regionId, categoryId, supportCount, createdAt, id), not the whole
          // two years of the region sorted.
          `SELECT * FROM (
           SELECT k."areaId" AS area_id, r.number, r."createdAt" AS created_at, k."nameKk" AS name_kk, k."nameRu" AS name_ru, r."supportCount" AS supports, r.description,
                  row_number() OVER (PARTITION BY k."areaId" ORDER BY r."supportCount" DESC, r."createdAt" DESC, r.id DESC) AS n
           FROM "Category" k CROSS JOIN LATERAL (
             SELECT r.id, r.number, r."createdAt", r."supportCount", r.description FROM "Report" r
             WHERE r."regionId" = ${p.add(filter.regionId)}::int AND r."categoryId" = k.id
               AND r."createdAt" >= ${p.add(yearBefore.from)} AND r."createdAt" < ${p.add(lastYear.to)} AND NOT r.hidden AND r.status NOT IN ('duplicate', 'rejected')
               ${filter.districtId != null ? `AND r."districtId" = ${p.add(filter.districtId)}::int` : ''}
               ${filter.departmentId != null ? `AND r."departmentId" = ${p.add(filter.departmentId)}::int` : ''}
             ORDER BY r."supportCount" DESC, r."createdAt" DESC, r.id DESC LIMIT ${EXAMPLES}
           ) r
           WHERE k."areaId" = ANY(${p.add(`{${areaIds.join(',')}}`)}::int[])
         ) x WHERE n <= ${EXAMPLES} ORDER BY area_id, n`,
          p,
        )
      : [];

  const district = filter.districtId != null ? await prisma.district.findUnique({ where: { id: filter.districtId } }) : null;
  const place = (lang: 'kk' | 'ru') =>
    [lang === 'kk' ? region.nameKk : region.nameRu, district ? (lang === 'kk' ? district.nameKk : district.nameRu) : null].filter(Boolean).join(', ');
  const dates = { from: formatLocalDate(yearBefore.from), to: formatLocalDate(localMidnight(lastYear.lastDay)) };
  const source = (lang: 'kk' | 'ru') => i18n.getFixedT(lang)('analytics:source', { region: place(lang), ...dates });

  const text = (lang: 'kk' | 'ru', a: AreaRank, top: Need['topCategories']) => {
    const t = i18n.getFixedT(lang);
    const list = top.map((c) => `${lang === 'kk' ? c.nameKk : c.nameRu} (${c.reports})`).join(', ');
    return t('analytics:justification', {
      region: place(lang),
      ...dates,
      area: lang === 'kk' ? a.nameKk : a.nameRu,
      reports: a.reports,
      supports: a.supports,
      consultations: a.consultations,
      comments: a.comments,
      // Civic initiatives are named only when there are some (issue 18): older justifications read as before.
      initiatives:
        a.initiatives + a.initiativeSupports > 0 ? t('analytics:justification_initiatives', { n: a.initiatives, supports: a.initiativeSupports }) : '',
      total: a.total,
      previous: a.previous.total,
      change: changeText(t, a.totalChange),
      categories: top.length ? t('analytics:justification_categories', { list }) : '',
    });
  };

  return {
    regionId: region.id,
    regionKk: region.nameKk,
    regionRu: region.nameRu,
    districtId: district?.id ?? null,
    firstDay: yearBefore.firstDay,
    lastDay: lastYear.lastDay,
    lastYearFrom: lastYear.firstDay,
    informationSourceKk: source('kk'),
    informationSourceRu: source('ru'),
    needs: needs.map((a) => {
      const topCategories = ranked.categories
        .filter((c) => c.areaId === a.areaId && c.reports > 0)
        .slice(0, TOP_CATEGORIES)
        .map(({ categoryId, code, nameKk, nameRu, reports, supports }) => ({ categoryId, code, nameKk, nameRu, reports, supports }));
      const { previous, totalChange, rank, areaId, nameKk, nameRu, reports, supports, consultations, comments, initiatives, initiativeSupports, total } = a;
      return {
        rank,
        areaId,
        nameKk,
        nameRu,
        lastYear: { reports, supports, consultations, comments, initiatives, initiativeSupports, total },
        yearBefore: previous,
        change: totalChange,
        topCategories,
        examples: examples
          .filter((e) => num(e.area_id) === areaId)
          .map((e) => ({
            number: e.number,
            filedOn: localDate(new Date(e.created_at)),
            categoryKk: e.name_kk,
            categoryRu: e.name_ru,
            supports: num(e.supports),
            text: clip(e.description, EXAMPLE_CHARS),
          })),
        justificationKk: text('kk', a, topCategories),
        justificationRu: text('ru', a, topCategories),
      };
    }),
  };
}
