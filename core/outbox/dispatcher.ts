// Sends the outbox at Telegram's limits (about 30 messages/s overall, 1 message/s per chat),
// retrying flood control and server errors, and retiring chats that blocked the bot. The chat itself is
// reached through a ChatPort (bot/telegram/chat-port.ts), which says what kind of refusal an error is.
import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { asChatFailure, type ChatPort } from './chat-port.ts';
import { claimDue, isLegacy, markFinal, markRetry, markSent, type ClaimedMessage } from './outbox-repository.ts';
import { JITTER_MARGIN, SendSlots } from './send-slots.ts';

/** How one send ended: `flood` is the chat service's flood control (Telegram's 429), `deferred` a message handed back during one. */
export type SendOutcome = 'sent' | 'retried' | 'flood' | 'deferred' | 'failed' | 'blocked';

export interface DispatcherOptions {
  prisma: PrismaClient;
  chat: ChatPort;
  logger: Logger;
  now?: () => Date;
  ratePerSecond?: number;
  perChatIntervalMs?: number;
  maxAttempts?: number;
  /** how long a claimed message stays ours before another dispatcher may retake it */
  leaseMs?: number;
  idleDelayMs?: number;
  /** told of every send's outcome, with the message's kind (the metrics count them) */
  onSend?: (outcome: SendOutcome, kind: string) => void;
}

export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  blocked: number;
}

