// One state change or addition of an initiative: its event (the public history) and the audit entry (who, when,
// before and after), written together in the caller's transaction.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { InitiativeStatus } from '../../generated/prisma/enums.ts';
import { type Actor, recordAudit } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';

export interface InitiativeChange {
  initiativeId: number;
  at: Date;
  /** the event type: published, returned, taken, patron, update … */
  type: string;
  /** the audit action: initiative.<…> */
  action: string;
  from?: InitiativeStatus | null;
  to?: InitiativeStatus | null;
  publicNote?: string | null;
  data?: Record<string, unknown>;
  before?: unknown;
  after?: unknown;
}

export async function recordChange(tx: Tx, actor: Actor, c: InitiativeChange): Promise<number> {
  const e = await tx.initiativeEvent.create({
    data: {
      initiativeId: c.initiativeId,
      at: c.at,
      actorType: actor.type,
      actorId: actor.id == null ? null : String(actor.id),
      type: c.type,
      fromStatus: c.from ?? null,
      toStatus: c.to ?? null,
      publicNote: c.publicNote ?? null,
      data: (c.data ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  await recordAudit(tx, actor, { action: c.action, entity: 'initiative', entityId: c.initiativeId, before: c.before, after: c.after ?? c.data });
  return e.id;
}
