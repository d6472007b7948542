// How the notification queue stands, from the table every instance shares: counts per status, how long
// the oldest waiting message has waited, when the last one went out, and whether the queue is stuck.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { outboxCounts } from '../outbox/outbox-repository.ts';

export interface OutboxState {
  counts: { pending: number; sending: number; sent: number; failed: number; blocked: number; discarded: number };
  /** seconds the oldest message due and not yet sent has waited; 0 when none waits */
  oldestQueuedSeconds: number;
  lastSentAt: Date | null;
  /**
   * Messages have waited longer than the limit and none was sent in that time: Telegram refuses or
   * cannot be reached, or no instance runs the outbox. A long queue that moves is not stuck.
   */
  stuck: boolean;
}

export async function outboxState(prisma: PrismaClient, now: Date, stuckAfterMs: number): Promise<OutboxState> {
  const c = await outboxCounts(prisma);
  // A message waits from when it became due: its creation, or a later "not before" (a reminder set for
  // tomorrow is not late today). Backoff after a failure does not restart the wait.
  const [row] = await prisma.$queryRaw<Array<{ since: Date | null; lastSentAt: Date | null }>>`
    SELECT
      (SELECT min(CASE WHEN attempts = 0 THEN GREATEST("createdAt", "nextAttemptAt") ELSE "createdAt" END)
         FROM "OutboxMessage"
         WHERE status IN ('pending', 'sending') AND (attempts > 0 OR "nextAttemptAt" <= ${now})) AS since,
      (SELECT max("sentAt") FROM "OutboxMessage" WHERE status = 'sent') AS "lastSentAt"`;
  const since = row?.since ?? null;
  const lastSentAt = row?.lastSentAt ?? null;
  const oldestQueuedSeconds = since ? Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000)) : 0;
  const limit = now.getTime() - stuckAfterMs;
  const stuck = since != null && since.getTime() < limit && (lastSentAt == null || lastSentAt.getTime() < limit);
  return {
    counts: {
      pending: c.pending ?? 0,
      sending: c.sending ?? 0,
      sent: c.sent ?? 0,
      failed: c.failed ?? 0,
      blocked: c.blocked ?? 0,
      discarded: c.discarded ?? 0,
    },
    oldestQueuedSeconds,
    lastSentAt,
    stuck,
  };
}