export class OutboxDispatcher {
  private readonly now: () => Date;
  private readonly rate: number;
  private readonly perChatMs: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly idleDelayMs: number;
  private readonly schedule: SendSlots;
  /** sends of about the last second: when Telegram answered them (Infinity while in flight) */
  private readonly recentSends: Array<{ at: number }> = [];
  /** the last send to each chat still within perChatMs */
  private readonly lastToChat = new Map<bigint, { at: number }>();
  /** batches whose last sends are still waiting for their chat */
  private readonly inflight = new Set<Promise<unknown>>();
  private pausedUntil = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly opts: DispatcherOptions) {
    this.now = opts.now ?? (() => new Date());
    this.rate = opts.ratePerSecond ?? 30;
    // A small margin over 1 s and 1/rate: requests reach Telegram with some jitter, and one that lands
    // a few milliseconds early counts in the previous window and earns a 429.
    this.perChatMs = opts.perChatIntervalMs ?? 1100;
    this.maxAttempts = opts.maxAttempts ?? 10;
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.idleDelayMs = opts.idleDelayMs ?? 500;
    this.schedule = new SendSlots((1000 / this.rate) * JITTER_MARGIN, this.perChatMs);
  }

  /** Claims one batch and sends it, pacing each message into its time slot. */
  async runOnce(): Promise<DispatchResult> {
    const { result, all } = await this.dispatchBatch();
    await all;
    return result;
  }

  /**
   * Claims a batch and schedules its sends. `dense` settles when the sends that fill the batch's share
   * of the overall rate are done; the rest wait for their chat's next second (`all`). The loop claims
   * the next batch after `dense`, so those few stragglers leave no idle gap between batches.
   */
  private async dispatchBatch(): Promise<{ result: DispatchResult; dense: Promise<unknown>; all: Promise<unknown> }> {
    const result: DispatchResult = { claimed: 0, sent: 0, retried: 0, failed: 0, blocked: 0 };
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) await sleep(wait);
    const now = this.now();
    // Two seconds of work per batch keeps pacing smooth without holding many leases.
    const batch = await claimDue(this.opts.prisma, now, new Date(now.getTime() + this.leaseMs), Math.max(1, Math.ceil(this.rate * 2)));
    result.claimed = batch.length;
    if (batch.length === 0) return { result, dense: Promise.resolve(), all: Promise.resolve() };
    const horizon = Date.now() + (batch.length * 1000 * JITTER_MARGIN) / this.rate;
    const dense: Promise<void>[] = [];
    const late: Promise<void>[] = [];
    for (const m of batch) {
      const slot = this.slotFor(m.chatId);
      (slot <= horizon ? dense : late).push(this.sendAt(slot, m, result));
    }
    const all = Promise.all([...dense, ...late]);
    this.inflight.add(all);
    void all.finally(() => this.inflight.delete(all));
    return { result, dense: Promise.all(dense), all };
  }

  private slotFor(chatId: bigint): number {
    return this.schedule.take(String(chatId));
  }

  /**
   * ms until one more send keeps every second (and the margin) within the rate, and the chat's
   * interval after its previous message; 0 when it does now.
   * Counted by when earlier sends were answered, the latest they can have reached Telegram: the very
   * first request of a connection, or one on a busy event loop, arrives later than it left.
   */
  private windowWait(chatId: bigint): number {
    const t = Date.now();
    const last = this.lastToChat.get(chatId);
    if (last) {
      const wait = Math.min(last.at, t) + this.perChatMs - t;
      if (wait > 0) return wait;
      this.lastToChat.delete(chatId);
    }
    const windowMs = 1000 * JITTER_MARGIN;
    const recent = this.recentSends.filter((s) => s.at > t - windowMs);
    this.recentSends.length = 0;
    this.recentSends.push(...recent);
    if (recent.length < this.rate) return 0;
    const times = recent.map((s) => Math.min(s.at, t)).sort((a, b) => b - a);
    return Math.max(1, times[Math.floor(this.rate) - 1]! + windowMs - t);
  }

  private async sendAt(slot: number, m: ClaimedMessage, result: DispatchResult): Promise<void> {
    const delay = slot - Date.now();
    if (delay > 0) await sleep(delay);
    // Timers that fire late (a busy event loop) bunch sends together: by the clock of the actual sends,
    // never more than `rate` in any second (and the margin), which is how Telegram counts.
    for (let w = this.windowWait(m.chatId); w > 0; w = this.windowWait(m.chatId)) await sleep(w);
    const { prisma, logger } = this.opts;
    const paused = this.pausedUntil - Date.now();
    if (paused > 0) {
      // A 429 earlier in this batch: Telegram asked us to send nothing for a while, so hand the
      // message back (without counting an attempt) instead of sending into the flood wait.
      await markRetry(prisma, m.id, new Date(this.now().getTime() + paused), 'deferred by flood control', false);
      result.retried += 1;
      this.opts.onSend?.('deferred', m.kind);
      return;
    }
    // Until it is answered, a send may reach Telegram at any moment: it counts as "now" until then.
    const sent = { at: Number.POSITIVE_INFINITY };
    this.recentSends.push(sent);
    this.lastToChat.set(m.chatId, sent);
    try {
      const p = m.payload;
      const { messageId } = await (
        isLegacy(p) ? this.opts.chat.sendLegacy(p.method, { chat_id: Number(m.chatId), ...p.params }) : this.opts.chat.send(m.chatId, p)
      ).finally(() => {
        sent.at = Date.now();
      });
      await markSent(prisma, m.id, this.now(), messageId);
      result.sent += 1;
      this.opts.onSend?.('sent', m.kind);
    } catch (e) {
      const failure = asChatFailure(e);
      const description = failure.message;
      if (failure.kind === 'flood') {
        const retryAfterMs = Math.max(1000, failure.retryAfterMs ?? 1000);
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + retryAfterMs);
        await markRetry(prisma, m.id, new Date(this.now().getTime() + retryAfterMs), description, false);
        result.retried += 1;
        this.opts.onSend?.('flood', m.kind);
      } else if (failure.kind === 'gone') {
        await prisma.$transaction(async (tx) => {
          await markFinal(tx, m.id, 'blocked', description);
          if (m.citizenId != null) {
            await tx.citizen.updateMany({ where: { id: m.citizenId, active: true }, data: { active: false, blockedAt: this.now() } });
          }
        });
        result.blocked += 1;
        this.opts.onSend?.('blocked', m.kind);
        logger.info({ outboxId: String(m.id), chatId: String(m.chatId) }, 'outbox: chat blocked the bot, marked inactive');
      } else if (failure.kind === 'transient' && m.attempts < this.maxAttempts) {
        const backoffMs = Math.min(10 * 60_000, 1000 * 2 ** Math.min(m.attempts, 10));
        await markRetry(prisma, m.id, new Date(this.now().getTime() + backoffMs), description, true);
        result.retried += 1;
        this.opts.onSend?.('retried', m.kind);
      } else {
        await markFinal(prisma, m.id, 'failed', description);
        result.failed += 1;
        this.opts.onSend?.('failed', m.kind);
        logger.warn({ outboxId: String(m.id), kind: failure.kind, description }, 'outbox: message failed permanently');
      }
    }
  }

  /** Starts the background loop; `stop()` finishes the batches in hand before resolving. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          const { result, dense } = await this.dispatchBatch();
          await dense;
          if (result.claimed === 0 && this.running) await new Promise<void>((resolve) => this.idle(resolve));
        } catch (e) {
          this.opts.logger.error({ err: e }, 'outbox: dispatch loop error');
          if (this.running) await sleep(this.idleDelayMs * 4);
        }
      }
    })();
  }

  private idle(resolve: () => void): void {
    const timer = setTimeout(done, this.idleDelayMs);
    this.wake = done;
    function done() {
      clearTimeout(timer);
      resolve();
    }
  }

  /** Lets a producer in this process skip the idle wait. */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all([...this.inflight]);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
