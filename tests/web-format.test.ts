// The console's formats, the same in Kazakh and Russian (issue 22, point 3): Almaty dates and times, a space
// between thousands and a comma before decimals, named periods, grouped phones, a deadline without a time.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatDeadline,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPhone,
  formatShare,
  formatSigned,
  formatTime,
} from '../web/src/i18n/format.ts';

// The gaps are no-break spaces so «12 400» and «88,9 %» never split across lines.
const sp = (s: string) => s.replace(/ /g, '\u00a0');

describe('console formats', () => {
  it('writes dates dd.mm.yyyy and times HH:MM in Almaty time (UTC+5), across midnight too', () => {
    expect(formatDateTime('2026-12-06T04:05:00Z')).toBe('06.12.2026 09:05');
    expect(formatDateTime('2026-12-31T20:30:00Z')).toBe('01.01.2027 01:30');
    expect(formatDate('2026-12-31T20:30:00Z')).toBe('01.01.2027');
    expect(formatDate('2026-03-08')).toBe('08.03.2026');
    expect(formatTime('2026-12-06T13:00:00Z')).toBe('18:00');
    expect(formatDate(null)).toBe('—');
  });

  it('shows a deadline at Almaty midnight as a date and any other deadline with its time', () => {
    expect(formatDeadline('2026-12-09T19:00:00Z')).toBe('10.12.2026');
    expect(formatDeadline('2026-12-10T04:30:00Z')).toBe('10.12.2026 09:30');
    expect(formatDeadline('2026-12-10')).toBe('10.12.2026');
  });

  it('puts a space between thousands and a comma before decimals', () => {
    expect(formatNumber(12400.5, 1)).toBe(sp('12 400,5'));
    expect(formatNumber(1234567)).toBe(sp('1 234 567'));
    expect(formatNumber(2026)).toBe('2026');
    expect(formatNumber(3.5, 1)).toBe('3,5');
    expect(formatNumber(0, 1)).toBe('0,0');
    expect(formatNumber(-1.25, 1)).toBe('−1,3');
    expect(formatNumber(2.5, 2, { trim: true })).toBe('2,5');
    expect(formatSigned(3)).toBe('+3');
    expect(formatSigned(-1.5, 1)).toBe('−1,5');
  });

  it('writes shares and percentages as «88,9 %»', () => {
    expect(formatShare(0.889)).toBe(sp('88,9 %'));
    expect(formatPercent(42, 0)).toBe(sp('42 %'));
    expect(formatShare(null)).toBe('—');
  });

  it('names periods instead of showing their codes', () => {
    expect(formatPeriod('2026-12', 'kk')).toBe('2026 ж. желтоқсан');
    expect(formatPeriod('2026-12', 'ru')).toBe('декабрь 2026');
    expect(formatPeriod('2026-Q4', 'kk')).toBe('IV тоқсан 2026');
    expect(formatPeriod('2026-Q4', 'ru')).toBe('IV квартал 2026');
    expect(formatPeriod('2026-H1', 'kk')).toBe('I жартыжылдық 2026');
    expect(formatPeriod('2026-H2', 'ru')).toBe('II полугодие 2026');
    expect(formatPeriod('2026', 'kk')).toBe('2026 жыл');
    expect(formatPeriod('2026', 'ru')).toBe('2026 год');
  });

  it('groups Kazakhstan phone numbers as +7 707 000 00 01 and leaves others as written', () => {
    expect(formatPhone('+77070000001')).toBe('+7 707 000 00 01');
    expect(formatPhone('87070000001')).toBe('+7 707 000 00 01');
    expect(formatPhone('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    expect(formatPhone(null)).toBe('—');
  });
});
