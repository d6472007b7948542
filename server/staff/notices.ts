// The signed-in staff member's notices (overdue, escalated, reopened reports) and marking them read.
import type { z } from 'zod';
import type { StaffNotice } from '../../generated/prisma/client.ts';
import { actorOf, staffOf } from '../plugins/auth.ts';
import { cursorPage, iso, routeModule } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import { listBody, listQuery, noticeBody } from './notices-schemas.ts';

const view = (n: StaffNotice): z.output<typeof noticeBody> => ({
  id: n.id,
  kind: n.kind,
  reportId: n.reportId,
  text: n.text,
  createdAt: n.createdAt.toISOString(),
  readAt: iso(n.readAt),
});

export const noticeRoutes = routeModule('notices', 'anyStaff', (app, { opts }, services) => {
  app.get('/api/notices', opts('Your notices, newest first', { querystring: listQuery, response: listBody }), async (req) => {
    const { unread, cursor, limit } = req.query;
    const page = await services.notices.list(staffOf(req).id, { unreadOnly: unread === 'true', cursor, limit });
    return { ...cursorPage(page, view), unread: page.unread };
  });

  app.post('/api/notices/:id/read', opts('Mark your notice read', { params: idParam, response: noticeBody }), async (req) =>
    view(await services.notices.markRead(actorOf(req), staffOf(req).id, req.params.id)),
  );
});
