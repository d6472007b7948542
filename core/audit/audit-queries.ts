// Reading the audit log: admins only, newest first, in pages keyed by the entry id. The role is checked
// here as well as on the route, so no other caller of the service reads the log without it.
import type { AuditLog, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { escapeLike } from '../text.ts';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorType?: string;
  actorId?: string;
  /** an exact action, or a prefix ending in * (e.g. staff.*) */
  action?: string;
  from?: Date;
  to?: Date;
}

/** `cursor`: the id of the last entry of the previous page (entries below it come next). */
export interface AuditPage {
  cursor?: bigint;
  limit: number;
}

function auditWhere(f: AuditFilter, cursor: bigint | undefined): Prisma.AuditLogWhereInput {
  return {
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actorType ? { actorType: f.actorType } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.action ? (f.action.endsWith('*') ? { action: { startsWith: escapeLike(f.action.slice(0, -1)) } } : { action: f.action }) : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    ...(cursor ? { id: { lt: cursor } } : {}),
  };
}

export function createAuditQueries({ prisma }: { prisma: PrismaClient }) {
  return {
    async list(staff: StaffPrincipal, filter: AuditFilter, page: AuditPage): Promise<{ items: AuditLog[]; nextCursor: bigint | null }> {
      requireRole(staff, ['admin']);
      const rows = await prisma.auditLog.findMany({ where: auditWhere(filter, page.cursor), orderBy: { id: 'desc' }, take: page.limit + 1 });
      const items = rows.slice(0, page.limit);
      return { items, nextCursor: rows.length > page.limit ? items[items.length - 1]!.id : null };
    },
  };
}
