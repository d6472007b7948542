// The monitoring dashboard: the indicators of every capability for a period (month, quarter, half-year,
// year, Almaty time) and a region or district within the reader's scope, with charts, the problem map, the
// ranking of social problems, and every block and the whole periodic report as a spreadsheet.
import type { CivicControl, Districts, ProblemRankings, ReportPoints } from '../../../../server/analytics/analytics-schemas.ts';
import type { Area } from '../../../../server/reference/reference-schemas.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { useLoad } from '../../components/load.ts';
import { DownloadButton } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { MapView } from '../../map/map-view.tsx';
import { href, navigate } from '../../router.ts';
import { almatyToday, exportLang } from '../screen-helpers.ts';
import { CivicBlock } from './dashboard-civic.tsx';
import { DashboardFilters } from './dashboard-filters.tsx';
import { Block, Card, pct } from './dashboard-kit.tsx';
import { districtName, DistrictsCard, NeedsCard } from './dashboard-needs.tsx';
import { ParticipationCards } from './dashboard-participation.tsx';
import type { ScreenProps } from '../types.ts';

/** The period keys offered in the picker: this and last month, this quarter, this half-year, this and last year. */
export function periodChoices(today = almatyToday()) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const month = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}`;
  const prev = m === 1 ? month(y - 1, 12) : month(y, m - 1);
  return [month(y, m), prev, `${y}-Q${Math.ceil(m / 3)}`, `${y}-H${m <= 6 ? 1 : 2}`, String(y), String(y - 1)];
}

/** Reports on the problem map, newest first; its export gives the same ones. */
const MAP_LIMIT = 2000;

const STATUS_COLOUR: Record<string, string> = { new: '#d62728', in_work: '#d62728', reopened: '#d62728', resolved: '#2e7d32' };

export function DashboardScreen({ query }: ScreenProps) {
  const { api, ref, user, hasRole } = useApp();
  // Single reports on the map only for the roles the reports API shows them to; others see districts.
  const seesReports = hasRole('operator', 'moderator');
  const i18n = useI18n();
  const { t, locale } = i18n;
  const choices = periodChoices();
  // A custom range (from/to) replaces the period; region, district and department start at the reader's own scope.
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const period = from ? '' : (query.get('period') ?? choices[0]!);
  const regionId = query.get('regionId') ?? (user.regionId ? String(user.regionId) : '');
  const districtId = query.get('districtId') ?? (user.districtId ? String(user.districtId) : '');
  const departmentId = query.get('departmentId') ?? (user.departmentId ? String(user.departmentId) : '');
  const categoryId = query.get('categoryId') ?? '';
  const areaId = query.get('areaId') ?? '';
  const current = {
    period: period || undefined,
    from: from || undefined,
    to: (from && to) || undefined,
    regionId: regionId || undefined,
    districtId: districtId || undefined,
    departmentId: departmentId || undefined,
    categoryId: categoryId || undefined,
    areaId: areaId || undefined,
  };
  const filter = current;
  const deps = Object.values(current);
  const go = (patch: Record<string, string | undefined>) => navigate(href('dashboard', { ...current, ...patch }), { replace: true });
  const lang = exportLang(locale);
  const xq = { ...filter, format: 'xlsx', lang };
  const areas = useLoad(() => api.get<Area[]>('/api/reference/areas'), []);

  const civic = useLoad(() => api.get<CivicControl>('/api/analytics/civic-control', filter), deps);
  const rankings = useLoad(() => api.get<ProblemRankings>('/api/analytics/rankings', filter), deps);
  const points = useLoad(
    () => (seesReports ? api.get<ReportPoints>('/api/analytics/map/reports', { ...filter, limit: MAP_LIMIT }) : Promise.resolve(null)),
    deps,
  );
  const districts = useLoad(() => api.get<Districts>('/api/analytics/map/districts', filter), deps);
  const region = ref.regions.find((r) => String(r.id) === regionId);
  const center: [number, number] | undefined = region?.lat != null && region.lon != null ? [region.lat, region.lon] : undefined;
  const name = (x: { nameKk: string | null; nameRu: string | null }) => (locale === 'kk' ? x.nameKk : x.nameRu) ?? '—';

  return (
    <section class="screen" data-testid="dashboard">
      <div class="screen-head">
        <h1>{t('dashboard.title')}</h1>
        <DownloadButton url="/api/analytics/report" query={xq} label={t('dashboard.report')} />
      </div>
      <DashboardFilters
        values={{ period, from, to, regionId, districtId, departmentId, categoryId, areaId }}
        choices={choices}
        go={go}
        areas={areas.data ?? []}
      />

      <CivicBlock load={civic} query={xq} />

      {seesReports ? (
        <Card title={t('dashboard.map')} testid="dash-map" exportUrl="/api/analytics/map/reports/export" query={{ ...xq, limit: MAP_LIMIT }}>
          <Block load={points}>
            {(p) =>
              p && (
                <>
                  <MapView
                    height={380}
                    center={center}
                    zoom={region ? 10 : 5}
                    points={p.features
                      .filter((f) => f.geometry)
                      .map((f) => ({
                        lat: f.geometry!.coordinates[1],
                        lon: f.geometry!.coordinates[0],
                        label: `${f.properties.number} · ${locale === 'kk' ? f.properties.categoryKk : f.properties.categoryRu} · ${t(`status.${f.properties.status}`)}`,
                        colour: STATUS_COLOUR[f.properties.status] ?? '#7f7f7f',
                        href: href(`reports/${f.properties.id}`),
                      }))}
                    onOpen={(h) => navigate(h)}
                  />
                  <p class="hint">{t('dashboard.mapHint', { n: p.features.filter((f) => f.geometry).length, all: p.features.length })}</p>
                </>
              )
            }
          </Block>
        </Card>
      ) : (
        <Card title={t('dashboard.map')} testid="dash-map" exportUrl="/api/analytics/map/districts/export" query={xq}>
          <Block load={districts}>
            {(d) => (
              <>
                <MapView
                  height={380}
                  center={center}
                  zoom={region ? 9 : 5}
                  points={d.features
                    .filter((f) => f.geometry && f.properties.reports > 0)
                    .map((f) => ({
                      lat: f.geometry!.coordinates[1],
                      lon: f.geometry!.coordinates[0],
                      label: `${districtName(f.properties, locale)}: ${f.properties.reports} · ${pct(f.properties.resolvedShare)}`,
                      colour: f.properties.overdueNow > 0 ? '#d62728' : '#2e7d32',
                    }))}
                />
                <p class="hint">{t('dashboard.mapDistrictsHint')}</p>
              </>
            )}
          </Block>
        </Card>
      )}

      <DistrictsCard districts={districts} xq={xq} />

      <NeedsCard
        regionId={regionId || undefined}
        districtId={districtId || undefined}
        departmentId={departmentId || undefined}
        to={(from && to) || undefined}
        lang={lang}
      />

      <Card title={t('dashboard.rankings')} testid="dash-rankings" exportUrl="/api/analytics/rankings/export" query={xq}>
        <Block load={rankings}>
          {(r) => (
            <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(22rem, 100%), 1fr))' }}>
              <BarChart
                title={t('dashboard.topCategories')}
                bars={r.categories
                  .slice(0, 8)
                  .map((c) => ({ label: name(c), value: c.reports, note: `${c.reportsChange.delta >= 0 ? '+' : ''}${c.reportsChange.delta}` }))}
              />
              <BarChart
                title={t('dashboard.topAreas')}
                bars={r.areas
                  .slice(0, 8)
                  .map((a) => ({ label: name(a), value: a.total, note: `${a.totalChange.delta >= 0 ? '+' : ''}${a.totalChange.delta}` }))}
              />
            </div>
          )}
        </Block>
      </Card>

      <ParticipationCards filter={filter} deps={deps} xq={xq} />
    </section>
  );
}
