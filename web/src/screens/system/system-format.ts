// Sizes and ages as the system-status screen shows them.
import type { T } from '../../i18n/i18n.ts';
import { formatNumber } from '../../i18n/format.ts';

/** 14 680 064 → «14,0 МБ» (units in the reader's language). */
export function bytes(t: T, n: number | null | undefined): string {
  if (n == null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${formatNumber(v, v >= 100 || i === 0 ? 0 : 1)} ${t(`system.units.${units[i]}`)}`;
}

/** 90 → "1 min 30 s"; 7200 → "2 h 0 min"; 200000 → "2 d 7 h" (largest two units). */
export function duration(t: T, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return t('system.units.dh', { d, h });
  if (h > 0) return t('system.units.hm', { h, m });
  if (m > 0) return t('system.units.ms', { m, s: s % 60 });
  return t('system.units.s', { s });
}

export function millis(t: T, ms: number): string {
  return ms < 1000 ? t('system.units.msec', { n: ms }) : t('system.units.s', { s: formatNumber(ms / 1000, ms < 10_000 ? 1 : 0) });
}
