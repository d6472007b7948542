// The audit log, read-only, for admins: who changed what and when.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Services } from '../../core/services.ts';
import { requireStaff } from '../plugins/auth.ts';
import { escapeLike } from '../../core/text.ts';
import { withErrors, bigIdCursor, dateTime } from '../schemas.ts';

const entry = z.object({
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
});

const query = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(100).optional(),
  actorType: z.enum(['staff', 'citizen', 'system', 'api_client']).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(64).optional().describe('exact action, or a prefix ending in * (e.g. staff.*)'),
  from: dateTime.optional(),
  to: dateTime.optional(),
  cursor: bigIdCursor.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

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
          querystring: query,
          response: withErrors({ 200: z.object({ items: z.array(entry), nextCursor: z.string().nullable() }) }),
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
