// Section 3: the outbox against Telegram's limits. The fake Bot API enforces 30 messages/s overall and
// 1/s per chat, answering 429 with retry_after beyond them; the app's OutboxDispatcher (as app/app.ts
// builds it) sends a queue of notices to many citizens, some of whom get two at once. Figures: the
// steady rate and its ratio to 30/s; then, with 5 % of sends answered 429/500/502, that every notice
// arrives exactly once (counted per message at the fake).
import { Api } from 'grammy';
import { createLogger } from '../app/logger.ts';
import { OutboxDispatcher } from '../core/outbox/dispatcher.ts';
import { telegramChat } from '../bot/telegram/chat-port.ts';
import { enqueueMessage, outboxCounts } from '../core/outbox/outbox-repository.ts';
import { startFakeTelegram } from '../tests/fake-telegram/server.ts';
import { openBenchDb, type PostgresServer, type Target } from './lib/bench-db.ts';
import { perSecond } from './lib/stats.ts';

const TOKEN = '123456:BENCH-token-for-the-fake-bot-api';
export const TELEGRAM_LIMIT_PER_SECOND = 30;

export interface OutboxRun {
  messages: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /**
   * over the first 95 % of deliveries: the last few are second notices to chats that just had one, which the per-chat limit spaces a second apart
   * whatever the sender does
   */
  perSecond: number;
  /** first to last delivery, that tail included */
  perSecondAll: number;
  /** enqueue done → last delivery */
  wallMs: number;
  limited429: number;
  injected: number;
  failedFinal: number;
}

export async function runOutbox(opts: {
  target: Target;
  server?: PostgresServer;
  messages: number;
  failureRate: number;
  timeoutMs: number;
}): Promise<OutboxRun> {
  const bench = await openBenchDb(opts.target, opts.server);
  const fake = await startFakeTelegram({ token: TOKEN, enforceLimits: true, failureRate: opts.failureRate, seed: 7 });
  const api = new Api(TOKEN, { apiRoot: fake.apiRoot, timeoutSeconds: 30 });
  const dispatcher = new OutboxDispatcher({
    prisma: bench.db.prisma,
    chat: telegramChat((method, params) => api.raw[method as 'sendMessage'](params as never)),
    logger: createLogger('silent'),
    ratePerSecond: TELEGRAM_LIMIT_PER_SECOND,
    maxAttempts: 10,
  });
  try {
    // Notices to many citizens; every fifth citizen gets two at once (a status change and a comment).
    const chats: number[] = [];
    for (let i = 0, chat = 7_000_000; chats.length < opts.messages; i++, chat++) {
      chats.push(chat);
      if (i % 5 === 4 && chats.length < opts.messages) chats.push(chat);
    }
    await bench.db.prisma.$transaction(async (tx) => {
      for (const [k, chatId] of chats.entries()) {
        await enqueueMessage(tx, {
          chatId,
          kind: 'bench.notice',
          text: `Обращение KZ-2026-${String(k).padStart(6, '0')}: статус изменён #${k}`,
          dedupeKey: `bench:${k}`,
        });
      }
    });
    const started = performance.now();
    dispatcher.start();
    const deadline = started + opts.timeoutMs;
    for (;;) {
      const c = await outboxCounts(bench.db.prisma);
      if (c.pending + c.sending === 0 || performance.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const wallMs = performance.now() - started;
    await dispatcher.stop();
    const counts = await outboxCounts(bench.db.prisma);

    const perMessage = new Map<string, number>();
    for (const d of fake.delivered) {
      const id = /#(\d+)$/.exec(d.message.text ?? '')?.[1];
      if (id !== undefined) perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    }
    const times = fake.delivered.map((d) => d.at).sort((a, b) => a - b);
    const span = times.length > 1 ? times[times.length - 1]! - times[0]! : 0;
    const steady = Math.max(1, Math.floor(times.length * 0.95) - 1);
    const sends = fake.calls.filter((c) => c.method === 'sendMessage');
    return {
      messages: chats.length,
      delivered: perMessage.size,
      lost: chats.length - perMessage.size,
      duplicated: [...perMessage.values()].reduce((s, n) => s + n - 1, 0),
      // n deliveries span n-1 intervals
      perSecond: times.length > 1 ? perSecond(steady, times[steady]! - times[0]!) : 0,
      perSecondAll: perSecond(Math.max(0, times.length - 1), span),
      wallMs,
      limited429: sends.filter((c) => c.injected === 'rate-limit').length,
      injected: sends.filter((c) => c.injected === 'failure').length,
      failedFinal: counts.failed + counts.blocked,
    };
  } finally {
    await dispatcher.stop();
    await fake.close();
    await bench.drop();
  }
}
