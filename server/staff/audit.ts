// The audit log, read-only, for admins: who changed what and when.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../core/services.ts';
import { staffOf } from '../plugins/auth.ts';
import { guardedRoutes } from '../route-kit.ts';
import { listBody, listQuery } from './audit-schemas.ts';

export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { opts } = guardedRoutes(services.staff, 'audit', 'admin');
    app.get('/api/audit', opts('Audit log, newest first', { querystring: listQuery, response: listBody }), async (req) => {
      const { cursor, limit, ...filter } = req.query;
      const page = await services.audit.list(staffOf(req), filter, { cursor, limit });
      return {
        items: page.items.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
        nextCursor: page.nextCursor?.toString() ?? null,
      };
    });
  };
