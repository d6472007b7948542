// Small building blocks every screen uses: loading data, showing an error in the reader's language,
// form fields, dialogs, and running a save that keeps what was typed when it fails.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { useI18n } from '../i18n/i18n.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
  setData(d: T): void;
}

/** Loads with `fn` whenever `deps` change; a late answer for old deps is dropped. */
export function useLoad<T>(fn: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (data) => mine === seq.current && setState({ data, loading: false }),
      (error: Error) => mine === seq.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
    // `fn` is a new closure on every render; the caller's deps say when it means something new.
  }, [...deps, tick]);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    reload: useCallback(() => setTick((n) => n + 1), []),
    setData: useCallback((data: T) => setState({ data, loading: false }), []),
  };
}

/**
 * Runs a save: while it runs `busy` is true; a failure is shown (in the form and as a toast) and
 * returns undefined, leaving every field as the user typed it.
 */
export function useAction() {
  const { notify } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const run = useCallback(
    async <T,>(fn: () => Promise<T>, okText?: string): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const r = await fn();
        if (okText) notify({ kind: 'ok', text: okText });
        return r;
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        setError(err);
        notify({ kind: 'error', text: err.message });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [notify],
  );
  return { busy, error, run, clearError: () => setError(undefined) };
}

/**
 * An "edit or add" dialog over a list: which row is open (or 'new'), and the props that close it, or
 * reload what the list shows and then close it after a save. A reload that returns a promise (the
 * reference data) is awaited, so the table already shows the saved values when the dialog goes.
 */
export function useEditDialog<T>(reload: () => void | Promise<unknown>) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    open: editing !== null,
    /** the row being edited; null when adding */
    item: editing === 'new' ? null : editing,
    edit: (x: T | 'new') => setEditing(x),
    props: {
      onClose: () => setEditing(null),
      onSaved: async () => {
        await reload();
        setEditing(null);
      },
    },
  };
}

export function ErrorBox({ error }: { error: Error | undefined | null }) {
  const { t } = useI18n();
  if (!error) return null;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div class="error-box" role="alert">
      <strong>{t('common.error')}:</strong> {error.message}
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d.path}>
              <code>{d.path}</code> {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <div class="loading" aria-busy="true">
      {t('common.loading')}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export function Field({ label, hint, children, wide }: { label: string; hint?: string; children: ComponentChildren; wide?: boolean }) {
  return (
    <label class={wide ? 'field wide' : 'field'}>
      <span class="field-label">{label}</span>
      {children}
      {hint && <span class="hint">{hint}</span>}
    </label>
  );
}

/** A text input bound to a string state. */
export function TextInput(props: { value: string; onInput(v: string): void } & Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput'>) {
  const { value, onInput, ...rest } = props;
  return <input {...rest} value={value} onInput={(e) => onInput((e.target as HTMLInputElement).value)} />;
}

export function TextArea(props: { value: string; onInput(v: string): void } & Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onInput'>) {
  const { value, onInput, ...rest } = props;
  return <textarea {...rest} value={value} onInput={(e) => onInput((e.target as HTMLTextAreaElement).value)} />;
}

/** A checkbox with its label after it, on one line. */
export function Checkbox({ checked, onChange, children }: { checked: boolean; onChange(v: boolean): void; children: ComponentChildren }) {
  return (
    <label class="inline">
      <input type="checkbox" checked={checked} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} /> {children}
    </label>
  );
}

/**
 * One text in Kazakh and in Russian: two fields named `name`Kk and `name`Ru, each with its `lang` (so the
 * right keyboard and spell-checker come up); `rows` makes them text areas.
 */
export function KkRuFields({
  name,
  labels,
  kk,
  ru,
  rows,
  wide,
}: {
  name?: string;
  labels: [string, string];
  kk: [string, (v: string) => void];
  ru: [string, (v: string) => void];
  rows?: number;
  wide?: boolean;
}) {
  return (
    <>
      {(['kk', 'ru'] as const).map((lang, i) => {
        const [value, onInput] = lang === 'kk' ? kk : ru;
        const field = name && `${name}${lang === 'kk' ? 'Kk' : 'Ru'}`;
        return (
          <Field key={lang} label={labels[i]!} wide={wide}>
            {rows ? (
              <TextArea name={field} lang={lang} rows={rows} value={value} onInput={onInput} />
            ) : (
              <TextInput name={field} lang={lang} value={value} onInput={onInput} />
            )}
          </Field>
        );
      })}
    </>
  );
}

