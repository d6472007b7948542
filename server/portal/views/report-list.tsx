// The list of public reports, newest first, with the filter form (a plain GET form: no JavaScript) and a keyset
// "next page" link. No totals: a country-wide count would cost a scan on every miss.
import type { ComponentChildren } from 'preact';
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { PublicReportSummary } from '../../../core/reports/report-public.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import { type Option, Select } from './parts.tsx';
import { StatusBadge } from './status-badge.tsx';

export interface ReportListProps {
  lang: PortalLang;
  t: PortalText;
  items: Array<PublicReportSummary & { category: string; place: string }>;
  nextHref: string | null;
  firstHref: string | null;
  dropped: boolean;
  selected: { region?: string; district?: string; category?: string; status?: string; period?: string };
  regions: Option[];
  districts: Option[];
  categories: Option[];
  periods: Option[];
  /** the page the form and its links stay on: the list, or the map over the same list */
  base?: 'reports' | 'map';
  /** shown between the form and the list (the map) */
  children?: ComponentChildren;
}

export function ReportList(p: ReportListProps) {
  const { t, lang } = p;
  const statuses: Option[] = (['open', 'resolved', 'closed'] as const).map((s) => ({ code: s, name: t(`group.${s}`) }));
  const base = p.base ?? 'reports';
  return (
    <>
      <h1>{t(base === 'map' ? 'map.title' : 'list.title')}</h1>
      <p>{t('intro')}</p>
      <form class="filters" method="get" action={`/${lang}/${base}`} aria-label={t('filters.title')}>
        <Select id="region" label={t('filters.region')} value={p.selected.region} options={p.regions} all={t('filters.all')} />
        {p.districts.length > 0 && (
          <Select id="district" label={t('filters.district')} value={p.selected.district} options={p.districts} all={t('filters.all')} />
        )}
        <Select id="category" label={t('filters.category')} value={p.selected.category} options={p.categories} all={t('filters.all')} />
        <Select id="status" label={t('filters.status')} value={p.selected.status} options={statuses} all={t('filters.all')} />
        <Select id="period" label={t('filters.period')} value={p.selected.period} options={p.periods} all={t('filters.all_time')} />
        <div class="actions">
          <button type="submit">{t('filters.apply')}</button>
          <a href={`/${lang}/${base}`}>{t('filters.reset')}</a>
        </div>
      </form>
      {p.dropped && (
        <p class="notice" role="status">
          {t('filters.dropped')}
        </p>
      )}
      {p.children}
      {p.items.length === 0 ? (
        <p>{t('list.empty')}</p>
      ) : (
        <ol class="reports" aria-label={t('list.caption')}>
          {p.items.map((r) => (
            <li key={r.number}>
              <h2>
                <a href={`/${lang}/reports/${r.number}`}>{r.number}</a> <StatusBadge colour={r.colour} status={r.status} t={t} />
              </h2>
              <p class="meta">
                {r.category} · {r.place}
              </p>
              <p>{r.summary}</p>
              <p class="meta">
                {t('list.filed', { date: formatLocalDate(r.createdAt) })} · {t('list.supports', { count: r.supportCount })}
              </p>
            </li>
          ))}
        </ol>
      )}
      {(p.nextHref || p.firstHref) && (
        <nav aria-label={t('list.pages')} class="pages">
          {p.firstHref && <a href={p.firstHref}>{t('list.first')}</a>}
          {p.nextHref && (
            <a href={p.nextHref} rel="next">
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
