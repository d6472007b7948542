// All domain services, built once by the composition root and handed to the bot, the API and the jobs.
import type { Logger } from 'pino';
import type { Database } from './db/client.ts';
import { fixedHolidays, movableHolidays, transfers } from '../prisma/seed/holidays.ts';
import { createCalendarService } from './calendar/calendar-service.ts';
import { defaultCalendar } from './calendar/defaults.ts';
import { createCitizenService, type PersonalDataSection } from './citizens/citizen-service.ts';
import { createReferenceService } from './reference/reference-service.ts';
import { createStaffService } from './staff/staff-service.ts';

export interface ServiceOptions {
  db: Database;
  logger: Logger;
  sessionTtlHours: number;
  now?: () => Date;
}

export function createServices({ db, logger, sessionTtlHours, now = () => new Date() }: ServiceOptions) {
  const prisma = db.prisma;
  // Capabilities add their personal-data sections here as they land.
  const personalData: PersonalDataSection[] = [];
  return {
    db,
    prisma,
    logger,
    now,
    calendar: createCalendarService({ prisma, defaults: (year) => defaultCalendar(year, fixedHolidays, movableHolidays, transfers) }),
    reference: createReferenceService({ prisma }),
    citizens: createCitizenService({ prisma, sections: personalData, now }),
    staff: createStaffService({ prisma, sessionTtlHours, now }),
  };
}

export type Services = ReturnType<typeof createServices>;
