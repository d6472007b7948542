// The working-day calendar API's shapes: an exception to Mon–Fri, and working days added to a date.
import { z } from 'zod';
import { calendarDate, kkRu } from '../schemas.ts';

const kind = z.enum(['holiday', 'day_off', 'working_day']);
export const dayBody = z.object({ date: z.string(), kind, ...kkRu('name'), source: z.string() });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const dateParams = z.object({ date: calendarDate });
export const setDayBody = z.object({ kind, ...kkRu('name', z.string().trim().min(1).max(200)) });
export const addQuery = z.object({ from: calendarDate, days: z.coerce.number().int().min(0).max(365) });
export const addedBody = z.object({ from: z.string(), days: z.number(), date: z.string(), at: z.string() });

/** A holiday, a moved day off or a working Saturday. */
export type CalendarDay = z.output<typeof dayBody>;
export type SetDayInput = z.input<typeof setDayBody>;
/** A date some working days after another, and its Almaty midnight. */
export type AddedDays = z.output<typeof addedBody>;
