// Deadlines in working days (report routing, discussion windows, review periods) all go through here.
import { addDays, isWeekend, localDate, localMidnight, localTimeOfDay } from './local-time.ts';

export type DayKind = 'holiday' | 'day_off' | 'working_day';

export interface CalendarException {
  date: string;
  kind: DayKind;
  nameKk: string;
  nameRu: string;
}

export class WorkingCalendar {
  private readonly exceptions: Map<string, CalendarException>;

  constructor(exceptions: Iterable<CalendarException>) {
    this.exceptions = new Map([...exceptions].map((e) => [e.date, e]));
  }

  exception(date: string): CalendarException | undefined {
    return this.exceptions.get(date);
  }

  isWorkingDay(date: string): boolean {
    const e = this.exceptions.get(date);
    if (e) return e.kind === 'working_day';
    return !isWeekend(date);
  }

  /** The n-th working day after `date` (n ≥ 1), or the first working day on/after it when n = 0. */
  nthWorkingDayAfter(date: string, n: number): string {
    let day = date;
    if (n === 0) {
      while (!this.isWorkingDay(day)) day = addDays(day, 1);
      return day;
    }
    let left = n;
    while (left > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  /**
   * Due instant `days` working days after `from`: the same local time of day on that working day.
   * Something received on a day off is treated as received at the start of the next working day,
   * so a Saturday report gets as many working days as a Monday one.
   */
  addWorkingDays(from: Date, days: number): Date {
    const day = localDate(from);
    if (this.isWorkingDay(day)) {
      return new Date(localMidnight(this.nthWorkingDayAfter(day, days)).getTime() + localTimeOfDay(from));
    }
    // Received on a day off: the clock starts at 00:00 of the next working day.
    return localMidnight(this.nthWorkingDayAfter(this.nthWorkingDayAfter(day, 0), days));
  }

  /** Whole working days strictly after `from`'s day up to and including `to`'s day. */
  workingDaysBetween(from: Date, to: Date): number {
    const a = localDate(from);
    const b = localDate(to);
    if (b <= a) return 0;
    let count = 0;
    for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (this.isWorkingDay(d)) count += 1;
    return count;
  }

  /**
   * Elapsed working time between two instants in fractional working days: only the time that falls
   * on working days counts (a response on Monday morning to a Friday-evening question is quick).
   */
  elapsedWorkingDays(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    let total = 0;
    let day = localDate(from);
    const lastDay = localDate(to);
    while (day <= lastDay) {
      if (this.isWorkingDay(day)) {
        const dayStart = localMidnight(day).getTime();
        const start = Math.max(dayStart, from.getTime());
        const end = Math.min(dayStart + 86_400_000, to.getTime());
        if (end > start) total += (end - start) / 86_400_000;
      }
      day = addDays(day, 1);
    }
    return total;
  }
}
