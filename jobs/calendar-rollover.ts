// On 1 December the next year's default holidays are added, so deadlines that cross New Year are right.
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { CalendarService } from '../core/calendar/calendar-service.ts';
import { seedCalendar } from '../prisma/seed.ts';
import type { Job } from './scheduler.ts';

export function createCalendarRolloverJob({
  prisma,
  calendar,
  now = () => new Date(),
}: {
  prisma: PrismaClient;
  calendar: CalendarService;
  now?: () => Date;
}): Job {
  return {
    name: 'calendar-rollover',
    schedule: '0 6 1 12 *',
    async run() {
      const year = now().getUTCFullYear();
      const days = await prisma.$transaction((tx) => seedCalendar(tx, [year, year + 1]));
      calendar.invalidate();
      return { years: [year, year + 1], days };
    },
  };
}
