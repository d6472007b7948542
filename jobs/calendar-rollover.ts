// On 1 December the next year's default holidays are added, so deadlines that cross New Year are right.
import type { CalendarService } from '../core/calendar/calendar-service.ts';
import type { ReferenceService } from '../core/reference/reference-service.ts';
import type { Job } from './scheduler.ts';

export function createCalendarRolloverJob({
  reference,
  calendar,
  now = () => new Date(),
}: {
  reference: ReferenceService;
  calendar: CalendarService;
  now?: () => Date;
}): Job {
  return {
    name: 'calendar-rollover',
    schedule: '0 6 1 12 *',
    async run() {
      const year = now().getUTCFullYear();
      const days = await reference.rollCalendar([year, year + 1]);
      calendar.invalidate();
      return { years: [year, year + 1], days };
    },
  };
}
