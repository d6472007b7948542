// Reporting periods (DOMAIN.md: month, quarter, half-year, year, in Almaty time) and custom ranges.
import { describe, expect, it } from 'vitest';
import { dayRange, isPeriodKey, parsePeriodKey, periodKeyOf, periodKeysBetween, previousPeriod, resolvePeriod } from '../core/calendar/periods.ts';
import { periodOf } from '../core/consultations/consultation-totals.ts';
import { parsePeriod } from '../core/volunteering/volunteer-rankings.ts';

const at = (local: string) => new Date(`${local}+05:00`);

describe('reporting periods', () => {
  it('parses years, half-years, quarters and months into Almaty [from, to)', () => {
    expect(parsePeriodKey('2026')).toMatchObject({
      kind: 'year',
      key: '2026',
      firstDay: '2026-01-01',
      lastDay: '2026-12-31',
      from: at('2026-01-01T00:00:00'),
      to: at('2027-01-01T00:00:00'),
    });
    expect(parsePeriodKey('2026-H2')).toMatchObject({ kind: 'half', index: 2, firstDay: '2026-07-01', lastDay: '2026-12-31', to: at('2027-01-01T00:00:00') });
    expect(parsePeriodKey('2026-Q1')).toMatchObject({ kind: 'quarter', index: 1, firstDay: '2026-01-01', lastDay: '2026-03-31' });
    expect(parsePeriodKey('2028-02')).toMatchObject({ kind: 'month', lastDay: '2028-02-29' });
    expect(parsePeriodKey(' 2026-03 ').key).toBe('2026-03');
  });

  it('refuses anything else, and kinds the caller does not accept, with the caller’s error', () => {
    for (const bad of ['2026-13', '2026-Q5', '2026-H3', '26', '2026-3', 'year', '2026-03-01']) {
      expect(isPeriodKey(bad)).toBe(false);
      expect(() => parsePeriodKey(bad)).toThrow(expect.objectContaining({ code: 'period.bad_period' }));
    }
    // volunteer awards are given per month, quarter or year only
    expect(() => parsePeriod('2026-H1')).toThrow(expect.objectContaining({ code: 'volunteer.bad_period' }));
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', from: at('2026-10-01T00:00:00'), to: at('2027-01-01T00:00:00') });
  });

  it('puts an instant in its period by the Almaty date (02:00 on 1 January is the new year)', () => {
    const newYear = at('2027-01-01T02:00:00'); // 21:00 UTC on 31 December
    expect(periodKeyOf(newYear, 'year')).toBe('2027');
    expect(periodKeyOf(newYear, 'half')).toBe('2027-H1');
    expect(periodKeyOf(at('2026-06-30T23:59:00'), 'half')).toBe('2026-H1');
    expect(periodKeyOf(at('2026-07-01T00:00:00'), 'quarter')).toBe('2026-Q3');
    // the consultation totals use the same rule
    expect(periodOf(newYear, 'month')).toBe('2027-01');
  });

  it('gives the period before: the previous month, quarter, half or year, or a range as long', () => {
    expect(previousPeriod(parsePeriodKey('2026-01')).key).toBe('2025-12');
    expect(previousPeriod(parsePeriodKey('2026-Q1')).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriodKey('2026-H2')).key).toBe('2026-H1');
    expect(previousPeriod(parsePeriodKey('2026')).key).toBe('2025');
    expect(previousPeriod(dayRange('2026-03-10', '2026-03-19'))).toMatchObject({ firstDay: '2026-02-28', lastDay: '2026-03-09' });
  });

  it('custom ranges are inclusive Almaty days; bad or reversed ranges are refused', () => {
    expect(dayRange('2026-03-05', '2026-03-05')).toMatchObject({
      kind: 'range',
      key: '2026-03-05..2026-03-05',
      from: at('2026-03-05T00:00:00'),
      to: at('2026-03-06T00:00:00'),
    });
    expect(() => dayRange('2026-03-06', '2026-03-05')).toThrow(expect.objectContaining({ code: 'period.bad_range' }));
    expect(() => dayRange('2026-02-30', '2026-03-05')).toThrow(expect.objectContaining({ code: 'period.bad_range' }));
    expect(() => dayRange('2000-01-01', '2026-03-05')).toThrow(expect.objectContaining({ code: 'period.bad_range' }));
  });

  it('resolves a query: a key, a range (an open end is today), or the current month', () => {
    const now = at('2026-05-20T12:00:00');
    expect(resolvePeriod({ period: '2026-Q2' }, now).key).toBe('2026-Q2');
    expect(resolvePeriod({ from: '2026-05-01' }, now)).toMatchObject({ firstDay: '2026-05-01', lastDay: '2026-05-20' });
    expect(resolvePeriod({ to: '2026-04-15' }, now)).toMatchObject({ firstDay: '2026-04-01', lastDay: '2026-04-15' });
    expect(resolvePeriod({}, now).key).toBe('2026-05');
  });

  it('lists the period keys between two instants', () => {
    expect(periodKeysBetween(at('2026-05-20T00:00:00'), at('2026-09-01T00:00:00'), 'quarter')).toEqual(['2026-Q2', '2026-Q3']);
    expect(periodKeysBetween(at('2025-12-01T00:00:00'), at('2026-03-01T00:00:00'), 'month')).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});
