// The analytics as export tables (core/export): headers, indicator names and category/region/area names in
// Kazakh or Russian. The numbers are the service's own results, written as they are (shares as percent
// with two decimals), so a file says exactly what the API says for the same filters.
import type { i18n, TFunction } from 'i18next';
import type { ExportCell, ExportTable } from '../export/table.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { ALL_AGE_BRACKETS } from '../projects/age-brackets.ts';
import type { CivicControlIndicators } from './civic-control.ts';
import type { ConsultationIndicators } from './consultation-indicators.ts';
import type { DiscussionIndicators } from './discussion-indicators.ts';
import type { EngagementIndicators } from './engagement-indicators.ts';
import type { NeedsAssessment } from './needs-assessment.ts';
import type { PollIndicators } from './poll-indicators.ts';
import type { DistrictAggregate, FeatureCollection, Rankings, ReportPointProperties } from './problem-map.ts';
import type { VolunteerIndicators } from './volunteer-indicators.ts';
import { CAPABILITIES } from './engagement-indicators.ts';

export type Lang = 'kk' | 'ru';

/** A share (0..1) as percent with two decimals, as exports show it; empty when there is no base. */
export const percent = (share: number | null): number | null => (share == null ? null : Math.round(share * 10_000) / 100);

interface Ctx {
  t: TFunction;
  lang: Lang;
  /** "… · 2026-Q1" after every sheet title */
  subtitle: string;
}

const name = (ctx: Ctx, x: { nameKk: string | null; nameRu: string | null } | null | undefined) => (x ? ((ctx.lang === 'kk' ? x.nameKk : x.nameRu) ?? '') : '');

