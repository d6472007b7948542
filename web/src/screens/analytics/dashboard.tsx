// The monitoring dashboard: the indicators of every capability for a period (month, quarter, half-year,
// year, Almaty time) and a region or district within the reader's scope, with charts, the problem map, the
// ranking of social problems, and every block and the whole periodic report as a spreadsheet.
import { BarChart } from '../../charts/bar-chart.tsx';
import { LineChart } from '../../charts/line-chart.tsx';
import { DownloadButton, FilterSelect, useLoad } from '../../components/ui.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { MapView } from '../../map/map-view.tsx';
import { href, navigate } from '../../router.ts';
import { almatyToday, exportLang } from '../screen-helpers.ts';
import { CivicBlock, type CivicControl } from './dashboard-civic.tsx';
import { Block, Card, Figures, pct } from './dashboard-kit.tsx';
import { districtName, DistrictsCard, NeedsCard, type Districts } from './dashboard-needs.tsx';
import type { ScreenProps } from '../types.ts';

type Share = number | null;
interface CountRow {
  key: string;
  nameKk: string | null;
  nameRu: string | null;
  count: number;
}
interface Consultations {
  count: number;
  byTopic: CountRow[];
  byChannel: CountRow[];
  medianResponseMinutes: number | null;
  averageSatisfaction: number | null;
  satisfiedShare: Share;
}
interface Discussion {
  topicsPublished: number;
  comments: number;
  participants: number;
  acceptanceRate: Share;
  reviewsDue: number;
  reviewsOnTimeShare: Share;
}
interface Polls {
  projects: {
    projectId: number;
    nameKk: string;
    nameRu: string;
    titleKk: string;
    titleRu: string;
    waves: { waveId: number; labelKk: string; labelRu: string; responses: number; index: Share; change: number | null }[];
  }[];
  beneficiaries: number;
  respondents: number;
}
interface Volunteering {
  activeVolunteers: number;
  hours: number;
  peopleHelped: number;
  events: number;
}
interface Engagement {
  activeCitizens: number;
  newCitizens: number;
  multiCapability: number;
  multiCapabilityShare: Share;
}
interface Rankings {
  categories: { rank: number; categoryId: number; nameKk: string; nameRu: string; reports: number; supports: number; reportsChange: { delta: number } }[];
  areas: { rank: number; areaId: number; nameKk: string; nameRu: string; total: number; totalChange: { delta: number } }[];
}
interface Points {
  truncated: boolean;
  features: {
    geometry: { coordinates: [number, number] } | null;
    properties: { id: number; number: string; categoryKk: string; categoryRu: string; status: string; filedOn: string };
  }[];
}

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
  const areas = useLoad(() => api.get<{ id: number; nameKk: string; nameRu: string }[]>('/api/reference/areas'), []);

  const civic = useLoad(() => api.get<CivicControl>('/api/analytics/civic-control', filter), deps);
  const consultations = useLoad(() => api.get<Consultations>('/api/analytics/consultations', filter), deps);
  const discussion = useLoad(() => api.get<Discussion>('/api/analytics/discussion', filter), deps);
  const polls = useLoad(() => api.get<Polls>('/api/analytics/polls', filter), deps);
  const volunteering = useLoad(() => api.get<Volunteering>('/api/analytics/volunteering', filter), deps);
  const engagement = useLoad(() => api.get<Engagement>('/api/analytics/engagement', filter), deps);
  const rankings = useLoad(() => api.get<Rankings>('/api/analytics/rankings', filter), deps);
  const points = useLoad(() => (seesReports ? api.get<Points>('/api/analytics/map/reports', { ...filter, limit: MAP_LIMIT }) : Promise.resolve(null)), deps);
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
      <div class="filters">
        <select
          aria-label={t('dashboard.period')}
          value={choices.includes(period) ? period : ''}
          onChange={(e) => go({ period: (e.target as HTMLSelectElement).value || period || choices[0], from: undefined, to: undefined })}
        >
          {!choices.includes(period) && <option value="">{period || t('dashboard.customRange')}</option>}
          {choices.map((c) => (
            <option key={c} value={c}>
              {t(`dashboard.periods.${c.includes('Q') ? 'quarter' : c.includes('H') ? 'half' : c.length === 4 ? 'year' : 'month'}`, { key: c })}
            </option>
          ))}
        </select>
        <input
          aria-label={t('dashboard.periodKey')}
          title={t('dashboard.periodHint')}
          placeholder="2026-Q1"
          defaultValue={period}
          style={{ width: '8rem' }}
          onChange={(e) => go({ period: (e.target as HTMLInputElement).value.trim() || undefined, from: undefined, to: undefined })}
        />
        <label class="inline">
          {t('dashboard.from')}{' '}
          <input type="date" name="from" value={from} onChange={(e) => go({ from: (e.target as HTMLInputElement).value || undefined, period: undefined })} />
        </label>
        <label class="inline">
          {t('dashboard.to')}{' '}
          <input
            type="date"
            name="to"
            value={to}
            min={from || undefined}
            disabled={!from}
            onChange={(e) => go({ to: (e.target as HTMLInputElement).value || undefined })}
          />
        </label>
        <FilterSelect
          label={t('dashboard.region')}
          name="regionId"
          disabled={!!user.regionId}
          value={regionId}
          anyLabel={t('dashboard.allRegions')}
          options={ref.regions.map((r) => ({ value: r.id, label: i18n.name(r) }))}
          onChange={(v) => go({ regionId: v || undefined, districtId: undefined })}
        />
        <FilterSelect
          label={t('dashboard.district')}
          name="districtId"
          disabled={!region || !!user.districtId}
          value={districtId}
          anyLabel={t('dashboard.allDistricts')}
          options={(region?.districts ?? []).map((d) => ({ value: d.id, label: i18n.name(d) }))}
          onChange={(v) => go({ districtId: v || undefined })}
        />
        <FilterSelect
          label={t('dashboard.department')}
          name="departmentId"
          disabled={!!user.departmentId}
          value={departmentId}
          anyLabel={t('dashboard.allDepartments')}
          options={ref.departments.map((d) => ({ value: d.id, label: i18n.name(d) }))}
          onChange={(v) => go({ departmentId: v || undefined })}
        />
        <FilterSelect
          label={t('dashboard.area')}
          name="areaId"
          value={areaId}
          anyLabel={t('dashboard.allAreas')}
          options={(areas.data ?? []).map((a) => ({ value: a.id, label: `${a.id}. ${i18n.name(a)}` }))}
          onChange={(v) => go({ areaId: v || undefined, categoryId: undefined })}
        />
        <select
          aria-label={t('dashboard.category')}
          name="categoryId"
          value={categoryId}
          onChange={(e) => go({ categoryId: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">{t('dashboard.allCategories')}</option>
          {ref.categories
            .filter((c) => !areaId || String(c.areaId) === areaId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {i18n.name(c)}
              </option>
            ))}
        </select>
      </div>

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
            <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))' }}>
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

      <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(22rem, 1fr))' }}>
        <Card title={t('dashboard.consultations')} testid="dash-consultations" exportUrl="/api/analytics/consultations/export" query={xq}>
          <Block load={consultations}>
            {(c) => (
              <>
                <Figures
                  items={[
                    [t('dashboard.count'), c.count],
                    [
                      t('dashboard.medianResponse'),
                      c.medianResponseMinutes === null ? '—' : t('dashboard.hours', { h: (c.medianResponseMinutes / 60).toFixed(1) }),
                    ],
                    [t('dashboard.satisfied'), pct(c.satisfiedShare)],
                  ]}
                />
                <BarChart bars={c.byTopic.slice(0, 6).map((x) => ({ label: name(x), value: x.count }))} />
              </>
            )}
          </Block>
        </Card>
        <Card title={t('dashboard.discussion')} testid="dash-discussion" exportUrl="/api/analytics/discussion/export" query={xq}>
          <Block load={discussion}>
            {(d) => (
              <Figures
                items={[
                  [t('dashboard.topics'), d.topicsPublished],
                  [t('dashboard.comments'), d.comments],
                  [t('dashboard.participants'), d.participants],
                  [t('dashboard.acceptance'), pct(d.acceptanceRate)],
                  [t('dashboard.reviewsOnTime'), `${pct(d.reviewsOnTimeShare)} (${d.reviewsDue})`],
                ]}
              />
            )}
          </Block>
        </Card>
        <Card title={t('dashboard.volunteering')} testid="dash-volunteering" exportUrl="/api/analytics/volunteering/export" query={xq}>
          <Block load={volunteering}>
            {(v) => (
              <Figures
                items={[
                  [t('dashboard.volunteers'), v.activeVolunteers],
                  [t('dashboard.volunteerHours'), v.hours],
                  [t('dashboard.peopleHelped'), v.peopleHelped],
                  [t('dashboard.events'), v.events],
                ]}
              />
            )}
          </Block>
        </Card>
        <Card title={t('dashboard.engagement')} testid="dash-engagement" exportUrl="/api/analytics/engagement/export" query={xq}>
          <Block load={engagement}>
            {(e) => (
              <Figures
                items={[
                  [t('dashboard.activeCitizens'), e.activeCitizens],
                  [t('dashboard.newCitizens'), e.newCitizens],
                  [t('dashboard.multi'), `${e.multiCapability} (${pct(e.multiCapabilityShare)})`],
                ]}
              />
            )}
          </Block>
        </Card>
      </div>

      <Card title={t('dashboard.polls')} testid="dash-polls" exportUrl="/api/analytics/polls/export" query={xq}>
        <Block load={polls}>
          {(p) => (
            <>
              <Figures
                items={[
                  [t('dashboard.beneficiaries'), p.beneficiaries],
                  [t('dashboard.respondents'), p.respondents],
                ]}
              />
              {p.projects.map((x) => (
                <LineChart
                  key={`${x.projectId}-${x.titleRu}`}
                  title={`${locale === 'kk' ? x.nameKk : x.nameRu} — ${locale === 'kk' ? x.titleKk : x.titleRu}`}
                  labels={x.waves.map((w) => (locale === 'kk' ? w.labelKk : w.labelRu))}
                  series={[{ name: t('dashboard.index'), values: x.waves.map((w) => (w.index === null ? null : w.index * 100)) }]}
                  max={100}
                  format={(v) => `${v.toFixed(0)}%`}
                />
              ))}
            </>
          )}
        </Block>
      </Card>
    </section>
  );
}
