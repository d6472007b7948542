// What an admin does with notifications that did not go out: read the queue with each one's reason, send a
// failed one again, or give it up. Both changes are audited with who and when.
import type { OutboxStatus } from '../../generated/prisma/enums.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { conflict, notFound } from '../errors.ts';
import { sentWith, type LegacyPayload, type StoredMessage } from '../outbox/outbox-repository.ts';

export interface OutboxItem {
  id: string;
  kind: string;
  method: string;
  chatId: string;
  citizenId: number | null;
  status: OutboxStatus;
  attempts: number;
  /** Telegram's answer or the network error, as last seen */
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
}

export async function listOutbox(
  prisma: PrismaClient,
  q: { status: OutboxStatus; cursor?: string; limit: number },
): Promise<{ items: OutboxItem[]; nextCursor: string | null }> {
  const rows = await prisma.outboxMessage.findMany({
    where: { status: q.status, ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}) },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      kind: r.kind,
      method: sentWith(r.payload as unknown as StoredMessage | LegacyPayload),
      chatId: r.chatId.toString(),
      citizenId: r.citizenId,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id.toString() : null,
  };
}

export function createOutboxAdmin({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  /** Only a failed message is retried or discarded: anything else is still moving or was delivered. */
  async function change(id: bigint, actor: Actor, to: 'pending' | 'discarded') {
    return prisma.$transaction(async (tx) => {
      const before = await tx.outboxMessage.findUnique({ where: { id }, select: { id: true, status: true, attempts: true, lastError: true, kind: true } });
      if (!before) throw notFound('outbox.not_found');
      const at = now();
      // Conditional on the state it was read in, so two admins pressing at once change it once.
      const taken = await tx.outboxMessage.updateMany({
        where: { id, status: 'failed' },
        data: to === 'pending' ? { status: 'pending', attempts: 0, nextAttemptAt: at, lockedUntil: null } : { status: 'discarded', lockedUntil: null },
      });
      if (taken.count === 0) throw conflict('outbox.not_failed', { status: before.status });
      await recordAudit(tx, actor, {
        action: to === 'pending' ? 'outbox.retry' : 'outbox.discard',
        entity: 'outbox_message',
        entityId: id,
        before,
        after: { status: to, ...(to === 'pending' ? { attempts: 0, nextAttemptAt: at } : {}) },
      });
      return { id: id.toString(), status: to };
    });
  }
  return {
    list: (q: { status: OutboxStatus; cursor?: string; limit: number }) => listOutbox(prisma, q),
    retry: (id: bigint, actor: Actor) => change(id, actor, 'pending'),
    discard: (id: bigint, actor: Actor) => change(id, actor, 'discarded'),
  };
}
