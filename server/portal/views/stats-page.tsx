// The public civic-control indicators of a period (issue 17: "a mechanism for citizens to assess the efficiency of
// state bodies"): the analytics API's figures as an admin sees them, aggregates only, as a plain table.
import { formatLocalDateTime } from '../../../core/calendar/local-time.ts';
import type { CivicControlIndicators } from '../../../core/analytics/civic-control.ts';
import type { InitiativeIndicators } from '../../../core/analytics/initiative-indicators.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import type { StatsGroups } from '../stats-groups.ts';
import { FigureTable, type Option, Select } from './parts.tsx';
import { InitiativeStats } from './stats-initiatives.tsx';

export interface StatsPageProps {
  lang: PortalLang;
  t: PortalText;
  s: CivicControlIndicators;
  /** the civic-initiatives programme's indicators for the same period, region and district */
  initiatives: InitiativeIndicators;
  periods: Option[];
  selected: { period: string; region?: string; district?: string; category?: string };
  regions: Option[];
  districts: Option[];
  categories: Option[];
  asOf: Date;
  /** the same figures as a CSV file */
  csvHref: string;
  /** the figures one level down (regions, districts or categories) */
  groups: StatsGroups | null;
  /** the page of one group (regions and districts link to theirs) */
  groupHref(code: string): string | null;
}

function Groups({ lang, t, groups, href }: { lang: PortalLang; t: PortalText; groups: StatsGroups; href: (code: string) => string | null }) {
  const locale = lang === 'kk' ? 'kk-KZ' : 'ru-RU';
  const n = (v: number | null, digits = 0) => (v == null ? t('stats.none') : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v));
  const pct = (v: number | null) => (v == null ? t('stats.none') : `${n(v * 100, 1)} %`);
  return (
    // A wide table scrolls inside its own box on a phone; the box takes the keyboard focus so it scrolls without a mouse.
    <div class="scroll" tabIndex={0} role="region" aria-label={t(`stats.by_${groups.dimension}`)}>
      <table class="stats groups">
        <caption>{t(`stats.by_${groups.dimension}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`filters.${groups.dimension}`)}</th>
            <th scope="col">{t('stats.received')}</th>
            <th scope="col">{t('stats.resolved')}</th>
            <th scope="col">{t('stats.resolved_share')}</th>
            <th scope="col">{t('stats.on_time_share')}</th>
            <th scope="col">{t('stats.median_days')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.rows.map(({ code, name, s }) => {
            const link = href(code);
            return (
              <tr key={code}>
                <th scope="row">{link ? <a href={link}>{name}</a> : name}</th>
                <td>{n(s.received)}</td>
                <td>{n(s.resolved)}</td>
                <td>{pct(s.resolvedShare)}</td>
                <td>{pct(s.resolvedOnTimeShare)}</td>
                <td>{n(s.timeToResolve.medianWorkingDays, 1)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The headline figures as [label, value] in the page's language: the page's table and the CSV say the same. */
export function headlineRows(t: PortalText, lang: PortalLang, s: CivicControlIndicators): Array<[string, string]> {
  const locale = lang === 'kk' ? 'kk-KZ' : 'ru-RU';
  const n = (v: number | null, digits = 0) => (v == null ? t('stats.none') : new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v));
  const pct = (v: number | null) => (v == null ? t('stats.none') : `${n(v * 100, 1)} %`);
  const inWork = s.byStatus.new + s.byStatus.in_work + s.byStatus.reopened;
  return [
    [t('stats.received'), n(s.received)],
    [t('stats.in_work'), n(inWork)],
    [t('stats.resolved'), n(s.resolved)],
    [t('stats.resolved_share'), pct(s.resolvedShare)],
    [t('stats.on_time_share'), pct(s.resolvedOnTimeShare)],
    [t('stats.median_days'), n(s.timeToResolve.medianWorkingDays, 1)],
    [t('stats.overdue_now'), n(s.overdueNow)],
    [t('stats.self_resolved'), n(s.selfResolved)],
    [t('stats.supports_per_report'), n(s.supportsPerReport, 2)],
  ];
}

/** A trend bucket's name: 03.2026 for a month, the week's first day for a week. */
export const bucketName = (unit: CivicControlIndicators['trendUnit'], start: string) =>
  unit === 'month' ? `${start.slice(5, 7)}.${start.slice(0, 4)}` : `${start.slice(8, 10)}.${start.slice(5, 7)}.${start.slice(0, 4)}`;

/** A bar's width class, in steps of 5 % (no inline styles: the CSP allows none). */
const width = (v: number, max: number) => `w${max === 0 ? 0 : Math.round((v / max) * 20) * 5}`;

function Trend({ t, s }: { t: PortalText; s: CivicControlIndicators }) {
  const max = Math.max(0, ...s.trend.map((p) => p.received));
  return (
    <table class="stats trend">
      <caption>{t(`stats.trend_${s.trendUnit}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`stats.unit_${s.trendUnit}`)}</th>
          <th scope="col">{t('stats.received')}</th>
          <th scope="col">{t('stats.resolved')}</th>
        </tr>
      </thead>
      <tbody>
        {s.trend.map((p) => (
          <tr key={p.start}>
            <th scope="row">{bucketName(s.trendUnit, p.start)}</th>
            <td>
              {p.received}
              <span class={`bar ${width(p.received, max)}`} aria-hidden="true" />
            </td>
            <td>
              {p.resolved}
              <span class={`bar done ${width(p.resolved, max)}`} aria-hidden="true" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatsPage({ lang, t, s, initiatives, periods, selected, regions, districts, categories, asOf, csvHref, groups, groupHref }: StatsPageProps) {
  const rows = headlineRows(t, lang, s);
  return (
    <>
      <h1>{t('stats.title')}</h1>
      <form class="filters" method="get" action={`/${lang}/stats`} aria-label={t('filters.title')}>
        <Select id="period" label={t('stats.period')} value={selected.period} options={periods} />
        <Select id="region" label={t('filters.region')} value={selected.region} options={regions} all={t('filters.all')} />
        {districts.length > 0 && <Select id="district" label={t('filters.district')} value={selected.district} options={districts} all={t('filters.all')} />}
        <Select id="category" label={t('filters.category')} value={selected.category} options={categories} all={t('filters.all')} />
        <div class="actions">
          <button type="submit">{t('filters.apply')}</button>
          <a href={`/${lang}/stats`}>{t('filters.reset')}</a>
        </div>
      </form>
      <FigureTable caption={t('stats.caption')} head={[t('stats.indicator'), t('stats.value')]} rows={rows} />
      {groups && <Groups lang={lang} t={t} groups={groups} href={groupHref} />}
      {s.trend.length > 1 && <Trend t={t} s={s} />}
      <InitiativeStats lang={lang} t={t} r={initiatives} category={selected.category !== undefined} />
      <p>
        <a href={csvHref} download>
          {t('stats.csv')}
        </a>
      </p>
      <p class="meta">{t('stats.note')}</p>
      <p class="meta">{t('stats.as_of', { time: formatLocalDateTime(asOf) })}</p>
    </>
  );
}
