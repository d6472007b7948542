// Reporting periods (DOMAIN.md: month, quarter, half-year, year) and custom ranges of Almaty days, in
// one place for every report: keys such as 2026-03, 2026-Q1, 2026-H1 and 2026, the period an instant
// falls in, the [from, to) instants of a period, and the period before it (for "change against the
// previous period").
import { invalid } from '../errors.ts';
import { addDays, isDateString, localDate, localMidnight } from './local-time.ts';

export const PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  /** 'range' for a custom range of days */
  kind: PeriodKind | 'range';
  /** 2026-03, 2026-Q1, 2026-H1, 2026, or 2026-03-05..2026-04-10 for a range */
  key: string;
  /** the calendar year of the first day */
  year: number;
  /** the month (1–12), quarter (1–4) or half (1–2); 0 for a year or a range */
  index: number;
  /** first and last Almaty day, inclusive */
  firstDay: string;
  lastDay: string;
  /** [from, to) instants: Almaty midnight of the first day and of the day after the last */
  from: Date;
  to: Date;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, half: 6, year: 12 };

function build(kind: PeriodKind, year: number, index: number): Period {
  const firstMonth = kind === 'year' ? 1 : (index - 1) * MONTHS[kind] + 1;
  const firstDay = `${year}-${pad(firstMonth)}-01`;
  const endMonth = firstMonth + MONTHS[kind];
  const next = endMonth > 12 ? `${year + 1}-${pad(endMonth - 12)}-01` : `${year}-${pad(endMonth)}-01`;
  const key = kind === 'year' ? String(year) : kind === 'month' ? `${year}-${pad(index)}` : `${year}-${kind === 'quarter' ? 'Q' : 'H'}${index}`;
  return { kind, key, year, index, firstDay, lastDay: addDays(next, -1), from: localMidnight(firstDay), to: localMidnight(next) };
}

/** The kind of a key, or null when it is not one: 2026 · 2026-H1 · 2026-Q3 · 2026-07. */
function keyParts(key: string): { kind: PeriodKind; year: number; index: number } | null {
  const m = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'half', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'quarter', year, index: Number(m[3]) };
  if (m[4]) return { kind: 'month', year, index: Number(m[4]) };
  return { kind: 'year', year, index: 0 };
}

export interface ParseOptions {
  /** the kinds the caller accepts; all four when absent */
  kinds?: readonly PeriodKind[];
  /** the errors.json code thrown for a bad key */
  error?: string;
}

/** A period from its key; throws invalid(error) for anything else (or a kind not in `kinds`). */
export function parsePeriodKey(key: string, { kinds = PERIOD_KINDS, error = 'period.bad_period' }: ParseOptions = {}): Period {
  const parts = keyParts(key);
  if (!parts || !kinds.includes(parts.kind)) throw invalid(error);
  return build(parts.kind, parts.year, parts.index);
}

export const isPeriodKey = (key: string) => keyParts(key) !== null;

/** The key of the period of `kind` an instant falls in, by its Almaty date. */
export function periodKeyOf(instant: Date, kind: PeriodKind): string {
  const [y, m] = localDate(instant).split('-').map(Number) as [number, number];
  switch (kind) {
    case 'month':
      return `${y}-${pad(m)}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'half':
      return `${y}-H${m <= 6 ? 1 : 2}`;
    case 'year':
      return String(y);
  }
}

/** The period of `kind` that contains the instant. */
export const periodOfInstant = (instant: Date, kind: PeriodKind): Period => parsePeriodKey(periodKeyOf(instant, kind));

/** Longest custom range: ten years, enough for any report and small enough to stay a sane query. */
export const MAX_RANGE_DAYS = 3660;

/** A custom range of Almaty days, both inclusive. */
export function dayRange(firstDay: string, lastDay: string, error = 'period.bad_range'): Period {
  if (!isDateString(firstDay) || !isDateString(lastDay) || lastDay < firstDay) throw invalid(error);
  const from = localMidnight(firstDay);
  const to = localMidnight(addDays(lastDay, 1));
  if ((to.getTime() - from.getTime()) / 86_400_000 > MAX_RANGE_DAYS) throw invalid(error);
  return { kind: 'range', key: `${firstDay}..${lastDay}`, year: Number(firstDay.slice(0, 4)), index: 0, firstDay, lastDay, from, to };
}

/** The period just before: the previous month/quarter/half/year, or a range as long ending the day before. */
export function previousPeriod(p: Period): Period {
  if (p.kind === 'range') {
    const days = Math.round((p.to.getTime() - p.from.getTime()) / 86_400_000);
    return dayRange(addDays(p.firstDay, -days), addDays(p.firstDay, -1));
  }
  if (p.kind === 'year') return build('year', p.year - 1, 0);
  const count = 12 / MONTHS[p.kind];
  return p.index > 1 ? build(p.kind, p.year, p.index - 1) : build(p.kind, p.year - 1, count);
}

/** The keys of the periods of `kind` from the one containing `from` to the one containing the instant before `to`. */
export function periodKeysBetween(from: Date, to: Date, kind: PeriodKind): string[] {
  const keys: string[] = [];
  let p = periodOfInstant(from, kind);
  while (p.from < to) {
    keys.push(p.key);
    p = build(p.kind as PeriodKind, ...nextIndex(p));
  }
  return keys;
}

function nextIndex(p: Period): [number, number] {
  if (p.kind === 'year') return [p.year + 1, 0];
  const count = 12 / MONTHS[p.kind as PeriodKind];
  return p.index < count ? [p.year, p.index + 1] : [p.year + 1, 1];
}

/**
 * The period a query names: a key (`period`), or a range of days (`from`, `to`; a missing end is today
 * (Almaty), a missing start the first day of the end's month), or else the month containing `now`.
 */
export function resolvePeriod(q: { period?: string; from?: string; to?: string }, now: Date): Period {
  if (q.period) return parsePeriodKey(q.period);
  if (q.from || q.to) {
    const last = q.to ?? localDate(now);
    return dayRange(q.from ?? `${last.slice(0, 7)}-01`, last);
  }
  return periodOfInstant(now, 'month');
}
