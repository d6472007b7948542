// The initiatives of the reader's scope on a map (issue 18), coloured by state as on the portal, with the list
// beside it: the map is an addition, the list is always there.
import { useLoad } from '../../components/load.ts';
import { LoadState } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { MapView } from '../../map/map-view.tsx';
import { href, navigate } from '../../router.ts';
import { type InitiativePoints, STATUS_COLOUR } from './initiative-api.ts';
import { StatusBadge } from './initiatives-board.tsx';

export function InitiativeMap() {
  const { api } = useApp();
  const { t } = useI18n();
  const points = useLoad(() => api.get<InitiativePoints>('/api/initiatives/map'), []);
  return (
    <section class="screen" data-testid="initiative-map">
      <div class="screen-head">
        <h1>{t('ini.map')}</h1>
        <a class="button secondary" href={href('initiatives')}>
          {t('nav.initiatives')}
        </a>
      </div>
      <p class="hint">{t('ini.mapHint')}</p>
      <LoadState loaded={points} isEmpty={(d) => d.features.length === 0} emptyText={t('ini.empty')}>
        {(d) => (
          <>
            <MapView
              height={420}
              points={d.features.map((f) => ({
                lat: f.geometry.coordinates[1],
                lon: f.geometry.coordinates[0],
                label: `№${f.properties.id} ${f.properties.title} · ${t(`ini.status.${f.properties.status}`)}`,
                colour: STATUS_COLOUR[f.properties.status] ?? STATUS_COLOUR.proposed,
                href: href(`initiatives/${f.properties.id}`),
              }))}
              onOpen={(to) => navigate(to)}
            />
            <ul class="list" data-testid="initiative-map-list">
              {d.features.map((f) => (
                <li key={f.properties.id}>
                  <a href={href(`initiatives/${f.properties.id}`)}>
                    №{f.properties.id} {f.properties.title}
                  </a>{' '}
                  <StatusBadge status={f.properties.status} />
                </li>
              ))}
            </ul>
          </>
        )}
      </LoadState>
    </section>
  );
}
