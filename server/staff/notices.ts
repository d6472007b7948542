// The signed-in staff member's notices (overdue, escalated, reopened reports) and marking them read.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { StaffNotice } from '../../generated/prisma/client.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff, staffOf } from '../plugins/auth.ts';
import { idParam, withErrors, idCursor } from '../schemas.ts';

const noticeBody = z.object({
  id: z.number(),
  kind: z.string().describe('report.overdue, report.escalated, report.reopened, …'),
  reportId: z.number().nullable(),
  text: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

const view = (n: StaffNotice): z.infer<typeof noticeBody> => ({
  id: n.id,
  kind: n.kind,
  reportId: n.reportId,
  text: n.text,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export const noticeRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = requireStaff(services.staff);
    const tags = ['notices'];

    app.get(
      '/api/notices',
      {
        onRequest: staff,
        schema: {
          tags,
          summary: 'Your notices, newest first',
          querystring: z.object({
            unread: z.enum(['true', 'false']).optional().describe('true: unread only'),
            cursor: idCursor.optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: withErrors({
            200: z.object({ items: z.array(noticeBody), unread: z.number().describe('all your unread notices'), nextCursor: z.string().nullable() }),
          }),
        },
      },
      async (req) => {
        const { unread, cursor, limit } = req.query;
        const page = await services.notices.list(staffOf(req).id, { unreadOnly: unread === 'true', cursor, limit });
        return { items: page.items.map(view), unread: page.unread, nextCursor: page.nextCursor == null ? null : String(page.nextCursor) };
      },
    );

    app.post(
      '/api/notices/:id/read',
      { onRequest: staff, schema: { tags, summary: 'Mark your notice read', params: idParam, response: withErrors({ 200: noticeBody }) } },
      async (req) => view(await services.notices.markRead(actorOf(req), staffOf(req).id, req.params.id)),
    );
  };
