// Loading data and running saves: a load that drops late answers, a save that keeps what was typed when it
// fails, an "edit or add" dialog over a list, and a list the API gives in cursor pages.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';

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
    async <T>(fn: () => Promise<T>, okText?: string): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const r = await fn();
        if (okText) notify({ kind: 'ok', text: okText });
        return r;
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e));
        setError(err);
        // A refused field is shown beside the field; a toast would only repeat it over the page.
        if (!(err instanceof ApiError && err.details.length > 0)) notify({ kind: 'error', text: err.message });
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
