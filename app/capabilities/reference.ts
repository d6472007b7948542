// Reference data and the working-day calendar (edited in the console's admin shell).
import { referenceDomain } from '../../core/reference/index.ts';
import { createCalendarRolloverJob } from '../../jobs/calendar-rollover.ts';
import { calendarRoutes } from '../../server/reference/calendar.ts';
import { referenceRoutes } from '../../server/reference/reference.ts';
import type { Capability } from '../capability.ts';

export const reference: Capability = {
  ...referenceDomain,
  locales: [],
  routes: ({ services }) => [referenceRoutes(services), calendarRoutes(services)],
  jobs: ({ services }) => [createCalendarRolloverJob({ reference: services.reference, calendar: services.calendar, now: services.now })],
};
