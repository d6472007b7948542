// Working days between two timestamps inside SQL, with the same meaning as
// WorkingCalendar.elapsedWorkingDays: only time on working days counts (holidays and moved days off from
// the calendar table excluded), in fractions of a day. The calendar of the days involved is passed as two
// arrays indexed by day: the working days before each day, and whether the day is one. Then
// W(t) = before[day(t)] + working[day(t)] · (time of day of t) and the elapsed working time is W(b) − W(a):
// two array look-ups per timestamp and no join with a calendar table.
import { addDays, ALMATY_OFFSET_MINUTES, localDate } from '../calendar/local-time.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { Params } from './analytics-scope.ts';

export interface WorkingTimeSql {
  /** SQL for the working days from `a` to `b` (both timestamp columns); NULL if either is NULL */
  between(a: string, b: string): string;
}

/** Covers every Almaty day from `first` to `last`; timestamps outside give NULL (and drop out of medians). */
export function workingTimeSql(cal: WorkingCalendar, first: Date, last: Date, p: Params): WorkingTimeSql {
  const base = localDate(first);
  const end = localDate(last);
  const before: number[] = [];
  const working: number[] = [];
  let count = 0;
  for (let d = base; d <= end; d = addDays(d, 1)) {
    before.push(count);
    const w = cal.isWorkingDay(d) ? 1 : 0;
    working.push(w);
    count += w;
  }
  const baseP = p.add(Date.parse(`${base}T00:00:00Z`) / 86_400_000);
  const beforeP = p.add(`{${before.join(',')}}`);
  const workingP = p.add(`{${working.join(',')}}`);
  // Plain float arithmetic on the epoch (Almaty = UTC+5, no daylight saving) is several times cheaper
  // per row than casting to dates and truncating intervals.
  const w = (col: string) => {
    const days = `((date_part('epoch', ${col}) + ${ALMATY_OFFSET_MINUTES * 60}) / 86400.0)`;
    const idx = `(floor(${days}) - ${baseP}::int + 1)::int`;
    return `((${beforeP}::int[])[${idx}] + (${workingP}::int[])[${idx}] * (${days} - floor(${days})))`;
  };
  return { between: (a, b) => `(${w(b)} - ${w(a)})` };
}