export function Select<V extends string>(
  props: { value: V; onChange(v: NoInfer<V>): void; options: { value: V; label: string }[] } & Omit<
    JSX.SelectHTMLAttributes<HTMLSelectElement>,
    'value' | 'onChange'
  >,
) {
  const { value, onChange, options, ...rest } = props;
  return (
    <select {...rest} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value as V)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A dialog: Escape or the close button closes it; focus moves into it when it opens. */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ComponentChildren; wide?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current?.querySelector<HTMLElement>('textarea, input, select, button.primary');
    el?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class={wide ? 'modal wide' : 'modal'} role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <header class="modal-head">
          <h2>{title}</h2>
          <button type="button" class="icon" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div class="modal-body">{children}</div>
      </div>
    </div>
  );
}

/** The head of a detail pane beside a list: the title, a muted line under it, and the close button. */
export function DetailHead({ title, meta, onClose }: { title: ComponentChildren; meta?: ComponentChildren; onClose(): void }) {
  const { t } = useI18n();
  return (
    <header class="detail-head">
      {meta === undefined ? (
        <h2>{title}</h2>
      ) : (
        <div>
          <h2>{title}</h2>
          <div class="muted">{meta}</div>
        </div>
      )}
      <button type="button" class="icon" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
    </header>
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

export function Tabs<V extends string>({ value, onChange, tabs }: { value: V; onChange(v: V): void; tabs: { value: V; label: string; count?: number }[] }) {
  return (
    <div class="tabs" role="tablist">
      {tabs.map((tab) => (
        <button
          key={tab.value}
          type="button"
          role="tab"
          aria-selected={tab.value === value}
          class={tab.value === value ? 'tab active' : 'tab'}
          onClick={() => onChange(tab.value)}
        >
          {tab.label}
          {tab.count !== undefined && <span class="count">{tab.count}</span>}
        </button>
      ))}
    </div>
  );
}

/** Submit and cancel under a form; `children` adds buttons between them (e.g. delete). */
export function FormActions({
  busy,
  submitLabel,
  onCancel,
  children,
}: {
  busy?: boolean;
  submitLabel: string;
  onCancel?(): void;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  return (
    <div class="form-actions">
      <button type="submit" class="primary" disabled={busy}>
        {submitLabel}
      </button>
      {children}
      {onCancel && (
        <button type="button" class="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}

interface SubmitFormProps {
  onSubmit(): void;
  busy?: boolean;
  error?: Error;
  submitLabel: string;
  testId?: string;
  onCancel?(): void;
  /** more buttons beside submit */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** A form that submits without reloading the page: the fields, the API's error (if the last save failed), the buttons. */
function SubmitForm(props: SubmitFormProps & { class: string }) {
  return (
    <form
      class={props.class}
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      {props.children}
      <ErrorBox error={props.error} />
      <FormActions busy={props.busy} submitLabel={props.submitLabel} onCancel={props.onCancel}>
        {props.actions}
      </FormActions>
    </form>
  );
}

/**
 * A dialog with one form: the fields, the API's error (if the last save failed) and the buttons.
 * The fields' state belongs to the caller, so a refused save leaves them as they were.
 */
export function FormDialog(props: Omit<SubmitFormProps, 'onCancel'> & { title: string; onClose(): void; wide?: boolean }) {
  return (
    <Modal title={props.title} onClose={props.onClose} wide={props.wide}>
      <SubmitForm class="form" {...props} onCancel={props.onClose} />
    </Modal>
  );
}

/** The way back from a screen to its list, above the title. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={href}>← {children}</a>
    </p>
  );
}

/**
 * A screen that is one form (a new project, opportunity or topic): the way back, the title, the fields,
 * the API's error and the buttons. As in FormDialog, the fields' state belongs to the caller.
 */
export function FormScreen(props: Omit<SubmitFormProps, 'actions'> & { back: string; backLabel: string; title: string; testId: string }) {
  return (
    <section class="screen">
      <BackLink href={props.back}>{props.backLabel}</BackLink>
      <h1>{props.title}</h1>
      <SubmitForm class="panel form" {...props} />
    </section>
  );
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list the API gives in cursor pages: the first page whenever `deps` change, more on request. */
export function usePaged<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, deps: unknown[]) {
  const [items, setItems] = useState<T[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const first = useLoad(async () => {
    const page = await fetchPage(undefined);
    setItems(page.items);
    setNext(page.nextCursor);
    return page;
  }, deps);
  const more = useAction();
  return {
    items,
    setItems,
    next,
    loading: first.loading,
    error: first.error,
    reload: first.reload,
    moreBusy: more.busy,
    loadMore: () =>
      more.run(async () => {
        if (!next) return;
        const page = await fetchPage(next);
        setItems((xs) => [...xs, ...page.items]);
        setNext(page.nextCursor);
      }),
  };
}

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
