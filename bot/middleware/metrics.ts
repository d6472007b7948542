// Bot metrics: updates per kind, how long handling took, handler errors, and conversations in progress.
// Installed first, so the time covers everything the update went through (waiting behind the same chat's
// previous update included, as the citizen waits for it too).
import type { MiddlewareFn } from 'grammy';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BotContext } from '../context.ts';
import { ALLOWED_UPDATES } from '../run.ts';

export interface BotMetrics {
  middleware: MiddlewareFn<BotContext>;
  /** an error the error boundary caught (it never reaches the middleware above it) */
  countError(ctx: BotContext): void;
}

/** message, callback_query, my_chat_member …: the update's one field besides update_id. */
export const updateKind = (update: object): string => Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown';

/** `activeConversations`: services.ops.activeConversations, read when the metrics are scraped */
export function createBotMetrics(registry: Registry, activeConversations: () => Promise<number>): BotMetrics {
  const updates = new Counter({
    name: 'azamat_bot_updates_total',
    help: 'Telegram updates handled by the bot, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'azamat_bot_update_errors_total',
    help: 'Updates whose handling failed, by kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'azamat_bot_update_duration_seconds',
    help: 'Time from an update reaching the bot to the end of its handling, by kind',
    labelNames: ['kind'],
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  // The kinds the bot subscribes to start at 0, so rates and alerts see them before the first one.
  for (const kind of ALLOWED_UPDATES) {
    updates.inc({ kind }, 0);
    errors.inc({ kind }, 0);
  }
  new Gauge({
    name: 'azamat_bot_conversations_active',
    help: 'Chats with a conversation in progress (a report, a question … being filled in)',
    registers: [registry],
    async collect() {
      this.set(await activeConversations());
    },
  });
  return {
    async middleware(ctx, next) {
      const kind = updateKind(ctx.update);
      const end = seconds.startTimer({ kind });
      try {
        await next();
      } catch (e) {
        errors.inc({ kind });
        throw e;
      } finally {
        end();
        updates.inc({ kind });
      }
    },
    countError(ctx) {
      errors.inc({ kind: updateKind(ctx.update) });
    },
  };
}
