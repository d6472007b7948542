// The grant report's participant statistics API's shapes (seed 004).
import { z } from 'zod';
import { day, eventBody } from './projects-schemas.ts';

export const periodQuery = z.object({
  from: day.optional().describe('default: the project start'),
  to: day.optional().describe('default: the project end; ages are computed at this day'),
});
const cells = z.array(z.object({ code: z.string(), count: z.number() }));

export const statsBody = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  countedAt: z.string(),
  total: z.number(),
  gender: z.object({ total: z.number(), male: z.number(), female: z.number(), notStated: z.number() }),
  socialStatus: cells.describe('the ten categories in the form order, then not-stated'),
  age: cells.describe('under-8, the eight brackets of the form, then not-stated'),
  events: z.array(eventBody),
  eventParticipants: z.number(),
});

export type GrantStats = z.output<typeof statsBody>;
