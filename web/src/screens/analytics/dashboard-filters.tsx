// The dashboard's filters: a period (or a custom range of days), the region, district and department (fixed
// to the reader's own scope), the area and the category. They live in the URL.
import type { Area } from '../../../../server/reference/reference-schemas.ts';
import { FilterSelect } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export interface DashboardValues {
  period: string;
  from: string;
  to: string;
  regionId: string;
  districtId: string;
  departmentId: string;
  categoryId: string;
  areaId: string;
}

/** How many years back the picker names: the quick choices, then every month, quarter, half-year and year. */
const YEARS_BACK = 5;

/**
 * Every period the dashboard can show, by name and grouped: the quick choices first, then the months of this and
 * last year, the quarters and half-years of those years and the last years, newest first and none in the future.
 * A picker, because periods are named, not typed as codes (issue 22).
 */
export function periodGroups(choices: string[]) {
  // choices[0] is this month (periodChoices), so the picker needs no clock of its own.
  const [y, m] = (choices[0] ?? '').split('-').map(Number) as [number, number];
  const months: string[] = [];
  const quarters: string[] = [];
  const halves: string[] = [];
  for (const yy of [y, y - 1]) {
    for (let mm = yy === y ? m : 12; mm >= 1; mm--) months.push(`${yy}-${String(mm).padStart(2, '0')}`);
    for (let q = yy === y ? Math.ceil(m / 3) : 4; q >= 1; q--) quarters.push(`${yy}-Q${q}`);
    for (let h = yy === y ? (m <= 6 ? 1 : 2) : 2; h >= 1; h--) halves.push(`${yy}-H${h}`);
  }
  const years = Array.from({ length: YEARS_BACK }, (_, i) => String(y - i));
  const quick = new Set(choices);
  const rest = (keys: string[]) => keys.filter((k) => !quick.has(k));
  return [
    { key: 'recent', keys: choices },
    { key: 'months', keys: rest(months) },
    { key: 'quarters', keys: rest(quarters) },
    { key: 'halves', keys: rest(halves) },
    { key: 'years', keys: rest(years) },
  ].filter((g) => g.keys.length > 0);
}

export function DashboardFilters({
  values,
  choices,
  go,
  areas,
}: {
  values: DashboardValues;
  choices: string[];
  go(patch: Record<string, string | undefined>): void;
  areas: Area[];
}) {
  const { ref, user } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const { period, from, to, regionId, districtId, departmentId, categoryId, areaId } = values;
  const region = ref.regions.find((r) => String(r.id) === regionId);
  const groups = periodGroups(choices);
  const named = groups.flatMap((g) => g.keys);
  return (
    <div class="filters">
      <select
        aria-label={t('dashboard.period')}
        name="period"
        value={named.includes(period) ? period : ''}
        onChange={(e) => go({ period: (e.target as HTMLSelectElement).value || period || choices[0], from: undefined, to: undefined })}
      >
        {!named.includes(period) && <option value="">{period ? i18n.period(period) : t('dashboard.customRange')}</option>}
        {groups.map((g) => (
          <optgroup key={g.key} label={t(`dashboard.periodGroups.${g.key}`)}>
            {g.keys.map((c) => (
              <option key={c} value={c}>
                {i18n.period(c)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
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
        options={areas.map((a) => ({ value: a.id, label: `${a.id}. ${i18n.name(a)}` }))}
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
  );
}
