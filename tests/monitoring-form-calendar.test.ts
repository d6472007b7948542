// When the Rules' forms are due (seed 003 items 7, 19 and 21) and when their reminders go out, on the
// default working-day calendar of 2026–2027. Pure: no database and no clock.
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../core/calendar/defaults.ts';
import { toLocalIso } from '../core/calendar/local-time.ts';
import { WorkingCalendar } from '../core/calendar/working-days.ts';
import { annex3Due, annex8Due, annex9Due, remindFrom } from '../core/monitoring/forms/form-calendar.ts';
import { fixedHolidays, movableHolidays, transfers } from '../prisma/seed/holidays.ts';

const cal = new WorkingCalendar([2025, 2026, 2027].flatMap((y) => defaultCalendar(y, fixedHolidays, movableHolidays, transfers)));
const local = (d: Date) => toLocalIso(d).slice(0, 16);

describe('form due dates', () => {
  it('Annex 3 of a plan year: a central body by 5 January, a local body by 1 August of the year before, inclusive', () => {
    expect(local(annex3Due(2027, true))).toBe('2026-01-05T23:59');
    expect(local(annex3Due(2027, false))).toBe('2026-08-01T23:59');
  });

  it('Annex 9: the half-year by 5 July, the year by 5 February of the next year (item 21, not the note’s 5 December)', () => {
    expect(local(annex9Due(2026, 'half_year'))).toBe('2026-07-05T23:59');
    expect(local(annex9Due(2026, 'annual'))).toBe('2027-02-05T23:59');
  });

  it('Annex 8: 3 working days after the evaluation closed, across the 1 May holiday', () => {
    // closed Thu 30 April 15:00 → Fri 1 May holiday, weekend → Mon 4, Tue 5, Wed 6 May
    expect(local(annex8Due(cal, new Date('2026-04-30T15:00:00+05:00')))).toBe('2026-05-06T15:00');
  });

  it('reminds the given number of working days before the due day, skipping weekends and holidays', () => {
    // 5 July 2026 is a Sunday: Fri 3, Thu 2, Wed 1 July, Tue 30, Mon 29 June
    expect(local(remindFrom(cal, annex9Due(2026, 'half_year'), 5))).toBe('2026-06-29T00:00');
    // Wed 6 May: the working day before is Tue 5 May
    expect(local(remindFrom(cal, new Date('2026-05-06T15:00:00+05:00'), 1))).toBe('2026-05-05T00:00');
  });
});
