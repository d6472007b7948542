// The board's filters: the search, region and district, category, department, overdue and with evidence,
// the filing dates and the order. They live in the URL, so a reload or a shared link shows the same board.
import type { RefObject } from 'preact';
import { FilterSelect } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';

export const FILTER_KEYS = ['status', 'regionId', 'districtId', 'categoryId', 'departmentId', 'overdue', 'hasEvidence', 'q', 'from', 'to', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersOf(query: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

export function ReportFilters({
  filters,
  setFilter,
  searchRef,
}: {
  filters: Filters;
  setFilter(patch: Filters): void;
  searchRef: RefObject<HTMLInputElement>;
}) {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const region = ref.regions.find((r) => String(r.id) === filters.regionId);
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()}>
      <input
        ref={searchRef}
        type="search"
        placeholder={t('reports.search')}
        aria-label={t('reports.search')}
        value={filters.q ?? ''}
        onChange={(e) => setFilter({ q: (e.target as HTMLInputElement).value || undefined })}
      />
      <FilterSelect
        label={t('reports.region')}
        value={filters.regionId ?? ''}
        anyLabel={t('reports.anyRegion')}
        options={ref.regions.map((r) => ({ value: r.id, label: i18n.name(r) }))}
        onChange={(v) => setFilter({ regionId: v || undefined })}
      />
      {region && region.districts.length > 0 && (
        <FilterSelect
          label={t('reports.district')}
          value={filters.districtId ?? ''}
          anyLabel={t('reports.anyDistrict')}
          options={region.districts.map((d) => ({ value: d.id, label: i18n.name(d) }))}
          onChange={(v) => setFilter({ districtId: v || undefined })}
        />
      )}
      <FilterSelect
        label={t('reports.category')}
        value={filters.categoryId ?? ''}
        anyLabel={t('reports.anyCategory')}
        options={ref.categories.map((c) => ({ value: c.id, label: `${c.emoji} ${i18n.name(c)}` }))}
        onChange={(v) => setFilter({ categoryId: v || undefined })}
      />
      <FilterSelect
        label={t('reports.department')}
        value={filters.departmentId ?? ''}
        anyLabel={t('reports.anyDepartment')}
        options={ref.departments.map((d) => ({ value: d.id, label: i18n.name(d) }))}
        onChange={(v) => setFilter({ departmentId: v || undefined })}
      />
      <label class="inline">
        <input
          type="checkbox"
          checked={filters.overdue === 'true'}
          onChange={(e) => setFilter({ overdue: (e.target as HTMLInputElement).checked ? 'true' : undefined })}
        />{' '}
        {t('reports.overdueOnly')}
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={filters.hasEvidence === 'true'}
          onChange={(e) => setFilter({ hasEvidence: (e.target as HTMLInputElement).checked ? 'true' : undefined })}
        />{' '}
        {t('reports.withEvidence')}
      </label>
      <label class="inline">
        {t('reports.from')}{' '}
        <input type="date" value={filters.from ?? ''} onChange={(e) => setFilter({ from: (e.target as HTMLInputElement).value || undefined })} />
      </label>
      <label class="inline">
        {t('reports.to')} <input type="date" value={filters.to ?? ''} onChange={(e) => setFilter({ to: (e.target as HTMLInputElement).value || undefined })} />
      </label>
      <select
        aria-label={t('reports.sort')}
        value={filters.sort ?? 'createdAt'}
        onChange={(e) => setFilter({ sort: (e.target as HTMLSelectElement).value === 'dueAt' ? 'dueAt' : undefined })}
      >
        <option value="createdAt">{t('reports.sortNewest')}</option>
        <option value="dueAt">{t('reports.sortDue')}</option>
      </select>
    </form>
  );
}
