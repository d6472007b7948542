// The notices API's shapes: a notice and the signed-in member's list.
import { z } from 'zod';
import { boolQuery, idCursor, listLimit } from '../schemas.ts';

export const noticeBody = z.object({
  id: z.number(),
  kind: z.string().describe('report.overdue, report.escalated, report.reopened, …'),
  reportId: z.number().nullable(),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const listQuery = z.object({ unread: boolQuery.optional().describe('true: unread only'), cursor: idCursor.optional(), limit: listLimit });
export const listBody = z.object({ items: z.array(noticeBody), unread: z.number().describe('all your unread notices'), nextCursor: z.string().nullable() });
