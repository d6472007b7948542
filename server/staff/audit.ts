// The audit log, read-only, for admins: who changed what and when.
import { staffOf } from '../plugins/auth.ts';
import { routeModule } from '../route-kit.ts';
import { listBody, listQuery } from './audit-schemas.ts';

export const auditRoutes = routeModule('audit', 'admin', (app, { opts }, services) => {
  app.get('/api/audit', opts('Audit log, newest first', { querystring: listQuery, response: listBody }), async (req) => {
    const { cursor, limit, ...filter } = req.query;
    const page = await services.audit.list(staffOf(req), filter, { cursor, limit });
    return {
      items: page.items.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
      nextCursor: page.nextCursor?.toString() ?? null,
    };
  });
});
