// The civic-initiatives map's three public categories (seed 002 L829–852): residents' proposals (with their
// supports), projects being carried out (with their progress) and implemented ones (with the date), each
// on its own page with the filter form (region, district, area) and a link to the same list on the map.
import type { ComponentChildren } from 'preact';
import { formatLocalDate } from '../../../core/calendar/local-time.ts';
import type { InitiativeListItem } from '../../../core/initiatives/initiative-views.ts';
import type { Stage } from '../../../core/initiatives/initiative-rules.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';
import { type Option, Select } from './parts.tsx';

export const STAGE_SLUGS: Record<Stage, string> = { proposals: 'proposals', in_progress: 'in-progress', implemented: 'implemented' };
const SHAPE = { published: '●', in_progress: '◐', implemented: '✓' } as const;
const COLOUR = { published: 'blue', in_progress: 'amber', implemented: 'green' } as const;

/** The state as a word with its colour and a shape: colour is never the only sign (WCAG 1.4.1). */
export function InitiativeBadge({ t, status }: { t: PortalText; status: string }) {
  const s = (status in SHAPE ? status : 'published') as keyof typeof SHAPE;
  return (
    <span class={`badge ${COLOUR[s]}`}>
      <span aria-hidden="true">{SHAPE[s]}</span> {t(`initiatives-public:status.${s}`)}
    </span>
  );
}

export interface InitiativeItem extends InitiativeListItem {
  area: string;
  place: string;
}

export interface InitiativeListProps {
  lang: PortalLang;
  t: PortalText;
  stage: Stage;
  items: InitiativeItem[];
  selected: { region?: string; district?: string; area?: string };
  dropped: boolean;
  regions: Option[];
  districts: Option[];
  areas: Option[];
  page: number;
  more: boolean;
  /** the list's own path (initiatives, or initiatives/map) */
  base?: 'initiatives' | 'initiatives/map';
  children?: ComponentChildren;
}

export function InitiativeList({
  lang,
  t,
  stage,
  items,
  selected,
  dropped,
  regions,
  districts,
  areas,
  page,
  more,
  base = 'initiatives',
  children,
}: InitiativeListProps) {
  const q = (extra: Record<string, string> = {}, s: Stage = stage) => new URLSearchParams({ stage: STAGE_SLUGS[s], ...selected, ...extra }).toString();
  const tx = (key: string, o?: Record<string, unknown>) => t(`initiatives-public:${key}`, o);
  return (
    <>
      <h1>{base === 'initiatives' ? tx('title') : tx('map')}</h1>
      <p>{tx('intro')}</p>
      <nav aria-label={tx('stages')} class="tabs">
        <ul>
          {(Object.keys(STAGE_SLUGS) as Stage[]).map((s) => (
            <li key={s}>
              <a href={`/${lang}/${base}?${q({}, s)}`} aria-current={s === stage ? 'page' : undefined}>
                {tx(`stage.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="filters" method="get" action={`/${lang}/${base}`} aria-label={t('filters.title')}>
        <input type="hidden" name="stage" value={STAGE_SLUGS[stage]} />
        <Select id="region" label={t('filters.region')} all={t('filters.all')} options={regions} value={selected.region} />
        {districts.length > 0 && <Select id="district" label={t('filters.district')} all={t('filters.all')} options={districts} value={selected.district} />}
        <Select id="area" label={tx('area')} all={tx('all_areas')} options={areas} value={selected.area} />
        <div class="actions">
          <button type="submit">{t('filters.apply')}</button> <a href={`/${lang}/${base}?stage=${STAGE_SLUGS[stage]}`}>{t('filters.reset')}</a>
        </div>
      </form>
      {dropped && <p class="notice">{t('filters.dropped')}</p>}
      {base === 'initiatives' ? (
        <p>
          <a href={`/${lang}/initiatives/map?${q()}`}>{tx('map_link')}</a>
        </p>
      ) : (
        children
      )}
      <h2>{tx(`stage.${stage}`)}</h2>
      {items.length === 0 ? (
        <p>{tx('empty')}</p>
      ) : (
        <ol class="reports" aria-label={tx(`stage.${stage}`)}>
          {items.map((x) => (
            <li key={x.id}>
              <h3>
                <a href={`/${lang}/initiatives/${x.id}`}>{x.title}</a> <InitiativeBadge t={t} status={x.status} />
              </h3>
              <p class="meta">
                {tx('number', { id: x.id })} · {x.area} · {x.place}
              </p>
              <p class="meta">
                {x.status === 'in_progress' ? (
                  <>
                    {tx('progress', { percent: x.progressPercent })} <progress max={100} value={x.progressPercent} />
                  </>
                ) : x.status === 'implemented' ? (
                  <>{x.implementedAt && tx('implemented_on', { date: formatLocalDate(x.implementedAt) })}</>
                ) : (
                  <>
                    {tx('supports', { count: x.supportCount })}
                    {x.publishedAt && <> · {tx('published_on', { date: formatLocalDate(x.publishedAt) })}</>}
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {(more || page > 1) && (
        <nav aria-label={t('list.pages')} class="pages">
          {page > 1 && <a href={`/${lang}/${base}?${q()}`}>{t('list.first')}</a>}
          {more && (
            <a href={`/${lang}/${base}?${q({ page: String(page + 1) })}`} rel="next">
              {t('list.next')}
            </a>
          )}
        </nav>
      )}
    </>
  );
}
