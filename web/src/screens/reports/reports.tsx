// The reports triage board: filters and per-status counts as the API gives them, the list with status
// colours (in work red, resolved green), due times and overdue badges, and the selected report's detail
// beside it. Filters live in the URL, so a reload or a shared link shows the same board.
import { useRef, useState } from 'preact/hooks';
import type { ReportStatus } from '../../../../generated/prisma/enums.ts';
import type { ItemResults, ReportCounts, ReportSummary } from '../../../../server/reports/reports-schemas.ts';
import { useShortcuts, type Shortcut } from '../../components/shortcuts.tsx';
import { useLoad, usePaged, type Page } from '../../components/load.ts';
import { ErrorBox, Loading } from '../../components/layout.tsx';
import { MasterDetail } from '../../components/master-detail.tsx';
import { LoadMore } from '../../components/table.tsx';
import { useApp } from '../../context.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { href, navigate } from '../../router.ts';
import { BULK_TARGETS, BulkDialog } from './report-bulk.tsx';
import { ReportDetailPanel, type ReportAction } from './report-detail.tsx';
import { canMove, REPORT_STATUSES } from './report-statuses.ts';
import { filtersOf, ReportFilters, type Filters } from './report-filters.tsx';
import { ReportList } from './report-list.tsx';
import type { ScreenProps } from '../types.ts';

/** A day picked in the form means the whole Almaty day. */
const dayStart = (d?: string) => (d ? `${d}T00:00:00+05:00` : undefined);
const dayEnd = (d?: string) => (d ? `${d}T23:59:59+05:00` : undefined);

export function ReportsBoard({ params, query }: ScreenProps) {
  const { api, notify } = useApp();
  const { t } = useI18n();
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
  const counts = useLoad(() => api.get<ReportCounts>('/api/reports/counts', { ...apiFilters, status: undefined }), [key]);
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
  const onBulkDone = (results: ItemResults['results']) => {
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

  const total = counts.data ? REPORT_STATUSES.reduce((n, s) => n + (counts.data![s] ?? 0), 0) : undefined;
  const statusSet = new Set((filters.status ?? '').split(',').filter(Boolean));

  return (
    <MasterDetail
      testId="reports-screen"
      detail={
        selectedId && (
          <ReportDetailPanel
            id={selectedId}
            summary={selected}
            reloadKey={reloadDetail}
            action={action}
            setAction={setAction}
            onChanged={onChanged}
            onClose={() => open(null)}
          />
        )
      }
    >
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
      <ReportFilters filters={filters} setFilter={setFilter} searchRef={searchRef} />
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
      {bulkTo && <BulkDialog ids={[...picked]} to={bulkTo} onClose={() => setBulkTo(null)} onDone={onBulkDone} />}
      {overlay}
    </MasterDetail>
  );
}
