// The outbox table: written in the caller's transaction, claimed atomically by the dispatcher.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../db/tx.ts';
import type { ChatMessage } from './chat-port.ts';

/** A message as the outbox stores it: what to say and offer, in no chat protocol (core/outbox/chat-port.ts). */
export interface StoredMessage extends ChatMessage {
  v: 2;
}

/**
 * A row queued before messages were neutral: a Bot API method and its parameters. Such rows are still
 * sent as they are (ChatPort.sendLegacy). Once no row with this payload is pending or sending in any
 * deployment (`SELECT count(*) FROM "OutboxMessage" WHERE status IN ('pending','sending') AND payload ? 'method'`
 * is 0 after the first dispatcher of this release ran), this type and its branch in the dispatcher can go.
 */
export interface LegacyPayload {
  method: string;
  params: Record<string, unknown>;
}

export const isLegacy = (p: StoredMessage | LegacyPayload): p is LegacyPayload => !('v' in p);

/**
 * The Bot API method a row goes out with, as the admin API lists it (GET /api/system/outbox): a neutral
 * message is always sent as a new message.
 */
export const sentWith = (p: StoredMessage | LegacyPayload): string =>
  // eslint-disable-next-line no-restricted-syntax -- the admin API's output names the method, as it did before neutral messages
  isLegacy(p) ? p.method : 'sendMessage';

export interface OutgoingMessage extends ChatMessage {
  chatId: bigint | number;
  citizenId?: number | null;
  /** the cause, e.g. 'report.status' or 'poll.invite' */
  kind: string;
  /** if given, a second message with the same key is silently not enqueued */
  dedupeKey?: string;
  /** send no earlier than this */
  notBefore?: Date;
}

export interface ClaimedMessage {
  id: bigint;
  chatId: bigint;
  citizenId: number | null;
  kind: string;
  payload: StoredMessage | LegacyPayload;
  attempts: number;
}

/** The stored payload of a message (also for callers that write the row in their own SQL). */
export const storedPayload = (msg: ChatMessage): StoredMessage => ({ v: 2, text: msg.text, html: msg.html ?? false, offers: msg.offers ?? [] });

/** Enqueues in the caller's transaction, so the message exists exactly when its cause does. */
/** Returns the row's id: the new one, or the existing one with the same dedupe key. */
export async function enqueueMessage(tx: Tx, msg: OutgoingMessage): Promise<bigint> {
  const data = {
    chatId: BigInt(msg.chatId),
    citizenId: msg.citizenId ?? null,
    kind: msg.kind,
    payload: storedPayload(msg) as unknown as Prisma.InputJsonValue,
    dedupeKey: msg.dedupeKey ?? null,
    nextAttemptAt: msg.notBefore ?? new Date(),
  };
  if (msg.dedupeKey) {
    // ON CONFLICT DO NOTHING: a concurrent transaction with the same key waits for ours instead of
    // failing on the unique index (which would roll back its cause).
    const [row] = await tx.outboxMessage.createManyAndReturn({ data: [data], skipDuplicates: true, select: { id: true } });
    return row?.id ?? (await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: msg.dedupeKey }, select: { id: true } })).id;
  }
  return (await tx.outboxMessage.create({ data, select: { id: true } })).id;
}

/**
 * Takes up to `limit` due messages and leases them until `leaseUntil`. SKIP LOCKED lets several
 * dispatchers run without ever taking the same row; an expired lease (a crashed sender) is retaken.
 */
export async function claimDue(tx: Tx, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMessage[]> {
  const rows = await tx.$queryRaw<Array<{ id: bigint; chatId: bigint; citizenId: number | null; kind: string; payload: unknown; attempts: number }>>`
    UPDATE "OutboxMessage" SET status = 'sending', "lockedUntil" = ${leaseUntil}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE (status = 'pending' AND "nextAttemptAt" <= ${now})
         OR (status = 'sending' AND "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "chatId", "citizenId", kind, payload, attempts`;
  return rows.map((r) => ({ ...r, payload: r.payload as ClaimedMessage['payload'] })).sort((a, b) => (a.id < b.id ? -1 : 1));
}

export async function markSent(tx: Tx, id: bigint, at: Date, messageId: number | null): Promise<void> {
  await tx.outboxMessage.update({
    where: { id },
    data: { status: 'sent', sentAt: at, lockedUntil: null, lastError: null, messageId: messageId == null ? null : BigInt(messageId) },
  });
}

export async function markRetry(tx: Tx, id: bigint, at: Date, error: string, countAttempt: boolean): Promise<void> {
  await tx.outboxMessage.update({
    where: { id },
    data: {
      status: 'pending',
      nextAttemptAt: at,
      lockedUntil: null,
      lastError: error.slice(0, 500),
      // Flood control (429) is Telegram asking us to wait, not a failure of this message.
      ...(countAttempt ? {} : { attempts: { decrement: 1 } }),
    },
  });
}

export async function markFinal(tx: Tx, id: bigint, status: 'failed' | 'blocked', error: string): Promise<void> {
  await tx.outboxMessage.update({ where: { id }, data: { status, lockedUntil: null, lastError: error.slice(0, 500) } });
}

export async function outboxCounts(tx: Tx): Promise<Record<string, number>> {
  const groups = await tx.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: Record<string, number> = { pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0, discarded: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}
