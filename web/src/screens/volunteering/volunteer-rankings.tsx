// «Жомарт жүрек» awards for a district or a region and an Almaty month, quarter or year: the most active
// volunteers (people helped), the favourites (positive reviews), and the totals of the indicator "volume of
// services provided by volunteers"; the same as a spreadsheet.
import type { Rankings } from '../../../../server/volunteering/volunteering-reports-schemas.ts';
import { BarChart } from '../../charts/bar-chart.tsx';
import { useLoad } from '../../components/load.ts';
import { Empty, ErrorBox, Loading } from '../../components/layout.tsx';
import { DownloadButton, FilterSelect } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { almatyToday, exportLang } from '../screen-helpers.ts';
import { formatNumber } from '../../i18n/format.ts';

export function VolunteerRankings({ query }: { query: URLSearchParams }) {
  const { api, ref, user } = useApp();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const regionId = query.get('regionId') ?? String(user.regionId ?? ref.regions[0]?.id ?? '');
  const districtId = query.get('districtId') ?? '';
  const period = query.get('period') ?? almatyToday().slice(0, 4);
  const level = districtId ? 'district' : 'region';
  const params = { level, regionId: level === 'region' ? regionId : undefined, districtId: districtId || undefined, period };
  const validPeriod = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(period);
  const data = useLoad(
    () => (validPeriod && regionId ? api.get<Rankings>('/api/volunteering/rankings', params) : Promise.resolve(null)),
    [regionId, districtId, period],
  );
  const go = (patch: Record<string, string | undefined>) =>
    navigate(href('volunteers', { tab: 'rankings', regionId, districtId: districtId || undefined, period, ...patch }), { replace: true });
  const region = ref.regions.find((r) => String(r.id) === regionId);
  const r = data.data;
  return (
    <div data-testid="volunteer-rankings">
      <div class="filters">
        <select
          aria-label={t('volunteers.region')}
          value={regionId}
          onChange={(e) => go({ regionId: (e.target as HTMLSelectElement).value, districtId: undefined })}
        >
          {ref.regions.map((x) => (
            <option key={x.id} value={x.id}>
              {i18n.name(x)}
            </option>
          ))}
        </select>
        <FilterSelect
          label={t('volunteers.district')}
          value={districtId}
          anyLabel={t('volunteers.wholeRegion')}
          options={(region?.districts ?? []).map((d) => ({ value: d.id, label: i18n.name(d) }))}
          onChange={(v) => go({ districtId: v || undefined })}
        />
        <input
          aria-label={t('volunteers.period')}
          title={t('volunteers.periodHint')}
          placeholder="2026, 2026-Q1, 2026-03"
          value={period}
          style={{ width: '9rem' }}
          onChange={(e) => go({ period: (e.target as HTMLInputElement).value.trim() })}
        />
        {validPeriod && (
          <>
            <DownloadButton url="/api/volunteering/rankings/export" query={{ ...params, format: 'xlsx', lang: exportLang(locale) }} label="XLSX" />
            <DownloadButton url="/api/volunteering/rankings/export" query={{ ...params, format: 'csv', lang: exportLang(locale) }} label="CSV" />
          </>
        )}
      </div>
      {!validPeriod && <p class="error-box">{t('volunteers.periodHint')}</p>}
      <ErrorBox error={data.error} />
      {data.loading && !r ? (
        <Loading />
      ) : !r ? null : (
        <>
          <p class="row-meta" data-testid="ranking-totals">
            <strong>{locale === 'kk' ? r.place.kk : r.place.ru}</strong>
            <span>
              {t('volunteers.totals', { hours: r.totals.hours, people: r.totals.peopleHelped, volunteers: r.totals.volunteers, events: r.totals.events })}
            </span>
          </p>
          {r.mostActive.length === 0 ? (
            <Empty>{t('volunteers.noRanking')}</Empty>
          ) : (
            <div class="split" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(min(22rem, 100%), 1fr))' }}>
              <div class="panel">
                <h2>{t('volunteers.mostActive')}</h2>
                <BarChart
                  bars={r.mostActive.map((x) => ({ label: `${x.rank}. ${x.name}`, value: x.peopleHelped, note: t('volunteers.hoursShort', { h: x.hours }) }))}
                />
              </div>
              <div class="panel">
                <h2>{t('volunteers.favourite')}</h2>
                <BarChart
                  bars={r.favourite.map((x) => ({
                    label: `${x.rank}. ${x.name}`,
                    value: x.positiveReviews,
                    note: x.averageRating === null ? undefined : `★ ${formatNumber(x.averageRating, 1)}`,
                  }))}
                />
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
