// The outbox: messages written in their cause's transaction, sent once at Telegram's limits,
// retried on flood control and server errors, and retired when the citizen blocked the bot.
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { OutboxDispatcher, type DispatcherOptions } from '../core/outbox/dispatcher.ts';
import { enqueueMessage, outboxCounts, type OutgoingMessage } from '../core/outbox/outbox-repository.ts';
import { telegramChat, type SendFn } from '../bot/telegram/chat-port.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { sentParams } from './helpers/outbox.ts';
import { testLogger } from './helpers/silent-logger.ts';

interface SendCall {
  method: string;
  params: Record<string, unknown>;
  /** real time of the call, for pacing */
  at: number;
}

/** What grammY's GrammyError carries. */
function apiError(errorCode: number, description: string, parameters: { retry_after?: number } = {}): Error {
  return Object.assign(new Error(`Call failed! (${errorCode}: ${description})`), { error_code: errorCode, description, parameters });
}

/** What grammY's HttpError looks like: no error_code at all. */
function networkError(): Error {
  return new Error('Network request for sendMessage failed!');
}

const tooManyRequests = (retryAfter: number) => apiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

/**
 * A fake Bot API: records every call; `failWith` scripts the next answers (one per call, in order),
 * `failAlways` makes every call throw until cleared.
 */
function fakeTelegram() {
  const calls: SendCall[] = [];
  const script: Error[] = [];
  let always: (() => Error) | undefined;
  let nextMessageId = 7000;
  const send: SendFn = async (method, params) => {
    calls.push({ method, params, at: Date.now() });
    const failure = script.shift() ?? always?.();
    if (failure) throw failure;
    return { message_id: nextMessageId++, date: 0, chat: { id: params.chat_id, type: 'private' } };
  };
  return {
    send,
    calls,
    failWith(...failures: Error[]) {
      script.push(...failures);
    },
    failAlways(make: (() => Error) | undefined) {
      always = make;
    },
    /** texts of the messages sent, in call order */
    texts: () => calls.map((c) => c.params.text),
  };
}

/** A clock the test moves by hand; starts a little ahead of real time so fresh enqueues are due. */
function testClock() {
  let t = Date.now() + 1000;
  return {
    now: () => new Date(t),
    get ms() {
      return t;
    },
    advance(ms: number) {
      t += ms;
    },
  };
}

function message(chatId: number, text: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return { chatId, kind: 'test.notice', text, ...extra };
}

