// The audit log, read-only, for admins: who changed what and when.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Services } from '../../core/services.ts';
import { requireStaff } from '../plugins/auth.ts';
import { escapeLike } from '../../core/text.ts';
import { withErrors } from '../schemas.ts';
import { listBody, listQuery } from './audit-schemas.ts';

export const auditRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        onRequest: requireStaff(services.staff, ['admin']),
        schema: {
          tags: ['audit'],
          summary: 'Audit log, newest first',
          querystring: listQuery,
          response: withErrors({ 200: listBody }),
        },
      },
      async (req) => {
        const q = req.query;
        const where: Prisma.AuditLogWhereInput = {
          ...(q.entity ? { entity: q.entity } : {}),
          ...(q.entityId ? { entityId: q.entityId } : {}),
          ...(q.actorType ? { actorType: q.actorType } : {}),
          ...(q.actorId ? { actorId: q.actorId } : {}),
          ...(q.action ? (q.action.endsWith('*') ? { action: { startsWith: escapeLike(q.action.slice(0, -1)) } } : { action: q.action }) : {}),
          ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } : {}),
          ...(q.cursor ? { id: { lt: q.cursor } } : {}),
        };
        const rows = await services.prisma.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: q.limit + 1 });
        const page = rows.slice(0, q.limit);
        return {
          items: page.map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
          nextCursor: rows.length > q.limit ? page[page.length - 1]!.id.toString() : null,
        };
      },
    );
  };
