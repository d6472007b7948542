// Which part of a period the rollups can answer (whole Almaty months, and whole years for the citizens'
// activity) and which days around them are read from the tables themselves. Every named period (month,
// quarter, half-year, year) is whole months; a custom range of days may start or end inside one.
import { addDays, localMidnight } from '../calendar/local-time.ts';

export interface Span {
  from: Date;
  to: Date;
}

export interface PeriodSplit {
  /** first days (YYYY-MM-DD) of the whole months covered: [first, end), or null when there are none */
  months: { first: string; end: string } | null;
  /** the instants outside those months, read from the source tables */
  edges: Span[];
}

export interface ActivitySplit {
  /** whole Almaty years covered, first to last */
  years: number[];
  /** whole months not inside those years, each [first, end) */
  months: Array<{ first: string; end: string }>;
  edges: Span[];
}

interface DayPeriod {
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
}

/** The first day of the month after the one `day` is in. */
export const nextMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** With `rollups` false (or no whole month inside), the whole period is one edge. */
export function splitPeriod(p: DayPeriod, rollups = true): PeriodSplit {
  const first = p.firstDay.endsWith('-01') ? p.firstDay : nextMonth(p.firstDay);
  const after = addDays(p.lastDay, 1);
  const end = after.endsWith('-01') ? after : `${p.lastDay.slice(0, 7)}-01`;
  if (!rollups || first >= end) return { months: null, edges: [{ from: p.from, to: p.to }] };
  const edges: Span[] = [];
  if (first !== p.firstDay) edges.push({ from: p.from, to: localMidnight(first) });
  if (end !== after) edges.push({ from: localMidnight(end), to: p.to });
  return { months: { first, end }, edges };
}

/** The same, with the whole years inside the months taken out for the yearly rows. */
export function splitActivity(p: DayPeriod, rollups = true): ActivitySplit {
  const s = splitPeriod(p, rollups);
  if (!s.months) return { years: [], months: [], edges: s.edges };
  const { first, end } = s.months;
  const years: number[] = [];
  for (let y = Number(first.slice(0, 4)); `${y + 1}-01-01` <= end; y++) if (`${y}-01-01` >= first) years.push(y);
  if (!years.length) return { years, months: [s.months], edges: s.edges };
  const months: Array<{ first: string; end: string }> = [];
  const yearsFrom = `${years[0]}-01-01`;
  const yearsEnd = `${years.at(-1)! + 1}-01-01`;
  if (first < yearsFrom) months.push({ first, end: yearsFrom });
  if (yearsEnd < end) months.push({ first: yearsEnd, end });
  return { years, months, edges: s.edges };
}
