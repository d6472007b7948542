// Lists on a screen: a data table, loaded data's place (error, loading, empty), filters above a list,
// "load more" for cursor pages, and downloading an export.
import type { ComponentChildren, JSX } from 'preact';
import { useApp } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';
import { useAction, type usePaged } from './load.ts';
import { Empty, ErrorBox, Loading } from './layout.tsx';

export interface Column<T> {
  label: string;
  cell(row: T): ComponentChildren;
}

/** A plain data table that scrolls sideways on a narrow screen instead of breaking the page. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  rowClass,
  testId,
}: {
  rows: T[];
  columns: Column<T>[];
  rowKey(row: T): string | number;
  rowClass?(row: T): string;
  testId?: string;
}) {
  return (
    <div class="table-wrap">
      <table class="data" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)} class={rowClass?.(r) ?? ''}>
              {columns.map((c, i) => (
                <td key={i}>{c.cell(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Loaded data's place on the screen: the load error, "loading" until the data comes, `emptyText` when
 * `isEmpty` says there is nothing, else what `children` makes of it.
 */
export function LoadState<T>({
  loaded,
  isEmpty,
  emptyText,
  children,
}: {
  loaded: { data: T | undefined; error: Error | undefined };
  isEmpty?(data: T): boolean;
  emptyText?: string;
  children(data: T): ComponentChildren;
}) {
  const { data } = loaded;
  return (
    <>
      <ErrorBox error={loaded.error} />
      {data == null ? <Loading /> : isEmpty?.(data) ? <Empty>{emptyText}</Empty> : children(data)}
    </>
  );
}

/** A loaded table: the load error, "loading" until the rows come, then the table. */
export function LoadedTable<T>({
  loaded,
  ...table
}: { loaded: { data: T[] | undefined; error: Error | undefined } } & Omit<Parameters<typeof DataTable<T>>[0], 'rows'>) {
  return <LoadState loaded={loaded}>{(rows) => <DataTable rows={rows} {...table} />}</LoadState>;
}

/** A filter above a list: "any" (the empty value) or one of the options; `onChange` gets the raw value. */
export function FilterSelect(
  props: { label: string; value: string; anyLabel: string; options: { value: string | number; label: string }[]; onChange(v: string): void } & Omit<
    JSX.SelectHTMLAttributes<HTMLSelectElement>,
    'label' | 'value' | 'onChange'
  >,
) {
  const { label, value, anyLabel, options, onChange, ...rest } = props;
  return (
    <select aria-label={label} {...rest} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** "Load more" for the API's cursor pages. */
export function LoadMore({ next, onLoad, busy }: { next: string | null | undefined; onLoad(): void; busy?: boolean }) {
  const { t } = useI18n();
  if (!next) return null;
  return (
    <button type="button" class="secondary load-more" disabled={busy} onClick={onLoad}>
      {t('common.loadMore')}
    </button>
  );
}

/**
 * A cursor-paged list's body: the load error, "loading" until the first page, `emptyText` when there is
 * nothing (if given), else the rows; then "load more".
 */
export function PagedBody({
  list,
  emptyText,
  children,
}: {
  list: Pick<ReturnType<typeof usePaged<unknown>>, 'error' | 'loading' | 'items' | 'next' | 'moreBusy' | 'loadMore'>;
  emptyText?: string;
  children: ComponentChildren;
}) {
  const none = list.items.length === 0;
  return (
    <>
      <ErrorBox error={list.error} />
      {list.loading && none ? <Loading /> : emptyText !== undefined && none ? <Empty>{emptyText}</Empty> : children}
      <LoadMore next={list.next} busy={list.moreBusy} onLoad={list.loadMore} />
    </>
  );
}

/** A button that downloads a file from the API with the session (exports, annexes). */
export function DownloadButton({ url, query, label }: { url: string; query?: Record<string, string | number | undefined>; label: string }) {
  const { api } = useApp();
  const { busy, run } = useAction();
  return (
    <button type="button" class="secondary" disabled={busy} onClick={() => run(() => api.download(url, query))}>
      ⬇ {label}
    </button>
  );
}
