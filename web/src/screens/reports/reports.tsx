// The reports triage board: filters and per-status counts as the API gives them, the list with status
// colours (in work red, resolved green), due times and overdue badges, and the selected report's detail
// beside it. Filters live in the URL, so a reload or a shared link shows the same board.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useShortcuts, type Shortcut } from '../../components/shortcuts.tsx';
import { ErrorBox, FilterSelect, Loading, LoadMore, useLoad, usePaged, type Page } from '../../components/ui.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { BULK_TARGETS, BulkDialog, type BulkResult } from './report-bulk.tsx';
import { ReportDetailPanel, type ReportAction } from './report-detail.tsx';
import { canMove, REPORT_STATUSES, type ReportStatus, type ReportSummary } from './report-types.ts';
import type { ScreenProps } from '../types.ts';

const FILTER_KEYS = ['status', 'regionId', 'districtId', 'categoryId', 'departmentId', 'overdue', 'hasEvidence', 'q', 'from', 'to', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filters = Partial<Record<FilterKey, string>>;

function filtersOf(query: URLSearchParams): Filters {
  const f: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** A day picked in the form means the whole Almaty day. */
const dayStart = (d?: string) => (d ? `${d}T00:00:00+05:00` : undefined);
const dayEnd = (d?: string) => (d ? `${d}T23:59:59+05:00` : undefined);

export function ReportsBoard({ params, query }: ScreenProps) {
  const { api, ref, notify } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const filters = filtersOf(query);
  const key = JSON.stringify(filters);
  const selectedId = params.id ? Number(params.id) : null;
  const [action, setAction] = useState<ReportAction | null>(null);
  const [reloadDetail, setReloadDetail] = useState(0);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [bulkTo, setBulkTo] = useState<ReportStatus | null>(null);
  const [bulkFailures, setBulkFailures] = useState<string[]>([]);
  const toggle = (id: number) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const searchRef = useRef<HTMLInputElement>(null);

  const apiFilters = { ...filters, from: dayStart(filters.from), to: dayEnd(filters.to), sort: undefined };
  const counts = useLoad(() => api.get<Record<ReportStatus, number>>('/api/reports/counts', { ...apiFilters, status: undefined }), [key]);
  const list = usePaged(
    (cursor) => api.get<Page<ReportSummary>>('/api/reports', { ...apiFilters, sort: filters.sort ?? 'createdAt', limit: 50, cursor }),
    [key],
  );
  const { items, setItems } = list;

  const setFilter = (patch: Filters) => {
    const nextFilters = { ...filters, ...patch };
    if ('regionId' in patch) delete nextFilters.districtId;
    navigate(href(selectedId ? `reports/${selectedId}` : 'reports', nextFilters), { replace: true });
  };
  const open = (id: number | null) => navigate(href(id ? `reports/${id}` : 'reports', filters));

  /** After an action: the row shows its new status at once, the counts and the detail are refetched. */
  const onChanged = (s: ReportSummary) => {
    setItems((xs) => xs.map((x) => (x.id === s.id ? s : x)));
    counts.reload();
    setReloadDetail((n) => n + 1);
  };

  const index = items.findIndex((x) => x.id === selectedId);
  const selected = index >= 0 ? items[index] : undefined;
  const move = (d: number) => {
    if (items.length === 0) return;
    const i = index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + d));
    open(items[i]!.id);
    setTimeout(() => document.querySelector(`[data-report-id="${items[i]!.id}"]`)?.scrollIntoView({ block: 'nearest' }), 0);
  };
  const act = (a: ReportAction) => () => selectedId && setAction(a);
  /** A shortcut acts only where the button would be offered (the API checks again). */
  const may = (to: ReportStatus) => !!selectedId && (!selected || canMove(selected.status, to));
  /** After a bulk change: the list and counts are refetched; reports that failed stay selected with the reason. */
  const onBulkDone = (results: BulkResult[]) => {
    setBulkTo(null);
    const failed = results.filter((r) => !r.ok);
    setPicked(new Set(failed.map((r) => r.id)));
    setBulkFailures(failed.map((r) => `${items.find((x) => x.id === r.id)?.number ?? `#${r.id}`}: ${r.error?.message ?? ''}`));
    notify({ kind: failed.length ? 'error' : 'ok', text: t('bulk.done', { ok: results.length - failed.length, n: results.length }) });
    list.reload();
    counts.reload();
    setReloadDetail((n) => n + 1);
  };

  const shortcuts: Shortcut[] = [
    { key: 'j', labelKey: 'shortcuts.next', run: () => move(1) },
    { key: 'k', labelKey: 'shortcuts.prev', run: () => move(-1) },
    { key: '/', labelKey: 'shortcuts.search', run: () => searchRef.current?.focus() },
    {
      key: 'u',
      labelKey: 'shortcuts.refresh',
      run: () => {
        list.reload();
        counts.reload();
      },
    },
    { key: 's', labelKey: 'shortcuts.select', run: () => selectedId && toggle(selectedId), enabled: !!selectedId },
    { key: 'a', labelKey: 'shortcuts.accept', run: act('accept'), enabled: may('in_work') },
    { key: 'r', labelKey: 'shortcuts.resolve', run: act('resolve'), enabled: may('resolved') },
    { key: 'x', labelKey: 'shortcuts.reject', run: act('reject'), enabled: may('rejected') },
    { key: 'g', labelKey: 'shortcuts.assign', run: act('assign'), enabled: !!selectedId },
    { key: 'd', labelKey: 'shortcuts.duplicate', run: act('duplicate'), enabled: may('duplicate') },
    { key: 'Escape', labelKey: 'shortcuts.close', run: () => open(null), enabled: !!selectedId && !action },
  ];
  const { overlay, setHelp } = useShortcuts(shortcuts);

  const region = ref.regions.find((r) => String(r.id) === filters.regionId);
  const total = counts.data ? REPORT_STATUSES.reduce((n, s) => n + (counts.data![s] ?? 0), 0) : undefined;
  const statusSet = new Set((filters.status ?? '').split(',').filter(Boolean));

  return (
    <section class={selectedId ? 'screen board with-detail' : 'screen board'}>
      <div class="board-list">
        <div class="screen-head">
          <h1>{t('reports.title')}</h1>
          <span>
            <button
              type="button"
              class="secondary small"
              data-action="refresh"
              title={t('reports.refresh')}
              onClick={() => {
                list.reload();
                counts.reload();
              }}
            >
              ↻ {t('reports.refresh')}
            </button>{' '}
            <button type="button" class="secondary small" onClick={() => setHelp(true)} title={t('shortcuts.title')}>
              ?
            </button>
          </span>
        </div>
        <div class="status-counts" role="group" aria-label={t('reports.status')}>
          <button type="button" class={statusSet.size === 0 ? 'count-chip active' : 'count-chip'} onClick={() => setFilter({ status: undefined })}>
            {t('reports.all')} <b>{total ?? '…'}</b>
          </button>
          {REPORT_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              data-status={s}
              class={`count-chip st-${s}${statusSet.has(s) ? ' active' : ''}`}
              onClick={() => setFilter({ status: statusSet.has(s) && statusSet.size === 1 ? undefined : s })}
            >
              {t(`status.${s}`)} <b>{counts.data?.[s] ?? '…'}</b>
            </button>
          ))}
        </div>
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
            {t('reports.to')}{' '}
            <input type="date" value={filters.to ?? ''} onChange={(e) => setFilter({ to: (e.target as HTMLInputElement).value || undefined })} />
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
        {picked.size > 0 && (
          <div class="bulk-bar" data-testid="bulk-bar">
            <strong>{t('bulk.selected', { n: picked.size })}</strong>
            {BULK_TARGETS.map((to) => (
              <button key={to} type="button" class="secondary small" data-bulk={to} onClick={() => setBulkTo(to)}>
                {t(`status.${to}`)}
              </button>
            ))}
            <button type="button" class="secondary small" onClick={() => (setPicked(new Set()), setBulkFailures([]))}>
              {t('bulk.clear')}
            </button>
          </div>
        )}
        {bulkFailures.length > 0 && (
          <div class="error-box" role="alert" data-testid="bulk-failures">
            <ul>
              {bulkFailures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          </div>
        )}
        {items.length > 0 && (
          <label class="inline pick-all">
            <input
              type="checkbox"
              checked={items.every((x) => picked.has(x.id))}
              onChange={(e) => setPicked((e.target as HTMLInputElement).checked ? new Set(items.map((x) => x.id)) : new Set())}
            />{' '}
            {t('bulk.selectAll')}
          </label>
        )}
        {list.error && <ErrorBox error={list.error} />}
        {list.loading && items.length === 0 ? <Loading /> : <ReportList items={items} selectedId={selectedId} picked={picked} onPick={toggle} />}
        {!list.loading && items.length === 0 && !list.error && <div class="empty">{t('reports.none')}</div>}
        <LoadMore next={list.next} onLoad={list.loadMore} busy={list.moreBusy} />
      </div>
      {selectedId && (
        <ReportDetailPanel
          id={selectedId}
          summary={selected}
          reloadKey={reloadDetail}
          action={action}
          setAction={setAction}
          onChanged={onChanged}
          onClose={() => open(null)}
        />
      )}
      {bulkTo && <BulkDialog ids={[...picked]} to={bulkTo} onClose={() => setBulkTo(null)} onDone={onBulkDone} />}
      {overlay}
    </section>
  );
}

function ReportList({
  items,
  selectedId,
  picked,
  onPick,
}: {
  items: ReportSummary[];
  selectedId: number | null;
  picked: Set<number>;
  onPick(id: number): void;
}) {
  const { ref } = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const cats = useMemo(() => new Map(ref.categories.map((c) => [c.id, c])), [ref.categories]);
  const regions = useMemo(() => new Map(ref.regions.map((r) => [r.id, r])), [ref.regions]);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <ul class="report-list" ref={listRef} data-testid="report-list">
      {items.map((r) => {
        const c = cats.get(r.categoryId);
        const region = regions.get(r.regionId);
        const district = region?.districts.find((d) => d.id === r.districtId);
        return (
          <li key={r.id} data-report-id={r.id} class={`report-row colour-${r.colour}${r.id === selectedId ? ' selected' : ''}`}>
            <input type="checkbox" class="pick" aria-label={`${t('bulk.select')} ${r.number}`} checked={picked.has(r.id)} onChange={() => onPick(r.id)} />
            <a href={href(`reports/${r.id}`, Object.fromEntries(new URLSearchParams(window.location.search)))}>
              <div class="row-top">
                <span class="number">{r.number}</span>
                <span class={`status-pill colour-${r.colour}`} data-testid="status">
                  {t(`status.${r.status}`)}
                </span>
                {r.overdue && <span class="badge overdue">{t('reports.overdue')}</span>}
                {r.hidden && <span class="badge muted">{t('reports.hidden')}</span>}
              </div>
              <div class="row-desc">{r.description}</div>
              <div class="row-meta">
                <span>
                  {c?.emoji} {i18n.name(c)}
                </span>
                <span>{[i18n.name(region), i18n.name(district)].filter(Boolean).join(', ')}</span>
                <span>{i18n.dateTime(r.createdAt)}</span>
                {r.dueAt && (
                  <span class={r.overdue ? 'due overdue-text' : 'due'}>
                    {t('reports.due')}: {i18n.dateTime(r.dueAt)}
                  </span>
                )}
                {r.evidenceCount > 0 && <span>📎 {r.evidenceCount}</span>}
                {r.supportCount > 0 && <span>👍 {r.supportCount}</span>}
              </div>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