function kvTable(ctx: Ctx, sheet: string, rows: Array<[string, ExportCell]>): ExportTable {
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

export function exportContext(i18n: i18n, lang: Lang, subtitle: string): Ctx {
  return { t: i18n.getFixedT(lang), lang, subtitle };
}

export function civicControlRows(ctx: Ctx, r: CivicControlIndicators): Array<[string, ExportCell]> {
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

export function civicControlTables(ctx: Ctx, r: CivicControlIndicators): ExportTable[] {
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

export function consultationRows(ctx: Ctx, r: ConsultationIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  return [
    [t('analytics:ind.consultations'), r.count],
    ...r.byTopic.map((x): [string, ExportCell] => [`${t('analytics:col.topic')}: ${name(ctx, x)}`, x.count]),
    ...r.byTargetGroup.map((x): [string, ExportCell] => [`${t('analytics:col.target_group')}: ${t(`consultations:group.${x.key}`)}`, x.count]),
    ...r.byChannel.map((x): [string, ExportCell] => [`${t('analytics:col.channel')}: ${t(`consultations:channel.${x.key}`)}`, x.count]),
    [t('analytics:ind.responded'), r.responded],
    [t('analytics:ind.median_response'), r.medianResponseMinutes],
    [t('analytics:ind.rated'), r.rated],
    [t('analytics:ind.average_satisfaction'), r.averageSatisfaction],
    [`${t('analytics:ind.satisfied_share')}, %`, percent(r.satisfiedShare)],
  ];
}

export function discussionRows(ctx: Ctx, r: DiscussionIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  return [
    [t('analytics:ind.topics_published'), r.topicsPublished],
    [t('analytics:ind.comments'), r.comments],
    [t('analytics:ind.participants'), r.participants],
    [t('analytics:ind.decided'), r.decided],
    [t('analytics:ind.accepted'), r.accepted],
    [t('analytics:ind.partly_accepted'), r.partlyAccepted],
    [t('analytics:ind.rejected'), r.rejected],
    [`${t('analytics:ind.acceptance_rate')}, %`, percent(r.acceptanceRate)],
    [t('analytics:ind.reviews_due'), r.reviewsDue],
    [t('analytics:ind.reviews_on_time'), r.reviewsOnTime],
    [`${t('analytics:ind.reviews_on_time_share')}, %`, percent(r.reviewsOnTimeShare)],
  ];
}

export function volunteerRows(ctx: Ctx, r: VolunteerIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  return [
    [t('analytics:ind.active_volunteers'), r.activeVolunteers],
    [t('analytics:ind.hours'), r.hours],
    [t('analytics:ind.people_helped'), r.peopleHelped],
    [t('analytics:ind.events'), r.events],
  ];
}

export function engagementRows(ctx: Ctx, r: EngagementIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  return [
    [t('analytics:ind.active_citizens'), r.activeCitizens],
    [t('analytics:ind.new_citizens'), r.newCitizens],
    [t('analytics:ind.multi_capability'), r.multiCapability],
    [`${t('analytics:ind.multi_capability_share')}, %`, percent(r.multiCapabilityShare)],
    ...CAPABILITIES.map((c): [string, ExportCell] => [t('analytics:ind.active_in', { capability: t(`analytics:capability.${c}`) }), r.byCapability[c]]),
  ];
}

export const consultationTables = (ctx: Ctx, r: ConsultationIndicators) => [
  kvTable(ctx, ctx.t('analytics:capability.consultations'), consultationRows(ctx, r)),
];
export const discussionTables = (ctx: Ctx, r: DiscussionIndicators) => [kvTable(ctx, ctx.t('analytics:capability.discussion'), discussionRows(ctx, r))];
export const volunteerTables = (ctx: Ctx, r: VolunteerIndicators) => [kvTable(ctx, ctx.t('analytics:capability.volunteering'), volunteerRows(ctx, r))];
export const engagementTables = (ctx: Ctx, r: EngagementIndicators) => [kvTable(ctx, ctx.t('analytics:capability.engagement'), engagementRows(ctx, r))];

function coverageLabel(ctx: Ctx, dimension: string, code: string): string {
  if (code === 'unknown') return ctx.t('analytics:unknown');
  if (dimension === 'gender') return ctx.t(`analytics:gender.${code}`);
  if (dimension === 'ageBracket') {
    const b = ALL_AGE_BRACKETS.find((x) => x.code === code);
    return b ? (ctx.lang === 'kk' ? b.labelKk : b.labelRu) : code;
  }
  const s = socialStatuses.find((x) => x.code === code);
  return s ? (ctx.lang === 'kk' ? s.nameKk : s.nameRu) : code;
}

export function pollTables(ctx: Ctx, r: PollIndicators): ExportTable[] {
  const { t } = ctx;
  const sheet = t('analytics:capability.polls');
  return [
    {
      sheetName: sheet,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: t('analytics:col.project'), width: 40 },
        { header: t('analytics:col.poll'), width: 30 },
        { header: t('analytics:col.wave'), width: 18 },
        { header: t('analytics:col.responses'), kind: 'number' },
        { header: t('analytics:col.answers'), kind: 'number' },
        { header: t('analytics:col.positive'), kind: 'number' },
        { header: `${t('analytics:col.index')}, %`, kind: 'number' },
        { header: `${t('analytics:col.index_change')}, %`, kind: 'number' },
      ],
      rows: r.projects.flatMap((p) =>
        p.waves.map((w): ExportCell[] => [
          ctx.lang === 'kk' ? p.nameKk : p.nameRu,
          ctx.lang === 'kk' ? p.titleKk : p.titleRu,
          ctx.lang === 'kk' ? w.labelKk : w.labelRu,
          w.responses,
          w.answers,
          w.positive,
          percent(w.index),
          percent(w.change),
        ]),
      ),
    },
    {
      sheetName: `${sheet} — ${t('analytics:col.beneficiaries')}`,
      title: `${sheet} · ${ctx.subtitle}`,
      columns: [
        { header: t('analytics:col.dimension'), width: 20 },
        { header: t('analytics:col.group'), width: 40 },
        { header: t('analytics:col.beneficiaries'), kind: 'number' },
        { header: t('analytics:col.respondents'), kind: 'number' },
      ],
      rows: r.coverage.map((c) => [t(`analytics:dimension.${c.dimension}`), coverageLabel(ctx, c.dimension, c.code), c.beneficiaries, c.respondents]),
    },
  ];
}

export function rankingTables(ctx: Ctx, r: Rankings): ExportTable[] {
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

export function districtTables(ctx: Ctx, r: FeatureCollection<DistrictAggregate>): ExportTable[] {
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

export function pointTables(ctx: Ctx, r: FeatureCollection<ReportPointProperties>): ExportTable[] {
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

export function needsTables(ctx: Ctx, r: NeedsAssessment): ExportTable[] {
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
