// The frame of a screen: errors in the reader's language, "loading", "nothing here", dialogs, the head of a
// detail pane, tabs and the way back to a list.
import type { ComponentChildren } from 'preact';
import { createPortal } from 'preact/compat';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { fieldOf } from './field-errors.ts';

/**
 * An error in the reader's language. A form passes the fields that already show their own message
 * (`shown`); the refused fields without an input of their own are listed here, by message only.
 */
export function ErrorBox({ error, shown = [] }: { error: Error | undefined | null; shown?: string[] }) {
  const { t } = useI18n();
  if (!error) return null;
  // No connection: the page's one banner (shell) says so; each panel only notes that its data is missing.
  if (error instanceof ApiError && error.code === 'network' && typeof navigator !== 'undefined' && !navigator.onLine)
    return <div class="muted">{t('common.noData')}</div>;
  const details = error instanceof ApiError ? error.details.filter((d) => !shown.includes(fieldOf(d.path))) : [];
  return (
    <div class="error-box" role="alert">
      <strong>{t('common.error')}:</strong> {error.message}
      {details.length > 0 && (
        <ul>
          {details.map((d) => (
            <li key={d.path}>{d.message}</li>
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

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The one dialog of the console. It is drawn at the end of <body>, so no sticky pane it was opened from
 * can keep it under the header: the backdrop dims the whole page, header included. Escape or the close
 * button closes it; focus moves into it, Tab stays inside it, and focus returns where it was on close.
 */
export function Modal({ title, onClose, children, wide }: { title: string; onClose(): void; children: ComponentChildren; wide?: boolean }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = ref.current?.querySelector<HTMLElement>('textarea, input, select, button.primary') ?? ref.current;
    el?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        close.current();
      } else if (e.key === 'Tab' && ref.current) {
        const items = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
        if (items.length === 0) return;
        const first = items[0]!;
        const last = items[items.length - 1]!;
        const inside = ref.current.contains(document.activeElement);
        if (e.shiftKey && (document.activeElement === first || !inside)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (before?.isConnected) before.focus();
    };
  }, []);
  return createPortal(
    <div class="modal-backdrop" data-testid="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class={wide ? 'modal wide' : 'modal'} role="dialog" aria-modal="true" aria-label={title} ref={ref} tabIndex={-1}>
        <header class="modal-head">
          <h2>{title}</h2>
          <button type="button" class="icon" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div class="modal-body">{children}</div>
      </div>
    </div>,
    document.body,
  );
}

/** The head of a detail pane beside a list: the title, a muted line under it, and the close button. */
export function DetailHead({ title, meta, onClose }: { title: ComponentChildren; meta?: ComponentChildren; onClose(): void }) {
  const { t } = useI18n();
  return (
    <header class="detail-head">
      {/* On a phone or tablet the detail is its own view: the way back to the list comes first. */}
      <button type="button" class="link detail-back" data-testid="detail-back" onClick={onClose}>
        ← {t('common.backToList')}
      </button>
      {meta === undefined ? (
        <h2>{title}</h2>
      ) : (
        <div>
          <h2>{title}</h2>
          <div class="muted">{meta}</div>
        </div>
      )}
      <button type="button" class="icon detail-close" aria-label={t('common.closePanel')} title={t('common.closePanel')} onClick={onClose}>
        ×
      </button>
    </header>
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

/** The way back from a screen to its list, above the title. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={href}>← {children}</a>
    </p>
  );
}
