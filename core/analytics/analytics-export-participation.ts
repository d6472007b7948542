// The participation capabilities as export tables: consultations, discussion, volunteering, engagement
// and polls (one key-value sheet each, polls with their index, coverage and waves).
import type { ExportCell, ExportTable } from '../export/table.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { ALL_AGE_BRACKETS } from '../projects/age-brackets.ts';
import type { ConsultationIndicators } from './consultation-indicators.ts';
import type { DiscussionIndicators } from './discussion-indicators.ts';
import type { EngagementIndicators } from './engagement-indicators.ts';
import type { PollIndicators } from './poll-indicators.ts';
import type { VolunteerIndicators } from './volunteer-indicators.ts';
import { CAPABILITIES } from './engagement-indicators.ts';
import { kvTable, name, percent, type ExportCtx } from './analytics-export.ts';

export function consultationRows(ctx: ExportCtx, r: ConsultationIndicators): Array<[string, ExportCell]> {
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

export function discussionRows(ctx: ExportCtx, r: DiscussionIndicators): Array<[string, ExportCell]> {
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

export function volunteerRows(ctx: ExportCtx, r: VolunteerIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  return [
    [t('analytics:ind.active_volunteers'), r.activeVolunteers],
    [t('analytics:ind.hours'), r.hours],
    [t('analytics:ind.people_helped'), r.peopleHelped],
    [t('analytics:ind.events'), r.events],
  ];
}

export function engagementRows(ctx: ExportCtx, r: EngagementIndicators): Array<[string, ExportCell]> {
  const { t } = ctx;
  return [
    [t('analytics:ind.active_citizens'), r.activeCitizens],
    [t('analytics:ind.new_citizens'), r.newCitizens],
    [t('analytics:ind.multi_capability'), r.multiCapability],
    [`${t('analytics:ind.multi_capability_share')}, %`, percent(r.multiCapabilityShare)],
    ...CAPABILITIES.map((c): [string, ExportCell] => [t('analytics:ind.active_in', { capability: t(`analytics:capability.${c}`) }), r.byCapability[c]]),
  ];
}

export const consultationTables = (ctx: ExportCtx, r: ConsultationIndicators) => [
  kvTable(ctx, ctx.t('analytics:capability.consultations'), consultationRows(ctx, r)),
];
export const discussionTables = (ctx: ExportCtx, r: DiscussionIndicators) => [kvTable(ctx, ctx.t('analytics:capability.discussion'), discussionRows(ctx, r))];
export const volunteerTables = (ctx: ExportCtx, r: VolunteerIndicators) => [kvTable(ctx, ctx.t('analytics:capability.volunteering'), volunteerRows(ctx, r))];
export const engagementTables = (ctx: ExportCtx, r: EngagementIndicators) => [kvTable(ctx, ctx.t('analytics:capability.engagement'), engagementRows(ctx, r))];

function coverageLabel(ctx: ExportCtx, dimension: string, code: string): string {
  if (code === 'unknown') return ctx.t('analytics:unknown');
  if (dimension === 'gender') return ctx.t(`analytics:gender.${code}`);
  if (dimension === 'ageBracket') {
    const b = ALL_AGE_BRACKETS.find((x) => x.code === code);
    return b ? (ctx.lang === 'kk' ? b.labelKk : b.labelRu) : code;
  }
  const s = socialStatuses.find((x) => x.code === code);
  return s ? (ctx.lang === 'kk' ? s.nameKk : s.nameRu) : code;
}

export function pollTables(ctx: ExportCtx, r: PollIndicators): ExportTable[] {
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
