// The statistics page's figures as a CSV file (/kk|ru/stats.csv?period=&region=&district=&category=): the headline
// indicators and the trend, under the page's own words, for a journalist's spreadsheet. Aggregates only, cached
// like the page.
import type { CivicControlIndicators } from '../../core/analytics/civic-control.ts';
import { parsePeriodKey } from '../../core/calendar/periods.ts';
import { toCsv } from '../../core/export/csv.ts';
import type { ExportTable } from '../../core/export/table.ts';
import { periodOptions, resolveFilter } from './filters.ts';
import type { PortalApp, PortalKit } from './portal-kit.ts';
import { statsQuery } from './portal-schemas.ts';
import type { PortalText } from './render.tsx';
import { statsGroups, type StatsGroups } from './stats-groups.ts';
import { bucketName } from './views/stats-page.tsx';

const TTL = { maxAge: 300, staleWhileRevalidate: 3600 };
const share = (v: number | null) => (v == null ? null : Math.round(v * 1000) / 10);

function groupTable(t: PortalText, g: StatsGroups): ExportTable {
  return {
    sheetName: t(`stats.by_${g.dimension}`),
    columns: [
      { header: t(`filters.${g.dimension}`) },
      { header: t('stats.received'), kind: 'number' },
      { header: t('stats.resolved'), kind: 'number' },
      { header: `${t('stats.resolved_share')}, %`, kind: 'number' },
      { header: `${t('stats.on_time_share')}, %`, kind: 'number' },
      { header: t('stats.median_days'), kind: 'number' },
    ],
    rows: g.rows.map(({ name, s }) => [name, s.received, s.resolved, share(s.resolvedShare), share(s.resolvedOnTimeShare), s.timeToResolve.medianWorkingDays]),
  };
}

function tables(t: PortalText, s: CivicControlIndicators, title: string, groups: StatsGroups | null): ExportTable[] {
  const headline: Array<[string, number | null]> = [
    [t('stats.received'), s.received],
    [t('stats.in_work'), s.byStatus.new + s.byStatus.in_work + s.byStatus.reopened],
    [t('stats.resolved'), s.resolved],
    [`${t('stats.resolved_share')}, %`, share(s.resolvedShare)],
    [`${t('stats.on_time_share')}, %`, share(s.resolvedOnTimeShare)],
    [t('stats.median_days'), s.timeToResolve.medianWorkingDays],
    [t('stats.overdue_now'), s.overdueNow],
    [t('stats.self_resolved'), s.selfResolved],
    [t('stats.supports_per_report'), s.supportsPerReport == null ? null : Math.round(s.supportsPerReport * 100) / 100],
  ];
  return [
    {
      sheetName: t('stats.caption'),
      title,
      columns: [{ header: t('stats.indicator') }, { header: t('stats.value'), kind: 'number' }],
      rows: headline,
    },
    {
      sheetName: t(`stats.trend_${s.trendUnit}`),
      columns: [{ header: t(`stats.unit_${s.trendUnit}`) }, { header: t('stats.received'), kind: 'number' }, { header: t('stats.resolved'), kind: 'number' }],
      rows: s.trend.map((p) => [bucketName(s.trendUnit, p.start), p.received, p.resolved]),
    },
    ...(groups ? [groupTable(t, groups)] : []),
  ];
}

export function statsDownloads(app: PortalApp, kit: PortalKit): void {
  const { services } = kit;
  kit.eachLang((lang, t) => {
    app.get(`/${lang}/stats.csv`, { schema: { hide: true, querystring: statsQuery } }, async (req, reply) => {
      const ref = await services.reference.get();
      const { filter, selected } = resolveFilter(ref, { ...req.query, status: undefined, period: undefined });
      const periods = periodOptions(services.now());
      const period = periods.some((p) => p.code === req.query.period) ? req.query.period! : periods[0]!.code;
      const key = `stats-csv:${lang}:${period}:${selected.region ?? ''}:${selected.district ?? ''}:${selected.category ?? ''}`;
      return kit.send(req, reply, key, async () => {
        const s = await services.portal.stats(filter, parsePeriodKey(period));
        const groups = await statsGroups(services, ref, lang, selected, filter, parsePeriodKey(period));
        const where = [selected.region, selected.district, selected.category].filter(Boolean).join(' · ');
        const csv = toCsv(tables(t, s, `${t('stats.title')} · ${period}${where ? ` · ${where}` : ''}`, groups), { separator: ';' });
        const name = `stats-${period}${selected.region ? `-${selected.region}` : ''}${selected.district ? `-${selected.district}` : ''}${selected.category ? `-${selected.category}` : ''}.csv`;
        return {
          status: 200,
          html: csv.toString('utf8'),
          type: 'text/csv; charset=utf-8',
          headers: { 'content-disposition': `attachment; filename="${name}"` },
          ...TTL,
        };
      });
    });
  });
}