describe.each(dbTargets)('outbox on %s', (target) => {
  let prisma: PrismaClient;

  const suite = useTestDb(target, { seed: false, truncate: ['OutboxMessage', 'Citizen', 'JobLease'] });
  beforeAll(() => {
    prisma = suite.db.prisma;
  });

  function dispatcher(send: SendFn, opts: Partial<DispatcherOptions> = {}): OutboxDispatcher {
    return new OutboxDispatcher({ prisma, chat: telegramChat(send), logger: testLogger, ratePerSecond: 1000, perChatIntervalMs: 0, idleDelayMs: 10, ...opts });
  }

  async function enqueue(...msgs: OutgoingMessage[]): Promise<void> {
    for (const m of msgs) await enqueueMessage(prisma, m);
  }

  async function rowByText(text: string) {
    const rows = await prisma.outboxMessage.findMany();
    const row = rows.find((r) => sentParams(r).text === text);
    if (!row) throw new Error(`no outbox row for ${text}`);
    return row;
  }

  describe('enqueueMessage', () => {
    it('leaves no message when the transaction of its cause rolls back', async () => {
      await expect(
        prisma.$transaction(async (tx) => {
          await enqueueMessage(tx, message(101, 'your report was accepted'));
          throw new Error('saving the report failed');
        }),
      ).rejects.toThrow('saving the report failed');
      expect(await prisma.outboxMessage.count()).toBe(0);
    });

    it('stores one pending message when the transaction commits', async () => {
      await prisma.$transaction(async (tx) => {
        await enqueueMessage(tx, message(101, 'your report was accepted', { kind: 'report.status' }));
      });
      const rows = await prisma.outboxMessage.findMany();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        chatId: 101n,
        kind: 'report.status',
        status: 'pending',
        attempts: 0,
        payload: { v: 2, text: 'your report was accepted', html: false, offers: [] },
      });
    });

    it('enqueues the same dedupeKey only once', async () => {
      await enqueue(message(101, 'invitation', { dedupeKey: 'poll:7:citizen:1' }));
      await prisma.$transaction(async (tx) => {
        await enqueueMessage(tx, message(101, 'invitation again', { dedupeKey: 'poll:7:citizen:1' }));
      });
      await enqueue(message(101, 'another poll', { dedupeKey: 'poll:8:citizen:1' }));
      const rows = await prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(rows.map((r) => r.dedupeKey)).toEqual(['poll:7:citizen:1', 'poll:8:citizen:1']);
      // the first enqueue wins: the duplicate does not overwrite it
      expect(sentParams(rows[0]!).text).toBe('invitation');
    });
    // PostgreSQL runs the two transactions concurrently; PGlite serialises them.
    it('lets two concurrent transactions enqueue the same dedupeKey, both commit', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const cause = (text: string) =>
        prisma.$transaction(async (tx) => {
          await gate;
          await enqueueMessage(tx, message(101, text, { dedupeKey: 'report:9:status:accepted' }));
          // the cause's own work continues after the enqueue
          await new Promise((resolve) => setTimeout(resolve, 50));
        });
      const both = Promise.allSettled([cause('a'), cause('b')]);
      setTimeout(open, 20);
      expect((await both).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      expect(await prisma.outboxMessage.count()).toBe(1);
    });
  });

  describe('runOnce', () => {
    it('sends due messages in id order with chat_id merged in and records the Telegram message id', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      // Due in the opposite order of their ids: the id decides the order of sending.
      await enqueue(message(201, 'first', { notBefore: new Date(clock.ms - 1_000) }), message(202, 'second', { notBefore: new Date(clock.ms - 60_000) }), {
        chatId: 203,
        kind: 'test.notice',
        text: 'third',
        html: true,
        notBefore: new Date(clock.ms - 30_000),
      });
      const result = await dispatcher(fake.send, { now: clock.now }).runOnce();

      expect(result).toMatchObject({ claimed: 3, sent: 3, retried: 0, failed: 0, blocked: 0 });
      expect(fake.calls.map((c) => [c.method, c.params])).toEqual([
        ['sendMessage', { chat_id: 201, text: 'first' }],
        ['sendMessage', { chat_id: 202, text: 'second' }],
        ['sendMessage', { chat_id: 203, text: 'third', parse_mode: 'HTML' }],
      ]);
      const rows = await prisma.outboxMessage.findMany({ orderBy: { id: 'asc' } });
      expect(rows.map((r) => [r.status, r.messageId, r.attempts, r.lockedUntil])).toEqual([
        ['sent', 7000n, 1, null],
        ['sent', 7001n, 1, null],
        ['sent', 7002n, 1, null],
      ]);
      for (const r of rows) expect(r.sentAt?.getTime()).toBe(clock.ms);

      // nothing is sent twice
      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ claimed: 0 });
      expect(fake.calls).toHaveLength(3);
    });

    it('sends the offers as an inline keyboard with their data as callback_data', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      const offers = [
        [
          { label: 'Иә', data: 'vo:conf:5:y' },
          { label: 'Жоқ', data: 'vo:conf:5:n' },
        ],
        [{ label: '1 ⭐', data: 'qr:9:1' }],
      ];
      await enqueue(message(210, 'with buttons', { offers, html: true }));
      await dispatcher(fake.send, { now: clock.now }).runOnce();
      expect(fake.calls.map((c) => [c.method, c.params])).toEqual([
        [
          'sendMessage',
          {
            chat_id: 210,
            text: 'with buttons',
            parse_mode: 'HTML',
            reply_markup: {
              inline_keyboard: [
                [
                  { text: 'Иә', callback_data: 'vo:conf:5:y' },
                  { text: 'Жоқ', callback_data: 'vo:conf:5:n' },
                ],
                [{ text: '1 ⭐', callback_data: 'qr:9:1' }],
              ],
            },
          },
        ],
      ]);
    });

    // Rows queued by the release before neutral messages: their Bot API method and parameters go out as stored.
    it('still sends a legacy {method, params} row as it was stored', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      const params = { text: 'queued before the deploy', reply_markup: { inline_keyboard: [[{ text: '✅', callback_data: 'rc:ok:4' }]] } };
      await prisma.outboxMessage.create({
        data: { chatId: 220n, kind: 'report.status', payload: { method: 'sendMessage', params }, nextAttemptAt: new Date(clock.ms - 1) },
      });
      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ sent: 1 });
      expect(fake.calls.map((c) => [c.method, c.params])).toEqual([['sendMessage', { chat_id: 220, ...params }]]);
      expect(await rowByText('queued before the deploy')).toMatchObject({ status: 'sent', messageId: 7000n });
    });

    it('does not send a message before its notBefore', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(301, 'reminder tomorrow', { notBefore: new Date(clock.ms + 60 * 60_000) }), message(302, 'now'));
      const d = dispatcher(fake.send, { now: clock.now });

      await d.runOnce();
      expect(fake.texts()).toEqual(['now']);
      expect((await rowByText('reminder tomorrow')).status).toBe('pending');

      clock.advance(59 * 60_000);
      await d.runOnce();
      expect(fake.texts()).toEqual(['now']);

      clock.advance(60_000);
      await d.runOnce();
      expect(fake.texts()).toEqual(['now', 'reminder tomorrow']);
      expect((await rowByText('reminder tomorrow')).status).toBe('sent');
    });
  });

  describe('flood control (429)', () => {
    it('puts the message back until retry_after has passed, then sends it', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(401, 'status changed'));
      fake.failWith(tooManyRequests(2));

      const first = await dispatcher(fake.send, { now: clock.now }).runOnce();
      expect(first).toMatchObject({ claimed: 1, sent: 0, retried: 1, failed: 0 });
      const row = await rowByText('status changed');
      expect(row.status).toBe('pending');
      expect(row.nextAttemptAt.getTime()).toBe(clock.ms + 2_000);
      expect(row.lastError).toContain('Too Many Requests');
      expect(row.attempts).toBe(0);

      // A fresh dispatcher has no real-time pause; the message itself is not due yet.
      clock.advance(1_500);
      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ claimed: 0 });
      expect(fake.calls).toHaveLength(1);

      clock.advance(600);
      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      expect(fake.calls).toHaveLength(2);
      expect(await rowByText('status changed')).toMatchObject({ status: 'sent', messageId: 7000n, lastError: null });
    });

    it('does not count 429s against maxAttempts: after 20 in a row the message is still pending', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(402, 'patient message'));
      fake.failAlways(() => tooManyRequests(2));

      for (let i = 0; i < 20; i++) {
        // a new dispatcher each time: the one that got the 429 would wait retry_after in real time
        const r = await dispatcher(fake.send, { now: clock.now, maxAttempts: 3 }).runOnce();
        expect(r).toMatchObject({ claimed: 1, retried: 1, failed: 0 });
        clock.advance(2_000);
      }
      expect(fake.calls).toHaveLength(20);
      expect(await rowByText('patient message')).toMatchObject({ status: 'pending', attempts: 0 });

      fake.failAlways(undefined);
      expect(await dispatcher(fake.send, { now: clock.now, maxAttempts: 3 }).runOnce()).toMatchObject({ sent: 1 });
      expect(await rowByText('patient message')).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('makes the dispatcher that got the 429 hold off sending for retry_after seconds', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(403, 'one'));
      fake.failWith(tooManyRequests(1));
      const d = dispatcher(fake.send, { now: clock.now });
      await d.runOnce();

      await enqueue(message(404, 'two', { notBefore: new Date(clock.ms - 1) }));
      const started = Date.now();
      await d.runOnce();
      const sentTwoAt = fake.calls.find((c) => c.params.text === 'two')?.at;
      expect(sentTwoAt).toBeDefined();
      // generous: the pause is one second counted from the 429
      expect(sentTwoAt! - fake.calls[0]!.at).toBeGreaterThanOrEqual(900);
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    });
    // After a 429 Telegram wants silence: the rest of the batch is handed back, not sent.
    it('sends nothing else from the same batch during the flood wait', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      for (let i = 0; i < 5; i++) await enqueue(message(410 + i, `batch ${i}`));
      fake.failWith(tooManyRequests(2));

      await dispatcher(fake.send, { now: clock.now, ratePerSecond: 20 }).runOnce();
      expect(fake.texts()).toEqual(['batch 0']);
      expect(await outboxCounts(prisma)).toMatchObject({ pending: 5, sent: 0 });

      clock.advance(2_000);
      await dispatcher(fake.send, { now: clock.now, ratePerSecond: 20 }).runOnce();
      expect(fake.texts()).toEqual(['batch 0', 'batch 0', 'batch 1', 'batch 2', 'batch 3', 'batch 4']);
      expect(await outboxCounts(prisma)).toMatchObject({ sent: 5 });
    });
  });

  describe('chats that cannot be reached', () => {
    async function citizen(telegramId: number) {
      return prisma.citizen.create({ data: { telegramId: BigInt(telegramId), locale: 'kk' } });
    }

    it('marks the message blocked and the citizen inactive on 403 "bot was blocked by the user"', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      const c = await citizen(501);
      const other = await citizen(502);
      await enqueue(message(501, 'hello', { citizenId: c.id }), message(502, 'hi', { citizenId: other.id }));
      fake.failWith(apiError(403, 'Forbidden: bot was blocked by the user'));

      const r = await dispatcher(fake.send, { now: clock.now }).runOnce();
      expect(r).toMatchObject({ claimed: 2, sent: 1, blocked: 1 });
      expect(await rowByText('hello')).toMatchObject({ status: 'blocked', lastError: 'Forbidden: bot was blocked by the user' });
      const after = await prisma.citizen.findUniqueOrThrow({ where: { id: c.id } });
      expect(after.active).toBe(false);
      expect(after.blockedAt?.getTime()).toBe(clock.ms);
      expect(await prisma.citizen.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ active: true, blockedAt: null });

      // a blocked message is final: it is not tried again
      clock.advance(24 * 60 * 60_000);
      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ claimed: 0 });
      expect(fake.calls).toHaveLength(2);
    });

    it('treats 400 "chat not found" as blocked', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      const c = await citizen(503);
      await enqueue(message(503, 'hello', { citizenId: c.id }));
      fake.failWith(apiError(400, 'Bad Request: chat not found'));

      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ blocked: 1, failed: 0, retried: 0 });
      expect((await rowByText('hello')).status).toBe('blocked');
      expect(await prisma.citizen.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ active: false });
    });

    it('fails any other 400 at once without retrying and leaves the citizen active', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      const c = await citizen(504);
      await enqueue(message(504, 'bad markup', { citizenId: c.id }));
      fake.failWith(apiError(400, "Bad Request: can't parse entities: Unsupported start tag"));

      expect(await dispatcher(fake.send, { now: clock.now, maxAttempts: 5 }).runOnce()).toMatchObject({ failed: 1, retried: 0, blocked: 0 });
      expect(await rowByText('bad markup')).toMatchObject({ status: 'failed', attempts: 1 });
      expect((await rowByText('bad markup')).lastError).toContain("can't parse entities");
      expect(await prisma.citizen.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ active: true, blockedAt: null });

      clock.advance(60 * 60_000);
      await dispatcher(fake.send, { now: clock.now, maxAttempts: 5 }).runOnce();
      expect(fake.calls).toHaveLength(1);
    });
  });

  describe('server and network errors', () => {
    it('retries a 5xx with growing backoff and fails the message after maxAttempts', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(601, 'unlucky'));
      fake.failAlways(() => apiError(502, 'Bad Gateway'));
      const d = dispatcher(fake.send, { now: clock.now, maxAttempts: 3 });

      expect(await d.runOnce()).toMatchObject({ retried: 1, failed: 0 });
      let row = await rowByText('unlucky');
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Bad Gateway' });
      const firstBackoff = row.nextAttemptAt.getTime() - clock.ms;
      expect(firstBackoff).toBeGreaterThan(0);

      // not retried before the backoff is over
      clock.advance(firstBackoff - 1);
      expect(await d.runOnce()).toMatchObject({ claimed: 0 });
      clock.advance(1);
      expect(await d.runOnce()).toMatchObject({ retried: 1, failed: 0 });
      row = await rowByText('unlucky');
      expect(row).toMatchObject({ status: 'pending', attempts: 2 });
      const secondBackoff = row.nextAttemptAt.getTime() - clock.ms;
      expect(secondBackoff).toBeGreaterThan(firstBackoff);

      clock.advance(secondBackoff);
      expect(await d.runOnce()).toMatchObject({ retried: 0, failed: 1 });
      expect(await rowByText('unlucky')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Bad Gateway' });
      expect(fake.calls).toHaveLength(3);

      clock.advance(24 * 60 * 60_000);
      expect(await d.runOnce()).toMatchObject({ claimed: 0 });
      expect(fake.calls).toHaveLength(3);
    });

    it('retries a network error (no error_code) and fails it after maxAttempts', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(602, 'offline'));
      fake.failAlways(networkError);
      const d = dispatcher(fake.send, { now: clock.now, maxAttempts: 2 });

      expect(await d.runOnce()).toMatchObject({ retried: 1, failed: 0 });
      const row = await rowByText('offline');
      expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Network request for sendMessage failed!' });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(clock.ms);

      clock.advance(10 * 60_000);
      expect(await d.runOnce()).toMatchObject({ retried: 0, failed: 1 });
      expect(await rowByText('offline')).toMatchObject({ status: 'failed', attempts: 2 });
      expect(fake.calls).toHaveLength(2);
    });

    it('sends exactly once when a 502 is followed by success', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      await enqueue(message(603, 'second time lucky'));
      fake.failWith(apiError(502, 'Bad Gateway'));
      const d = dispatcher(fake.send, { now: clock.now, maxAttempts: 3 });

      await d.runOnce();
      clock.advance(10 * 60_000);
      expect(await d.runOnce()).toMatchObject({ sent: 1 });
      clock.advance(10 * 60_000);
      expect(await d.runOnce()).toMatchObject({ claimed: 0 });

      expect(fake.calls).toHaveLength(2);
      expect(await rowByText('second time lucky')).toMatchObject({ status: 'sent', attempts: 2, messageId: 7000n, lastError: null });
    });
  });

  describe('never twice', () => {
    it('two dispatchers working the same 50 messages send each exactly once', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      for (let i = 0; i < 50; i++) await enqueue(message(700 + i, `m${i}`));
      const ids = new Map((await prisma.outboxMessage.findMany()).map((r) => [sentParams(r).text, r.id]));

      // Small batches so both dispatchers keep coming back for more while the other is sending.
      const a = dispatcher(fake.send, { now: clock.now, ratePerSecond: 15 });
      const b = dispatcher(fake.send, { now: clock.now, ratePerSecond: 15 });
      const drain = async (d: OutboxDispatcher) => {
        let claimed = 0;
        for (;;) {
          const r = await d.runOnce();
          if (r.claimed === 0) return claimed;
          claimed += r.claimed;
        }
      };
      const [byA, byB] = await Promise.all([drain(a), drain(b)]);

      expect(byA + byB).toBe(50);
      const perId = new Map<bigint, number>();
      for (const c of fake.calls) {
        const id = ids.get(c.params.text as string)!;
        perId.set(id, (perId.get(id) ?? 0) + 1);
      }
      expect(perId.size).toBe(50);
      expect([...perId.values()].every((n) => n === 1)).toBe(true);
      expect(await outboxCounts(prisma)).toMatchObject({ sent: 50, pending: 0, sending: 0 });
    });

    it('retakes a message whose sending lease expired (a crashed sender) but not one still leased', async () => {
      const fake = fakeTelegram();
      const clock = testClock();
      const base = { kind: 'test.notice', status: 'sending' as const, attempts: 1, nextAttemptAt: new Date(clock.ms - 10 * 60_000) };
      await prisma.outboxMessage.create({
        data: { ...base, chatId: 801n, payload: { method: 'sendMessage', params: { text: 'crashed' } }, lockedUntil: new Date(clock.ms - 1) },
      });
      await prisma.outboxMessage.create({
        data: { ...base, chatId: 802n, payload: { method: 'sendMessage', params: { text: 'in flight' } }, lockedUntil: new Date(clock.ms + 60_000) },
      });

      expect(await dispatcher(fake.send, { now: clock.now }).runOnce()).toMatchObject({ claimed: 1, sent: 1 });
      expect(fake.texts()).toEqual(['crashed']);
      expect(await rowByText('crashed')).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await rowByText('in flight')).toMatchObject({ status: 'sending', attempts: 1 });

      // once that lease runs out too, it is retaken
      clock.advance(60_001);
      await dispatcher(fake.send, { now: clock.now }).runOnce();
      expect(fake.texts()).toEqual(['crashed', 'in flight']);
    });
  });

  describe('pacing', () => {
    it('keeps to ratePerSecond overall', async () => {
      const fake = fakeTelegram();
      for (let i = 0; i < 10; i++) await enqueue(message(900 + i, `n${i}`));
      const d = dispatcher(fake.send, { ratePerSecond: 20 });

      const started = Date.now();
      expect(await d.runOnce()).toMatchObject({ sent: 10 });
      const elapsed = Date.now() - started;
      expect(fake.calls).toHaveLength(10);
      // 20/s: ten sends span at least nine 50 ms slots
      expect(elapsed).toBeGreaterThanOrEqual(430);
      expect(fake.calls[9]!.at - fake.calls[0]!.at).toBeGreaterThanOrEqual(430);
    });

    it('keeps perChatIntervalMs between messages to the same chat', async () => {
      const fake = fakeTelegram();
      for (let i = 0; i < 3; i++) await enqueue(message(950, `same chat ${i}`));
      const d = dispatcher(fake.send, { perChatIntervalMs: 1000 });

      await d.runOnce();
      expect(fake.texts()).toEqual(['same chat 0', 'same chat 1', 'same chat 2']);
      const gaps = [fake.calls[1]!.at - fake.calls[0]!.at, fake.calls[2]!.at - fake.calls[1]!.at];
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
      expect(fake.calls[2]!.at - fake.calls[0]!.at).toBeGreaterThanOrEqual(1950);
    });

    it("does not hold other chats' messages behind a chat's second message", async () => {
      const fake = fakeTelegram();
      // A citizen gets two notices at once; the next two citizens must not wait for the second one.
      await enqueue(message(960, 'first to 960'), message(960, 'second to 960'), message(961, 'to 961'), message(962, 'to 962'));
      await dispatcher(fake.send, { perChatIntervalMs: 1000 }).runOnce();
      expect(fake.texts()).toEqual(['first to 960', 'to 961', 'to 962', 'second to 960']);
    });
  });

  it('outboxCounts counts messages per status, zero for the empty ones', async () => {
    expect(await outboxCounts(prisma)).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0, discarded: 0 });
    const rows = [
      ['pending', 3],
      ['sent', 2],
      ['failed', 1],
      ['blocked', 1],
      ['discarded', 1],
    ] as const;
    let chat = 1000n;
    for (const [status, n] of rows) {
      for (let i = 0; i < n; i++) {
        await prisma.outboxMessage.create({ data: { chatId: chat++, kind: 'test.notice', status, payload: { method: 'sendMessage', params: { text: 'x' } } } });
      }
    }
    expect(await outboxCounts(prisma)).toEqual({ pending: 3, sending: 0, sent: 2, failed: 1, blocked: 1, discarded: 1 });
  });
});
