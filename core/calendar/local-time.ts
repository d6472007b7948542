// Kazakhstan has one time zone, UTC+5, since 1 March 2024 (DOMAIN.md), with no daylight saving,
// so a fixed offset is exact and does not depend on the ICU data of the Node build.
export const ALMATY_OFFSET_MINUTES = 5 * 60;
const OFFSET_MS = ALMATY_OFFSET_MINUTES * 60_000;

/** 'YYYY-MM-DD' of the Almaty calendar day that contains the instant. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The Almaty calendar year of the instant (a report filed at 02:00 on 1 January is next year's). */
export const almatyYear = (instant: Date) => Number(localDate(instant).slice(0, 4));

/** Milliseconds since the Almaty midnight of the instant's day. */
export function localTimeOfDay(instant: Date): number {
  return (instant.getTime() + OFFSET_MS) % 86_400_000;
}

/** The instant of Almaty midnight starting the given 'YYYY-MM-DD'. */
export function localMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/** ISO 8601 with the +05:00 offset, as Open311 and the citizens expect to read it. */
export function toLocalIso(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+05:00');
}

export function isDateString(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** dd.mm.yyyy in Almaty, as dates are written in Kazakhstan (both languages). */
export function formatLocalDate(instant: Date): string {
  const [y, m, d] = localDate(instant).split('-');
  return `${d}.${m}.${y}`;
}

/** dd.mm.yyyy hh:mm in Almaty. */
export function formatLocalDateTime(instant: Date): string {
  const minutes = Math.floor(localTimeOfDay(instant) / 60_000);
  return `${formatLocalDate(instant)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
