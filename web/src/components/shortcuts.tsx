// Keyboard shortcuts for a screen: single keys that act when the user is not typing in a field, and
// "?" to show them all. The overlay is part of the screen that declares them, so it lists only those.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Modal } from './layout.tsx';

export interface Shortcut {
  key: string;
  /** i18n key of what it does */
  labelKey: string;
  run(): void;
  /** false: listed but not active now (e.g. no report selected) */
  enabled?: boolean;
}

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function useShortcuts(list: Shortcut[], active = true) {
  const [help, setHelp] = useState(false);
  const ref = useRef(list);
  ref.current = list;
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || document.querySelector('.modal-backdrop')) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelp((h) => !h);
        return;
      }
      const s = ref.current.find((x) => x.key === e.key && x.enabled !== false);
      if (s) {
        e.preventDefault();
        s.run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
  return { help, setHelp, overlay: help ? <ShortcutHelp list={list} onClose={() => setHelp(false)} /> : null };
}

function ShortcutHelp({ list, onClose }: { list: Shortcut[]; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose}>
      <table class="shortcut-table">
        <tbody>
          {list.map((s) => (
            <tr key={s.key}>
              <td>
                <kbd>{s.key}</kbd>
              </td>
              <td>{t(s.labelKey)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>{t('shortcuts.help')}</td>
          </tr>
          <tr>
            <td>
              <kbd>Esc</kbd>
            </td>
            <td>{t('shortcuts.escape')}</td>
          </tr>
        </tbody>
      </table>
    </Modal>
  );
}
