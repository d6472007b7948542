// Every state change is recorded with who and when (DOMAIN.md: nothing is "taken off control" silently).
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';

export type ActorType = 'staff' | 'citizen' | 'system' | 'api_client';

export interface Actor {
  type: ActorType;
  id?: string | number | bigint | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | bigint | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy: BigInt → string, Date → ISO, secrets dropped. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => {
      if (key === 'passwordHash' || key === 'password') return undefined;
      return typeof v === 'bigint' ? v.toString() : v;
    }),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorType: actor.type,
      actorId: actor.id == null ? null : String(actor.id),
      ip: actor.ip ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      before: auditJson(entry.before),
      after: auditJson(entry.after),
    },
  });
}
