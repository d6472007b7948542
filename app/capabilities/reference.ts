// Reference data and the working-day calendar (edited in the console's admin shell).
import { referenceDomain } from '../../core/reference/index.ts';
import type { Capability } from '../capability.ts';

export const reference: Capability = {
  ...referenceDomain,
  locales: [],
  routes: async ({ services }) => [
    (await import('../../server/reference/reference.ts')).referenceRoutes(services),
    (await import('../../server/reference/calendar.ts')).calendarRoutes(services),
  ],
  jobs: async ({ services }) => [
    (await import('../../jobs/calendar-rollover.ts')).createCalendarRolloverJob({
      reference: services.reference,
      calendar: services.calendar,
      now: services.now,
    }),
  ],
};
