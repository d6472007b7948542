// The periods an indicator is collected in: its schedule's calendar periods (core/calendar/periods.ts keys:
// 2026-03, 2026-Q1, 2026-H1, 2026) over the project's term, or one period "end" for the whole term.
import type { CollectionSchedule } from '../../generated/prisma/enums.ts';
import { localDate } from '../calendar/local-time.ts';
import { dayRange, parsePeriodKey, periodKeysBetween, type Period } from '../calendar/periods.ts';

export const TERM_KEY = 'end';

export function schedulePeriods(schedule: CollectionSchedule, term: { startsOn: Date; endsOn: Date }): Period[] {
  const first = localDate(term.startsOn);
  const last = localDate(term.endsOn);
  if (schedule === 'end') return [{ ...dayRange(first, last), key: TERM_KEY }];
  return periodKeysBetween(term.startsOn, term.endsOn, schedule).map((k) => parsePeriodKey(k));
}

/** The period of the schedule with this key, clipped to the project's term (its last day is what is counted at). */
export function periodOfKey(schedule: CollectionSchedule, term: { startsOn: Date; endsOn: Date }, key: string): Period | null {
  return schedulePeriods(schedule, term).find((p) => p.key === key) ?? null;
}

/** The last day counted for a period: its own last day, or the project's last day if that comes first. */
export function countedUntil(p: Period, term: { endsOn: Date }): string {
  const end = localDate(term.endsOn);
  return p.lastDay < end ? p.lastDay : end;
}
