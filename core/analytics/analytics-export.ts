// The analytics as export tables (core/export): headers, indicator names and category/region/area names in
// Kazakh or Russian. The numbers are the service's own results, written as they are (shares as percent
// with two decimals), so a file says exactly what the API says for the same filters. Civic control here;
// the other capabilities in analytics-export-participation.ts, the problem map and needs in -places.ts.
import type { i18n, TFunction } from 'i18next';
import type { ExportCell, ExportTable } from '../export/table.ts';
import type { CivicControlIndicators } from './civic-control.ts';

export type Lang = 'kk' | 'ru';

/** A share (0..1) as percent with two decimals, as exports show it; empty when there is no base. */
export const percent = (share: number | null): number | null => (share == null ? null : Math.round(share * 10_000) / 100);

export interface ExportCtx {
  t: TFunction;
  lang: Lang;
  /** "… · 2026-Q1" after every sheet title */
  subtitle: string;
}

export const name = (ctx: ExportCtx, x: { nameKk: string | null; nameRu: string | null } | null | undefined) =>
  x ? ((ctx.lang === 'kk' ? x.nameKk : x.nameRu) ?? '') : '';

export function kvTable(ctx: ExportCtx, sheet: string, rows: Array<[string, ExportCell]>): ExportTable {
  return {
    sheetName: sheet,
    title: `${sheet} · ${ctx.subtitle}`,
    columns: [
      { header: ctx.t('analytics:col.indicator'), width: 60 },
      { header: ctx.t('analytics:col.value'), kind: 'number', width: 16 },
    ],
    rows: rows.map(([label, value]) => [label, value]),
  };
}

export function exportContext(i18n: i18n, lang: Lang, subtitle: string): ExportCtx {
  return { t: i18n.getFixedT(lang), lang, subtitle };
}

export function civicControlRows(ctx: ExportCtx, r: CivicControlIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  const d = (prefix: 'accept' | 'resolve', x: CivicControlIndicators['timeToAccept']): Array<[string, ExportCell]> => [
    [t(`analytics:ind.${prefix}_count`), x.count],
    [t(`analytics:ind.${prefix}_median_wd`), x.medianWorkingDays],
    [t(`analytics:ind.${prefix}_p90_wd`), x.p90WorkingDays],
    [t(`analytics:ind.${prefix}_median_h`), x.medianHours],
    [t(`analytics:ind.${prefix}_p90_h`), x.p90Hours],
  ];
  return [
    [t('analytics:ind.received'), r.received],
    ...Object.entries(r.byStatus).map(([s, n]): [string, ExportCell] => [t('analytics:ind.status', { status: t(`reports:status.${s}`) }), n]),
    [`${t('analytics:ind.resolved_share')}, %`, percent(r.resolvedShare)],
    [t('analytics:ind.with_deadline'), r.resolvedWithDeadline],
    [t('analytics:ind.on_time'), r.resolvedOnTime],
    [`${t('analytics:ind.on_time_share')}, %`, percent(r.resolvedOnTimeShare)],
    ...d('accept', r.timeToAccept),
    ...d('resolve', r.timeToResolve),
    [t('analytics:ind.overdue_now'), r.overdueNow],
    [t('analytics:ind.reopened'), r.reopened],
    [`${t('analytics:ind.reopened_share')}, %`, percent(r.reopenedShare)],
    [t('analytics:ind.rated'), r.rated],
    [t('analytics:ind.average_rating'), r.averageRating],
    [`${t('analytics:ind.satisfied_share')}, %`, percent(r.satisfiedShare)],
    [t('analytics:ind.supports'), r.supports],
    [t('analytics:ind.supports_per_report'), r.supportsPerReport],
    [t('analytics:ind.self_resolved'), r.selfResolved],
  ];
}

export function civicControlTables(ctx: ExportCtx, r: CivicControlIndicators): ExportTable[] {
  const sheet = ctx.t('analytics:capability.civic_control');
  return [
    kvTable(ctx, sheet, civicControlRows(ctx, r)),
    {
      sheetName: `${sheet} — ${ctx.t(`analytics:col.${r.trendUnit}`)}`,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: ctx.t(`analytics:col.${r.trendUnit}`), width: 14 },
        { header: ctx.t('analytics:col.received'), kind: 'number' },
        { header: ctx.t('analytics:col.resolved'), kind: 'number' },
      ],
      rows: r.trend.map((p) => [p.start, p.received, p.resolved]),
    },
  ];
}
