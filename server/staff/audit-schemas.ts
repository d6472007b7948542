// The audit log API's shapes: an entry and the filters.
import { z } from 'zod';
import { bigIdCursor, cursorPageOf, dateTime, localizedText } from '../schemas.ts';

export const entryBody = z.object({
  id: z.string(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  /** the staff member's full name or the API client's name (null for a citizen or the system) */
  actorName: z.string().nullable(),
  /** what the entry is about as people name it: a report's or question's number, a staff member's, topic's or project's name */
  subject: localizedText.nullable(),
});
export const listBody = cursorPageOf(entryBody);

export const listQuery = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(100).optional().describe('an id, or a report or question number (KZ-2026-000022)'),
  actorType: z.enum(['staff', 'citizen', 'system', 'api_client']).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('exact action, or a prefix ending in * (e.g. staff.*)'),
  from: dateTime.optional(),
  to: dateTime.optional(),
  cursor: bigIdCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type AuditEntry = z.output<typeof entryBody>;
