// The frame of a screen: errors in the reader's language, "loading", "nothing here", dialogs, the head of a
// detail pane, tabs and the way back to a list.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';

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
