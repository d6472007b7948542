// Default calendar of a year from DOMAIN.md: fixed holidays, the movable Kurban Ait, and the rule that a
// non-religious holiday falling on a weekend moves the day off to the next working day.
import { addDays, isWeekend } from './local-time.ts';
import type { CalendarException } from './working-days.ts';

export interface FixedHoliday {
  month: number;
  day: number;
  nameKk: string;
  nameRu: string;
  religious: boolean;
}

export interface DatedHoliday {
  date: string;
  nameKk: string;
  nameRu: string;
  religious: boolean;
}

export interface DecreeTransfer {
  date: string;
  kind: 'day_off' | 'working_day';
  noteKk: string;
  noteRu: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function defaultCalendar(
  year: number,
  fixed: readonly FixedHoliday[],
  movable: readonly DatedHoliday[],
  transfers: readonly DecreeTransfer[] = [],
): CalendarException[] {
  const holidays: DatedHoliday[] = [
    ...fixed.map((h) => ({ ...h, date: `${year}-${pad(h.month)}-${pad(h.day)}` })),
    ...movable.filter((h) => h.date.startsWith(`${year}-`)),
  ].sort((a, b) => a.date.localeCompare(b.date));

  const result = new Map<string, CalendarException>();
  for (const h of holidays) result.set(h.date, { date: h.date, kind: 'holiday', nameKk: h.nameKk, nameRu: h.nameRu });

  const taken = (d: string) => isWeekend(d) || result.has(d);
  for (const h of holidays) {
    if (h.religious || !isWeekend(h.date)) continue;
    let moved = addDays(h.date, 1);
    while (taken(moved)) moved = addDays(moved, 1);
    result.set(moved, {
      date: moved,
      kind: 'day_off',
      nameKk: `Демалыс күні ауыстырылды (${h.nameKk})`,
      nameRu: `Перенесённый выходной (${h.nameRu})`,
    });
  }
  // The yearly government decree has the last word over the computed defaults.
  for (const t of transfers.filter((x) => x.date.startsWith(`${year}-`))) {
    result.set(t.date, { date: t.date, kind: t.kind, nameKk: t.noteKk, nameRu: t.noteRu });
  }
  return [...result.values()].sort((a, b) => a.date.localeCompare(b.date));
}
