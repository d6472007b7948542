// «Жомарт жүрек» for organisers: opportunities (drafts, published, cancelled) with their places and
// applications, a new opportunity, the volunteers of the organiser's scope, and the rankings of the most
// active and favourite volunteers with the totals of the indicator "volume of services provided by volunteers".
import type { Opportunity } from '../../../../server/volunteering/volunteering-schemas.ts';
import { useLoad } from '../../components/load.ts';
import { Tabs } from '../../components/layout.tsx';
import { FilterSelect, LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { OpportunityDetail } from './volunteer-opportunity.tsx';
import { OpportunityForm } from './opportunity-form.tsx';
import { VolunteerList } from './volunteer-list.tsx';
import { VolunteerRankings } from './volunteer-rankings.tsx';
import type { ScreenProps } from '../types.ts';

export function VolunteersScreen({ params, query }: ScreenProps) {
  const { t } = useI18n();
  if (params.id === 'new') return <OpportunityForm />;
  if (params.id) return <OpportunityDetail id={Number(params.id)} />;
  const tab = query.get('tab') ?? 'opportunities';
  return (
    <section class="screen" data-testid="volunteers-screen">
      <div class="screen-head">
        <h1>{t('volunteers.title')}</h1>
        <button type="button" class="primary" onClick={() => navigate(href('volunteers/new'))}>
          {t('volunteers.newOpportunity')}
        </button>
      </div>
      <Tabs
        value={tab}
        onChange={(v) => navigate(href('volunteers', { tab: v }), { replace: true })}
        tabs={[
          { value: 'opportunities', label: t('volunteers.tabOpportunities') },
          { value: 'volunteers', label: t('volunteers.tabVolunteers') },
          { value: 'rankings', label: t('volunteers.tabRankings') },
        ]}
      />
      {tab === 'opportunities' && <OpportunityList query={query} />}
      {tab === 'volunteers' && <VolunteerList />}
      {tab === 'rankings' && <VolunteerRankings query={query} />}
    </section>
  );
}

function OpportunityList({ query }: { query: URLSearchParams }) {
  const { api, ref } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const status = query.get('status') ?? '';
  const regionId = query.get('regionId') ?? '';
  const list = useLoad(
    () => api.get<{ items: Opportunity[]; total: number }>('/api/volunteering/opportunities', { status, regionId, limit: 200 }),
    [status, regionId],
  );
  const go = (patch: Record<string, string | undefined>) =>
    navigate(href('volunteers', { tab: 'opportunities', status, regionId, ...patch }), { replace: true });
  const now = Date.now();
  return (
    <>
      <div class="filters">
        <FilterSelect
          label={t('volunteers.status')}
          value={status}
          anyLabel={t('volunteers.anyStatus')}
          options={(['draft', 'published', 'cancelled'] as const).map((s) => ({ value: s, label: t(`volunteers.statuses.${s}`) }))}
          onChange={(v) => go({ status: v || undefined })}
        />
        <FilterSelect
          label={t('volunteers.region')}
          value={regionId}
          anyLabel={t('volunteers.anyRegion')}
          options={ref.regions.map((r) => ({ value: r.id, label: i18n.name(r) }))}
          onChange={(v) => go({ regionId: v || undefined })}
        />
      </div>
      <LoadState loaded={list} isEmpty={(data) => data.items.length === 0} emptyText={t('volunteers.none')}>
        {(data) => (
          <ul class="list" data-testid="opportunity-list">
            {data.items.map((o) => {
              const past = new Date(o.startsAt).getTime() < now;
              return (
                <li key={o.id} class="list-item" data-opportunity-id={o.id}>
                  <a class="item" href={href(`volunteers/${o.id}`)}>
                    <div class="row-top">
                      <span class={o.status === 'published' ? 'badge ok' : 'badge muted'}>{t(`volunteers.statuses.${o.status}`)}</span>
                      {past && o.status === 'published' && <span class="badge muted">{t('volunteers.past')}</span>}
                      <strong>{locale === 'kk' ? o.titleKk : o.titleRu}</strong>
                    </div>
                    <div class="row-meta">
                      <span>{i18n.dateTime(o.startsAt)}</span>
                      <span>{i18n.name(ref.regions.find((r) => r.id === o.regionId))}</span>
                      <span>{o.organiserName}</span>
                      {/* A past event has no free places to offer, whatever its count says. */}
                      {!past && <span>{t('volunteers.places', { left: o.placesLeft, needed: o.needed })}</span>}
                      <span>
                        {t('volunteers.appCounts', {
                          approved: o.counts.approved ?? 0,
                          applied: o.counts.applied ?? 0,
                          waitlisted: o.counts.waitlisted ?? 0,
                          attended: o.counts.attended ?? 0,
                        })}
                      </span>
                    </div>
                  </a>
                </li>
              );
            })}
          </ul>
        )}
      </LoadState>
    </>
  );
}
