import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../core/calendar/defaults.ts';
import { localDate, toLocalIso } from '../core/calendar/local-time.ts';
import { WorkingCalendar } from '../core/calendar/working-days.ts';
import { fixedHolidays, movableHolidays, transfers } from '../prisma/seed/holidays.ts';

const cal2026 = new WorkingCalendar([
  ...defaultCalendar(2026, fixedHolidays, movableHolidays, transfers),
  ...defaultCalendar(2027, fixedHolidays, movableHolidays, transfers),
]);
const at = (iso: string) => new Date(iso);

describe('default calendar (DOMAIN.md: fixed holidays, Kurban Ait, weekend rule)', () => {
  const days = new Map(defaultCalendar(2026, fixedHolidays, movableHolidays, transfers).map((d) => [d.date, d.kind]));

  it('marks every fixed holiday of DOMAIN.md', () => {
    for (const d of ['01-01', '01-02', '01-07', '03-08', '03-21', '03-22', '03-23', '05-01', '05-07', '05-09', '07-06', '08-30', '10-25', '12-16']) {
      expect(days.get(`2026-${d}`), d).toBe('holiday');
    }
  });

  it('moves the day off of a non-religious holiday on a weekend to the next working day', () => {
    expect(days.get('2026-03-09')).toBe('day_off'); // 8 March 2026 is a Sunday
    // Nauryz 21–23 March 2026: Saturday, Sunday, Monday → Tuesday 24 and Wednesday 25 are off
    expect(days.get('2026-03-24')).toBe('day_off');
    expect(days.get('2026-03-25')).toBe('day_off');
    expect(days.get('2026-03-26')).toBeUndefined();
    expect(days.get('2026-05-11')).toBe('day_off'); // 9 May 2026 is a Saturday
  });

  it('does not move religious holidays (Orthodox Christmas, Kurban Ait)', () => {
    // 7 January 2029 is a Sunday; nothing is moved for it.
    const y2029 = new Map(defaultCalendar(2029, fixedHolidays, [], []).map((d) => [d.date, d.kind]));
    expect(y2029.get('2029-01-07')).toBe('holiday');
    expect(y2029.get('2029-01-08')).toBeUndefined();
    expect(days.get('2026-05-27')).toBe('holiday'); // Kurban Ait day 1 in 2026
  });

  it('lets the annual decree override the computed defaults', () => {
    const decree = defaultCalendar(2026, fixedHolidays, [], [{ date: '2026-01-03', kind: 'working_day', noteKk: 'Жұмыс күні', noteRu: 'Рабочий день' }]);
    expect(decree.find((d) => d.date === '2026-01-03')?.kind).toBe('working_day');
  });
});

describe('working days', () => {
  it('skips weekends and holidays', () => {
    expect(cal2026.isWorkingDay('2026-03-20')).toBe(true); // Friday
    expect(cal2026.isWorkingDay('2026-03-21')).toBe(false);
    expect(cal2026.isWorkingDay('2026-03-24')).toBe(false);
    expect(cal2026.nthWorkingDayAfter('2026-03-20', 1)).toBe('2026-03-26');
  });

  it('counts a deadline across Nauryz and a weekend to the same local time', () => {
    // Accepted Thursday 19 March 2026 at 10:00 Almaty; 3 working days: Fri 20, Thu 26, Fri 27.
    const due = cal2026.addWorkingDays(at('2026-03-19T10:00:00+05:00'), 3);
    expect(toLocalIso(due)).toBe('2026-03-27T10:00:00+05:00');
  });

  it('starts the clock of something received on a day off at the next working morning', () => {
    // Saturday 21 March 2026 → first working day Thursday 26 March; 1 working day → due 27 March 00:00.
    const due = cal2026.addWorkingDays(at('2026-03-21T15:00:00+05:00'), 1);
    expect(toLocalIso(due)).toBe('2026-03-27T00:00:00+05:00');
  });

  it('uses Almaty dates (UTC+5), not UTC ones', () => {
    expect(localDate(at('2026-03-20T20:00:00Z'))).toBe('2026-03-21');
    expect(cal2026.isWorkingDay(localDate(at('2026-03-20T20:00:00Z')))).toBe(false);
  });

  it('measures elapsed working time, leaving out weekends and holidays', () => {
    // Friday 20 March 18:00 → Thursday 26 March 09:00: 6 h on Friday + 9 h on Thursday = 15 h.
    const d = cal2026.elapsedWorkingDays(at('2026-03-20T18:00:00+05:00'), at('2026-03-26T09:00:00+05:00'));
    expect(d * 24).toBeCloseTo(15, 5);
    expect(cal2026.workingDaysBetween(at('2026-03-20T18:00:00+05:00'), at('2026-03-26T09:00:00+05:00'))).toBe(1);
  });

  it('crosses the new year with the next year’s holidays', () => {
    // 1 Jan 2027 Friday and 2 Jan Saturday are holidays; 2 Jan on a Saturday moves a day off to Monday 4 Jan.
    expect(cal2026.nthWorkingDayAfter('2026-12-31', 1)).toBe('2027-01-05');
  });
});
