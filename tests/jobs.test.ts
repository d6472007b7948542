// Background jobs: leases so that one instance runs each job, the scheduler's bookkeeping,
// the outbox worker's single active sender, and nightly housekeeping.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { OutboxDispatcher } from '../core/outbox/dispatcher.ts';
import { telegramChat, type SendFn } from '../bot/telegram/chat-port.ts';
import { enqueueMessage } from '../core/outbox/outbox-repository.ts';
import { createHousekeepingJob } from '../jobs/housekeeping.ts';
import { housekeeping } from '../core/ops/housekeeping.ts';
import { acquireLease, releaseLease, renewLease } from '../jobs/lease.ts';
import { createOutboxWorker } from '../jobs/outbox-worker.ts';
import { createScheduler, type Job } from '../jobs/scheduler.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { sentParams } from './helpers/outbox.ts';

const DAY = 86_400_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` holds; fails with `what` after `timeoutMs`. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** A fake Bot API that records the texts it was asked to send. */
function fakeTelegram() {
  const texts: string[] = [];
  let nextMessageId = 1;
  const send: SendFn = async (_method, params) => {
    texts.push(String(params.text));
    return { message_id: nextMessageId++ };
  };
  return { send, texts };
}

describe.each(dbTargets)('jobs on %s', (target) => {
  let prisma: PrismaClient;
  // Whatever a test starts is stopped here, even when an assertion fails midway.
  const cleanups: Array<() => Promise<unknown>> = [];

  const suite = useTestDb(target, {
    seed: false,
    truncate: ['OutboxMessage', 'Citizen', 'JobLease', 'JobRun', 'StaffSession', 'StaffUser', 'BotSession', 'BotUpdate'],
  });
  beforeAll(() => {
    prisma = suite.db.prisma;
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function lease(name: string) {
    return prisma.jobLease.findUnique({ where: { name } });
  }

  describe('leases', () => {
    it('go to the first holder, are refused to others until they expire, and then pass on', async () => {
      const t0 = new Date('2026-03-01T10:00:00Z');
      expect(await acquireLease(prisma, 'report-digest', 'instance-a', 60_000, t0)).toBe(true);
      expect(await lease('report-digest')).toMatchObject({ holder: 'instance-a', leasedUntil: new Date(t0.getTime() + 60_000), runs: 1 });

      expect(await acquireLease(prisma, 'report-digest', 'instance-b', 60_000, new Date(t0.getTime() + 59_999))).toBe(false);
      expect(await lease('report-digest')).toMatchObject({ holder: 'instance-a', leasedUntil: new Date(t0.getTime() + 60_000), runs: 1 });

      const later = new Date(t0.getTime() + 60_001);
      expect(await acquireLease(prisma, 'report-digest', 'instance-b', 60_000, later)).toBe(true);
      expect(await lease('report-digest')).toMatchObject({ holder: 'instance-b', leasedUntil: new Date(later.getTime() + 60_000), runs: 2 });

      // a different job's lease is independent
      expect(await acquireLease(prisma, 'other-job', 'instance-a', 60_000, t0)).toBe(true);
    });

    it('can be released only by their holder, after which anyone may take them', async () => {
      const t0 = new Date('2026-03-01T10:00:00Z');
      expect(await acquireLease(prisma, 'nightly', 'instance-a', 60_000, t0)).toBe(true);

      await releaseLease(prisma, 'nightly', 'instance-b', 'not mine', new Date(t0.getTime() + 1_000));
      expect(await lease('nightly')).toMatchObject({ holder: 'instance-a', leasedUntil: new Date(t0.getTime() + 60_000), lastEndAt: null, lastError: null });
      expect(await acquireLease(prisma, 'nightly', 'instance-b', 60_000, new Date(t0.getTime() + 2_000))).toBe(false);

      await releaseLease(prisma, 'nightly', 'instance-a', null, new Date(t0.getTime() + 3_000));
      expect(await lease('nightly')).toMatchObject({ holder: 'instance-a', leasedUntil: null, lastEndAt: new Date(t0.getTime() + 3_000) });
      expect(await acquireLease(prisma, 'nightly', 'instance-b', 60_000, new Date(t0.getTime() + 4_000))).toBe(true);
    });

    it('can be renewed only by their holder', async () => {
      const t0 = new Date('2026-03-01T10:00:00Z');
      expect(await acquireLease(prisma, 'outbox', 'instance-a', 60_000, t0)).toBe(true);

      expect(await renewLease(prisma, 'outbox', 'instance-b', 60_000, new Date(t0.getTime() + 30_000))).toBe(false);
      expect((await lease('outbox'))?.leasedUntil).toEqual(new Date(t0.getTime() + 60_000));

      expect(await renewLease(prisma, 'outbox', 'instance-a', 60_000, new Date(t0.getTime() + 30_000))).toBe(true);
      expect((await lease('outbox'))?.leasedUntil).toEqual(new Date(t0.getTime() + 90_000));
      // renewed, so still refused after the original expiry
      expect(await acquireLease(prisma, 'outbox', 'instance-b', 60_000, new Date(t0.getTime() + 75_000))).toBe(false);
      expect(await renewLease(prisma, 'no-such-lease', 'instance-a', 60_000)).toBe(false);
    });
  });

  describe('scheduler', () => {
    function job(name: string, run: () => Promise<unknown>): Job {
      return { name, schedule: '0 3 * * *', run };
    }

    it('runNow runs the job and records its start, end and run count', async () => {
      let ran = 0;
      const scheduler = createScheduler({ prisma, logger: testLogger, holder: 'instance-a', jobs: [job('count', async () => ran++)] });
      cleanups.push(() => scheduler.stop());

      const before = Date.now();
      expect(await scheduler.runNow('count')).toBe(true);
      expect(ran).toBe(1);
      const row = await lease('count');
      expect(row).toMatchObject({ holder: 'instance-a', leasedUntil: null, lastError: null, runs: 1 });
      expect(row!.lastStartAt!.getTime()).toBeGreaterThanOrEqual(before - 5);
      expect(row!.lastEndAt!.getTime()).toBeGreaterThanOrEqual(row!.lastStartAt!.getTime());
      expect(row!.lastEndAt!.getTime()).toBeLessThanOrEqual(Date.now() + 5);

      expect(await scheduler.runNow('count')).toBe(true);
      expect(ran).toBe(2);
      expect((await lease('count'))?.runs).toBe(2);
      expect(() => scheduler.runNow('no-such-job')).toThrow('unknown job no-such-job');
    });

    it("records a failing job's error and releases its lease", async () => {
      let fail = true;
      const flaky = job('flaky', async () => {
        if (fail) throw new Error('calendar service unreachable');
      });
      const a = createScheduler({ prisma, logger: testLogger, holder: 'instance-a', jobs: [flaky] });
      const b = createScheduler({ prisma, logger: testLogger, holder: 'instance-b', jobs: [flaky] });
      cleanups.push(
        () => a.stop(),
        () => b.stop(),
      );

      expect(await a.runNow('flaky')).toBe(true);
      const row = await lease('flaky');
      expect(row).toMatchObject({ lastError: 'calendar service unreachable', leasedUntil: null, runs: 1 });
      expect(row!.lastEndAt).not.toBeNull();

      // released: another instance may run it at once, and a success clears the error
      fail = false;
      expect(await b.runNow('flaky')).toBe(true);
      expect(await lease('flaky')).toMatchObject({ holder: 'instance-b', lastError: null, leasedUntil: null, runs: 2 });
    });

    it('runs a slow job only once when two instances start it at the same time', async () => {
      let running = 0;
      let ran = 0;
      let overlapped = false;
      const slow = job('slow', async () => {
        running++;
        if (running > 1) overlapped = true;
        ran++;
        await sleep(300);
        running--;
      });
      const a = createScheduler({ prisma, logger: testLogger, holder: 'instance-a', jobs: [slow] });
      const b = createScheduler({ prisma, logger: testLogger, holder: 'instance-b', jobs: [slow] });
      cleanups.push(
        () => a.stop(),
        () => b.stop(),
      );

      const results = await Promise.all([a.runNow('slow'), b.runNow('slow')]);
      expect(results.slice().sort()).toEqual([false, true]);
      expect(ran).toBe(1);
      expect(overlapped).toBe(false);
      expect((await lease('slow'))?.runs).toBe(1);

      // once it has finished, the other instance may run it
      const loser = results[0] ? b : a;
      expect(await loser.runNow('slow')).toBe(true);
      expect(ran).toBe(2);
    });

    it('skips a tick while the database is away instead of ending the process, and runs the next', async () => {
      let ran = 0;
      let away = true;
      const db = new Proxy(prisma, {
        get(target, prop, receiver) {
          if (prop === '$queryRaw' && away)
            return () => Promise.reject(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
          return Reflect.get(target, prop, receiver);
        },
      });
      const s = createScheduler({ prisma: db, logger: testLogger, holder: 'instance-a', jobs: [job('steady', async () => void ran++)] });
      cleanups.push(() => s.stop());
      expect(await s.runNow('steady', new Date('2026-03-01T10:00:00Z'))).toBe(false);
      away = false;
      expect(await s.runNow('steady', new Date('2026-03-01T10:01:00Z'))).toBe(true);
      expect(ran).toBe(1);
    });

    it('runs a quick job once per tick although the other instance’s timer fires after the first run has ended', async () => {
      let ran = 0;
      const quick = job('quick', async () => {
        ran++;
      });
      const a = createScheduler({ prisma, logger: testLogger, holder: 'instance-a', jobs: [quick] });
      const b = createScheduler({ prisma, logger: testLogger, holder: 'instance-b', jobs: [quick] });
      cleanups.push(
        () => a.stop(),
        () => b.stop(),
      );
      const tick = new Date('2026-03-01T10:15:00Z');
      expect(await a.runNow('quick', tick)).toBe(true);
      // instance b's timer for the same tick fires late, when a has already released the lease
      expect(await b.runNow('quick', tick)).toBe(false);
      expect(await a.runNow('quick', tick)).toBe(false);
      expect(ran).toBe(1);
      // the next tick runs again, in whichever instance comes first
      expect(await b.runNow('quick', new Date(tick.getTime() + 60_000))).toBe(true);
      expect(ran).toBe(2);
      expect(await lease('quick')).toMatchObject({ runs: 2, lastSlot: new Date(tick.getTime() + 60_000), holder: 'instance-b' });
    });

    it('runs a job marked runAtStart once as it starts (poll waves a stop interrupted), under its lease, and the others at their time', async () => {
      const ran: string[] = [];
      const scheduler = createScheduler({
        prisma,
        logger: testLogger,
        holder: 'instance-a',
        jobs: [{ ...job('at-start', async () => ran.push('at-start')), runAtStart: true }, job('nightly', async () => ran.push('nightly'))],
      });
      cleanups.push(() => scheduler.stop());
      scheduler.start();
      await waitFor('the first run', async () => (await lease('at-start'))?.lastEndAt != null);
      expect(ran).toEqual(['at-start']);
      expect(await lease('at-start')).toMatchObject({ holder: 'instance-a', leasedUntil: null, runs: 1 });
      expect(await lease('nightly')).toBeNull();
    });
  });

  describe('outbox worker', () => {
    function worker(holder: string, leaseMs = 300) {
      const fake = fakeTelegram();
      const dispatcher = new OutboxDispatcher({
        prisma,
        chat: telegramChat(fake.send),
        logger: testLogger,
        ratePerSecond: 1000,
        perChatIntervalMs: 0,
        idleDelayMs: 10,
      });
      const w = createOutboxWorker({ prisma, dispatcher, holder, logger: testLogger, leaseMs });
      cleanups.push(
        () => w.stop(),
        () => dispatcher.stop(),
      );
      return { w, dispatcher, fake };
    }

    async function enqueue(chatId: number, text: string) {
      await prisma.$transaction(async (tx) => {
        await enqueueMessage(tx, { chatId, kind: 'test.notice', text });
      });
    }

    async function statusOf(text: string) {
      const rows = await prisma.outboxMessage.findMany();
      return rows.find((r) => sentParams(r).text === text)?.status;
    }

    it('holds the outbox lease in one instance only, sends through it, and hands over after stop()', async () => {
      const one = worker('instance-a', 600);
      one.w.start();
      await waitFor('instance-a to become active', () => one.w.active);
      expect(await lease('outbox')).toMatchObject({ holder: 'instance-a' });

      await enqueue(11, 'via a');
      await waitFor('the message to be sent', async () => (await statusOf('via a')) === 'sent');
      expect(one.fake.texts).toEqual(['via a']);

      const two = worker('instance-b', 600);
      two.w.start();
      // longer than the lease itself: instance-a keeps renewing, instance-b keeps being refused
      await sleep(900);
      expect(two.w.active).toBe(false);
      expect(one.w.active).toBe(true);
      const held = await lease('outbox');
      expect(held?.holder).toBe('instance-a');
      expect(held!.leasedUntil!.getTime()).toBeGreaterThan(Date.now());

      await enqueue(12, 'still via a');
      await waitFor('the second message to be sent', async () => (await statusOf('still via a')) === 'sent');
      expect(one.fake.texts).toEqual(['via a', 'still via a']);
      expect(two.fake.texts).toEqual([]);

      await one.w.stop();
      expect(one.w.active).toBe(false);
      expect(await lease('outbox')).toMatchObject({ holder: 'instance-a', leasedUntil: null });

      // released, so instance-b takes over on its next tick (every leaseMs / 3)
      await waitFor('instance-b to take over', () => two.w.active, 2_000);
      expect(await lease('outbox')).toMatchObject({ holder: 'instance-b' });
      await enqueue(13, 'via b');
      await waitFor('the third message to be sent', async () => (await statusOf('via b')) === 'sent');
      expect(two.fake.texts).toEqual(['via b']);
      expect(one.fake.texts).toEqual(['via a', 'still via a']);
    });

    // stop() waits for a lease check in progress, so nothing starts after it returns.
    it('stop() right after start() leaves nothing running and no lease held', async () => {
      const one = worker('instance-a');
      one.w.start();
      await one.w.stop();
      await sleep(100);
      expect(one.w.active).toBe(false);
      expect((await lease('outbox'))?.leasedUntil ?? null).toBeNull();

      await enqueue(31, 'after shutdown');
      await sleep(200);
      expect(one.fake.texts).toEqual([]);
      expect(await statusOf('after shutdown')).toBe('pending');
    });

    it('run() sends one batch through its dispatcher', async () => {
      const one = worker('instance-a');
      await enqueue(21, 'manual');
      expect(await one.w.run()).toMatchObject({ claimed: 1, sent: 1 });
      expect(one.fake.texts).toEqual(['manual']);
      expect(one.w.active).toBe(false);
    });
  });

  describe('housekeeping', () => {
    it('deletes expired staff sessions, stale chat state, job runs older than a week and the record of updates Telegram can no longer resend, keeps fresh ones', async () => {
      const now = new Date('2026-06-15T03:17:00Z');
      const staff = await prisma.staffUser.create({ data: { login: 'operator1', passwordHash: 'x', fullName: 'Айгүл Серікқызы', roles: ['operator'] } });
      await prisma.staffSession.createMany({
        data: [
          { id: 'expired', staffUserId: staff.id, expiresAt: new Date(now.getTime() - 1) },
          { id: 'valid', staffUserId: staff.id, expiresAt: new Date(now.getTime() + 60_000) },
        ],
      });
      await prisma.botSession.createMany({
        data: [
          { key: 'stale', value: { locale: 'kk' }, updatedAt: new Date(now.getTime() - 31 * DAY) },
          { key: 'fresh', value: { locale: 'ru' }, updatedAt: new Date(now.getTime() - 29 * DAY) },
        ],
      });
      await prisma.botUpdate.createMany({
        data: [
          { updateId: 1n, holder: 'a', claimedAt: new Date(now.getTime() - 3 * DAY), doneAt: new Date(now.getTime() - 3 * DAY) },
          { updateId: 2n, holder: 'a', claimedAt: new Date(now.getTime() - DAY), doneAt: new Date(now.getTime() - DAY) },
        ],
      });
      // the column is @updatedAt: make sure the test data really carries the ages we meant
      expect((await prisma.botSession.findUniqueOrThrow({ where: { key: 'stale' } })).updatedAt).toEqual(new Date(now.getTime() - 31 * DAY));

      const run = (job: string, daysAgo: number) => ({
        job,
        holder: 'h:1',
        startedAt: new Date(now.getTime() - daysAgo * DAY),
        finishedAt: new Date(now.getTime() - daysAgo * DAY + 5),
        durationMs: 5,
        ok: true,
      });
      await prisma.jobRun.createMany({ data: [run('old', 7.5), run('recent', 6.5)] });

      const job = createHousekeepingJob({ housekeeping: () => housekeeping(prisma, now, 30) });
      expect(await job.run()).toEqual({ expiredStaffSessions: 1, staleChatStates: 1, oldJobRuns: 1, handledUpdates: 1 });
      expect((await prisma.jobRun.findMany()).map((r) => r.job)).toEqual(['recent']);
      expect((await prisma.botUpdate.findMany()).map((u) => u.updateId)).toEqual([2n]);
      expect((await prisma.staffSession.findMany()).map((s) => s.id)).toEqual(['valid']);
      expect((await prisma.botSession.findMany()).map((s) => s.key)).toEqual(['fresh']);
      expect(await prisma.staffUser.count()).toBe(1);

      // idempotent
      expect(await job.run()).toEqual({ expiredStaffSessions: 0, staleChatStates: 0, oldJobRuns: 0, handledUpdates: 0 });
    });

    it('runs under the scheduler as the "housekeeping" job', async () => {
      await prisma.botSession.create({ data: { key: 'ancient', value: {}, updatedAt: new Date(Date.now() - 400 * DAY) } });
      const job = createHousekeepingJob({ housekeeping: () => housekeeping(prisma, new Date()) });
      const scheduler = createScheduler({ prisma, logger: testLogger, holder: 'instance-a', jobs: [job] });
      cleanups.push(() => scheduler.stop());
      expect(await scheduler.runNow('housekeeping')).toBe(true);
      expect(await prisma.botSession.count()).toBe(0);
      expect(await lease('housekeeping')).toMatchObject({ runs: 1, lastError: null, leasedUntil: null });
    });
  });
});
