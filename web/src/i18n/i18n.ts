// The console's three languages. Texts live in {kk,ru,en}.json (a test keeps their keys identical);
// the choice is remembered in the browser and sent to the API, which answers kk or ru itself.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import en from './en.json';
import kk from './kk.json';
import ru from './ru.json';
import { formatDate, formatDateTime, formatDeadline, formatNumber, formatPeriod, formatPhone, formatShare, formatTime } from './format.ts';

export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
type Dict = { [key: string]: string | Dict };
const dicts: Record<Locale, Dict> = { kk, ru, en };
const STORAGE_KEY = 'azamat.console.locale';

export type Params = Record<string, string | number | null | undefined>;
export type T = (key: string, params?: Params) => string;

function lookup(dict: Dict, key: string): string | undefined {
  let node: string | Dict | undefined = dict;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function hasKey(locale: Locale, key: string): boolean {
  return lookup(dicts[locale], key) !== undefined;
}

export function translate(locale: Locale, key: string, params: Params = {}): string {
  const text = lookup(dicts[locale], key) ?? lookup(dicts.ru, key) ?? key;
  // Unknown names stay as written: template placeholders such as {{number}} are shown to admins verbatim.
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in params ? String(params[name] ?? '') : whole));
}

export function initialLocale(storage: Storage | null, languages: readonly string[]): Locale {
  const saved = storage?.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  for (const l of languages) {
    const base = l.toLowerCase().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'ru';
}

export function rememberLocale(storage: Storage | null, locale: Locale) {
  try {
    storage?.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** Kazakh and Russian names from the API; English readers get the Russian one. */
export function nameIn(locale: Locale, n: { nameKk: string; nameRu: string } | null | undefined): string {
  if (!n) return '';
  return locale === 'kk' ? n.nameKk : n.nameRu;
}

export interface I18n {
  locale: Locale;
  t: T;
  setLocale(l: Locale): void;
  /** a date-time in Almaty time, in the reader's language */
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  /** HH:MM, Almaty time */
  time(iso: string | null | undefined): string;
  /** a deadline: a date alone when it has no time of day */
  deadline(iso: string | null | undefined): string;
  /** 12 400,5 */
  num(n: number | null | undefined, decimals?: number): string;
  /** a share 0..1 as 88,9 % */
  share(s: number | null | undefined, decimals?: number): string;
  /** a period key (2026-12, 2026-Q4) by name */
  period(key: string): string;
  phone(p: string | null | undefined): string;
  name(n: { nameKk: string; nameRu: string } | null | undefined): string;
}

export function makeI18n(locale: Locale, setLocale: (l: Locale) => void): I18n {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    setLocale,
    dateTime: formatDateTime,
    date: formatDate,
    time: formatTime,
    deadline: formatDeadline,
    num: formatNumber,
    share: formatShare,
    period: (key) => formatPeriod(key, locale),
    phone: formatPhone,
    name: (n) => nameIn(locale, n),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('ru', () => {}));
export const useI18n = () => useContext(I18nContext);
