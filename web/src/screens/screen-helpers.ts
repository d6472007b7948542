// Small helpers the screens share (topics, volunteers, projects, polls, dashboard).
import type { Locale } from '../i18n/i18n.ts';

/** Exports and annexes are made in Kazakh or Russian; English readers get Russian. */
export const exportLang = (locale: Locale): 'kk' | 'ru' => (locale === 'kk' ? 'kk' : 'ru');

/** Today's date in Almaty (UTC+5 all year), YYYY-MM-DD. */
export const almatyToday = (now = new Date()) => new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);

/** An ISO instant for a date and HH:MM on Almaty's clock. */
export const atLocal = (date: string, time: string) => new Date(`${date}T${time}:00+05:00`).toISOString();
