// When each form is due (seed 003), as instants at the end of the due day in Almaty, "inclusive":
// - Annex 3 (item 7, stage 3): central bodies by 5 January, local bodies by 1 August, of the year before the
//   plan year: stage 3 comes before the budget application (stage 4), and the list is published once the
//   budget is approved, by 25 January of the plan year. ANNEX3_LEAD_YEARS is that reading in one place.
// - Annex 9 (item 21): the half-year by 5 July of the year, the year by 5 February of the next. The form's
//   note 1 says 5 December for the second date; item 21 is the rule and wins.
// - Annex 8 (item 19): within 3 working days after the evaluation closes, on the working-day calendar.
// Reminders go out some working days before the due day (5 for Annexes 3 and 9, 1 for Annex 8).
import { addDays, localDate, localMidnight } from '../../calendar/local-time.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';

export const FORM_KINDS = ['annex3', 'annex9_half', 'annex9_annual', 'annex8'] as const;
export type FormKindName = (typeof FORM_KINDS)[number];

/** Annex 3 for plan year P is due in P − 1 (our reading of item 7; one constant to change if read otherwise). */
export const ANNEX3_LEAD_YEARS = 1;
/** Item 19: Annex 8 within 3 working days after the evaluation ends. */
export const ANNEX8_WORKING_DAYS = 3;
export const REMIND_WORKING_DAYS: Record<FormKindName, number> = { annex3: 5, annex9_half: 5, annex9_annual: 5, annex8: 1 };

const pad = (n: number) => String(n).padStart(2, '0');
/** The last instant of a local day: "by 5 July inclusive" is missed from 6 July 00:00 Almaty. */
export const endOfLocalDay = (day: string) => new Date(localMidnight(addDays(day, 1)).getTime() - 1);
const endOf = (year: number, month: number, day: number) => endOfLocalDay(`${year}-${pad(month)}-${pad(day)}`);

/** Annex 3 of a plan year: a central body (no region) by 5 January, a local body by 1 August. */
export function annex3Due(planYear: number, central: boolean): Date {
  const year = planYear - ANNEX3_LEAD_YEARS;
  return central ? endOf(year, 1, 5) : endOf(year, 8, 1);
}

/** Annex 9 of a report year: the half-year by 5 July of it, the year by 5 February of the next (item 21). */
export function annex9Due(year: number, kind: 'half_year' | 'annual'): Date {
  return kind === 'half_year' ? endOf(year, 7, 5) : endOf(year + 1, 2, 5);
}

/** Annex 8: 3 working days after the evaluation closed, at the same time of day (as discussions' reviews). */
export function annex8Due(cal: WorkingCalendar, evaluationClosedAt: Date): Date {
  return cal.addWorkingDays(evaluationClosedAt, ANNEX8_WORKING_DAYS);
}

/** The start of the working day `n` working days before the due day: when the reminder goes out. */
export function remindFrom(cal: WorkingCalendar, dueAt: Date, n: number): Date {
  let day = localDate(dueAt);
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (cal.isWorkingDay(day)) left -= 1;
  }
  return localMidnight(day);
}
