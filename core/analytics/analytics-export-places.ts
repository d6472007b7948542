// The problem map and the needs assessment as export tables: the rankings of categories and areas, the
// district aggregates, the report points and the needs with their justification.
import type { ExportTable } from '../export/table.ts';
import type { NeedsAssessment } from './needs-assessment.ts';
import type { DistrictAggregate } from './district-aggregates.ts';
import type { Rankings } from './problem-rankings.ts';
import type { FeatureCollection, ReportPointProperties } from './report-points.ts';
import { name, percent, type ExportCtx } from './analytics-export.ts';

export function rankingTables(ctx: ExportCtx, r: Rankings): ExportTable[] {
  const { t } = ctx;
  const sheet = t('analytics:capability.rankings');
  return [
    {
      sheetName: `${sheet} — ${t('analytics:col.category')}`,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: t('analytics:col.rank'), kind: 'number', width: 8 },
        { header: t('analytics:col.category'), width: 40 },
        { header: t('analytics:col.reports'), kind: 'number' },
        { header: t('analytics:col.supports'), kind: 'number' },
        { header: t('analytics:col.previous_reports'), kind: 'number' },
        { header: t('analytics:col.previous_supports'), kind: 'number' },
        { header: t('analytics:col.change'), kind: 'number' },
        { header: t('analytics:col.change_share'), kind: 'number' },
      ],
      rows: r.categories.map((c) => [
        c.rank,
        name(ctx, c),
        c.reports,
        c.supports,
        c.previousReports,
        c.previousSupports,
        c.reportsChange.delta,
        percent(c.reportsChange.relative),
      ]),
    },
    {
      sheetName: `${sheet} — ${t('analytics:col.area')}`,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: t('analytics:col.rank'), kind: 'number', width: 8 },
        { header: t('analytics:col.area'), width: 50 },
        { header: t('analytics:col.reports'), kind: 'number' },
        { header: t('analytics:col.supports'), kind: 'number' },
        { header: t('analytics:col.consultations'), kind: 'number' },
        { header: t('analytics:col.comments'), kind: 'number' },
        { header: t('analytics:col.total'), kind: 'number' },
        { header: t('analytics:col.previous_total'), kind: 'number' },
        { header: t('analytics:col.change'), kind: 'number' },
        { header: t('analytics:col.change_share'), kind: 'number' },
      ],
      rows: r.areas.map((a) => [
        a.rank,
        name(ctx, a),
        a.reports,
        a.supports,
        a.consultations,
        a.comments,
        a.total,
        a.previous.total,
        a.totalChange.delta,
        percent(a.totalChange.relative),
      ]),
    },
  ];
}

export function districtTables(ctx: ExportCtx, r: FeatureCollection<DistrictAggregate>): ExportTable[] {
  const { t } = ctx;
  const sheet = t('analytics:capability.districts');
  return [
    {
      sheetName: sheet,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: t('analytics:col.region'), width: 30 },
        { header: t('analytics:col.district'), width: 30 },
        { header: t('analytics:col.reports'), kind: 'number' },
        { header: t('analytics:col.resolved'), kind: 'number' },
        { header: `${t('analytics:col.resolved_share')}, %`, kind: 'number' },
        { header: t('analytics:col.supports'), kind: 'number' },
        { header: t('analytics:col.overdue_now'), kind: 'number' },
        { header: t('analytics:col.located'), kind: 'number' },
      ],
      rows: r.features.map(({ properties: d }) => [
        ctx.lang === 'kk' ? d.regionKk : d.regionRu,
        (ctx.lang === 'kk' ? d.districtKk : d.districtRu) ?? '',
        d.reports,
        d.resolved,
        percent(d.resolvedShare),
        d.supports,
        d.overdueNow,
        d.located,
      ]),
    },
  ];
}

export function pointTables(ctx: ExportCtx, r: FeatureCollection<ReportPointProperties>): ExportTable[] {
  const { t } = ctx;
  const sheet = t('analytics:col.reports');
  return [
    {
      sheetName: sheet,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: '№', width: 18 },
        { header: t('analytics:col.category'), width: 36 },
        { header: t('analytics:col.status'), width: 20 },
        { header: t('analytics:col.filed_on'), width: 12 },
        { header: t('analytics:col.supports'), kind: 'number' },
        { header: 'lat', kind: 'number' },
        { header: 'lon', kind: 'number' },
      ],
      rows: r.features.map(({ geometry, properties: p }) => [
        p.number,
        ctx.lang === 'kk' ? p.categoryKk : p.categoryRu,
        t(`reports:status.${p.status}`),
        p.filedOn,
        p.supports,
        geometry?.coordinates[1] ?? null,
        geometry?.coordinates[0] ?? null,
      ]),
    },
  ];
}

export function needsTables(ctx: ExportCtx, r: NeedsAssessment): ExportTable[] {
  const { t, lang } = ctx;
  const sheet = t('analytics:capability.needs');
  return [
    {
      sheetName: sheet,
      title: `${sheet} · ${lang === 'kk' ? r.regionKk : r.regionRu} · ${r.firstDay}–${r.lastDay}`,
      columns: [
        { header: t('analytics:col.rank'), kind: 'number', width: 8 },
        { header: t('analytics:col.area'), width: 40 },
        { header: t('analytics:col.year_last'), kind: 'number' },
        { header: t('analytics:col.year_before'), kind: 'number' },
        { header: t('analytics:col.change_share'), kind: 'number' },
        { header: t('analytics:col.reports'), kind: 'number' },
        { header: t('analytics:col.supports'), kind: 'number' },
        { header: t('analytics:col.consultations'), kind: 'number' },
        { header: t('analytics:col.comments'), kind: 'number' },
        { header: t('analytics:col.category'), width: 40 },
        { header: t('analytics:col.evidence'), width: 60 },
        { header: t('analytics:col.justification'), width: 80 },
        { header: t('analytics:col.source'), width: 50 },
      ],
      rows: r.needs.map((n) => [
        n.rank,
        lang === 'kk' ? n.nameKk : n.nameRu,
        n.lastYear.total,
        n.yearBefore.total,
        percent(n.change.relative),
        n.lastYear.reports,
        n.lastYear.supports,
        n.lastYear.consultations,
        n.lastYear.comments,
        n.topCategories.map((c) => `${lang === 'kk' ? c.nameKk : c.nameRu} (${c.reports})`).join('; '),
        n.examples.map((e) => `${e.number}, ${e.filedOn}: ${e.text}`).join('\n'),
        lang === 'kk' ? n.justificationKk : n.justificationRu,
        lang === 'kk' ? r.informationSourceKk : r.informationSourceRu,
      ]),
    },
  ];
}
