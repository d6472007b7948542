// i18next with one namespace per locales/<lng>/<namespace>.json file, loaded once at start; used by the bot, the API and the services that write notifications.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type TFunction } from 'i18next';

export const LOCALES = ['kk', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
/** Staff-facing API errors also speak English (the console has an English UI); citizens never get it. */
export const API_LOCALES = [...LOCALES, 'en'] as const;
export type ApiLocale = (typeof API_LOCALES)[number];
export type { TFunction };

export const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

export function loadResources(dir = localesDir, languages: readonly string[] = LOCALES): Record<string, Record<string, unknown>> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of languages) {
    resources[lng] = {};
    for (const file of readdirSync(path.join(dir, lng)).filter((f) => f.endsWith('.json'))) {
      resources[lng][file.replace(/\.json$/, '')] = JSON.parse(readFileSync(path.join(dir, lng, file), 'utf8'));
    }
  }
  return resources;
}

export function createI18n(dir = localesDir): i18n {
  const instance = i18next.createInstance();
  // English holds only what staff read through the API (errors and the report statuses they name).
  const resources = loadResources(dir, API_LOCALES);
  void instance.init({
    resources: resources as never,
    lng: 'ru',
    fallbackLng: false,
    supportedLngs: [...API_LOCALES],
    ns: Object.keys(resources.ru ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** kk → Kazakh; every other Telegram language (ru, en, uz, …) → Russian, the other official language. */
export function localeFromTelegram(languageCode: string | undefined): Locale {
  return languageCode?.toLowerCase().startsWith('kk') ? 'kk' : 'ru';
}

/** A stored language as one of ours: Kazakh when it says so, Russian otherwise (also for 'en'). */
export const toLocale = (value: string | null | undefined): Locale => (value === 'kk' ? 'kk' : 'ru');

export function isLocale(value: unknown): value is Locale {
  return value === 'kk' || value === 'ru';
}
