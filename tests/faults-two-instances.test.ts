// Two instances of every role on one PostgreSQL (slow: about two minutes; PostgreSQL only). Real processes
// as deployed: two API processes behind a round-robin proxy, two bot processes in webhook mode behind
// another (the fake Telegram delivers to it, resending what is not answered in time), two jobs processes.
// A couple of hundred citizens file reports at once; for every report two staff members press "accept" at
// the same moment through different API instances, and half are then resolved. Afterwards: every number a
// citizen was given is there, once; every status change confirmed is there, once; every notification went
// out exactly once; no scheduled job ran twice for one tick; nothing lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../app/compose.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { startFakeTelegram, type FakeTelegram, type WebhookDeliveryOptions } from './fake-telegram/server.ts';
import { startAppProcess, type AppProcess } from './helpers/app-process.ts';
import { fileReport, type FiledReport } from './helpers/citizen-flow.ts';
import { createTestDb, type TestDb } from './helpers/db.ts';
import { apiCaller, E2E_ADMIN_PASSWORD, E2E_TOKEN, until } from './helpers/e2e.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './helpers/round-robin-proxy.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { sentParams } from './helpers/outbox.ts';

// Sized for two cores within about two minutes; more on a bigger machine.
const CITIZENS = Number(process.env.FAULTS_CITIZENS ?? 200);
const HOOK = '/telegram/hook';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.env.TEST_DATABASE_URL)('two instances of every role on one PostgreSQL (slow)', () => {
  let t: TestDb;
  let services: ServicesWithDb;
  let fake: FakeTelegram;
  let procs: AppProcess[] = [];
  let botProxy: RoundRobinProxy;
  let apiProxy: RoundRobinProxy;
  const delivery: WebhookDeliveryOptions = { timeoutMs: 30_000, retryDelayMs: 500 };
  let startupSeconds = 0;

  beforeAll(async () => {
    t = await createTestDb('postgres');
    services = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12 });
    fake = await startFakeTelegram({ token: E2E_TOKEN, webhookDelivery: delivery });
    const env = {
      DATABASE_URL: t.url!,
      BOT_TOKEN: E2E_TOKEN,
      TELEGRAM_API_ROOT: fake.apiRoot,
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      NODE_ENV: 'test',
    };
    const bot = { ...env, WEBHOOK_URL: `https://bot.example.kz${HOOK}` };
    // All six start together, as a deployment rolls them out.
    const t0 = Date.now();
    procs = await Promise.all([
      startAppProcess('api-1', 'api', env, 'admin API listening'),
      startAppProcess('api-2', 'api', env, 'admin API listening'),
      startAppProcess('bot-1', 'bot', bot, 'admin API listening'),
      startAppProcess('bot-2', 'bot', bot, 'admin API listening'),
      startAppProcess('jobs-1', 'jobs', { ...env, LOG_LEVEL: 'debug' }, 'job scheduler started'),
      startAppProcess('jobs-2', 'jobs', { ...env, LOG_LEVEL: 'debug' }, 'job scheduler started'),
    ]);
    startupSeconds = (Date.now() - t0) / 1000;
    apiProxy = await startRoundRobinProxy(procs.filter((p) => p.name.startsWith('api')).map((p) => p.url!));
    botProxy = await startRoundRobinProxy(procs.filter((p) => p.name.startsWith('bot')).map((p) => p.url!));
    delivery.url = `${botProxy.url}${HOOK}`;
    await until('both bot instances registered the webhook', () => fake.callsTo('setWebhook').length >= 2, undefined, 60_000);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()));
    await botProxy?.close();
    await apiProxy?.close();
    await fake?.close();
    await t?.drop();
  });

  it('gives no number twice, sends no notification twice, runs no job twice and loses nothing', async () => {
    const started = Date.now();
    const citizens = [];
    for (let i = 0; i < CITIZENS; i++) {
      const u = fake.user({ language_code: 'ru', first_name: `Житель ${i + 1}` });
      await services.citizens.giveConsent(u.id, 'ru', `Житель ${i + 1}`);
      citizens.push(u);
    }
    // Two staff members, each signed in through whichever API instance the proxy picks.
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++)
      tokens.push(
        (
          await apiCaller(
            () => apiProxy.url,
            () => '',
          )('POST', '/api/auth/login', { login: 'admin', password: E2E_ADMIN_PASSWORD }, '')
        ).json.token,
      );
    const errors: string[] = [];
    const staff = tokens.map((token) => {
      const call = apiCaller(
        () => apiProxy.url,
        () => token,
      );
      // A call that gets no answer at all counts as failed, with its reason.
      return (method: string, url: string, body?: unknown) =>
        call(method, url, body).catch((e: Error) => {
          errors.push(`${method} ${url}: ${e.message} ${String((e.cause as Error)?.message ?? '')}`);
          return { status: 0, json: null };
        });
    });

    let filing = true;
    const filed: Array<Promise<FiledReport>> = citizens.map(async (u, i) => {
      await sleep((i * 15_000) / CITIZENS);
      return fileReport(u, { lat: 50.9 + i * 0.003, lon: 71.43 }, `Не вывозят мусор у дома номер ${i + 1}, контейнеры переполнены`, { waitMs: 60_000, fake });
    });
    void Promise.all(filed).then(() => (filing = false));

    // Staff: every new report is accepted by both at once; every other one is then resolved.
    const handled = new Set<number>();
    const accepts = { ok: 0, refused: 0, failed: 0 };
    const resolves = { ok: 0, failed: 0 };
    const acceptedIds: number[] = [];
    const resolvedIds: number[] = [];
    const note = { to: 'in_work', publicNote: 'Принято в работу, бригада выедет на место' };
    while (filing || (await services.prisma.report.count({ where: { status: 'new' } })) > 0) {
      const fresh = (await services.prisma.report.findMany({ where: { status: 'new' }, select: { id: true }, take: 20 })).filter((r) => !handled.has(r.id));
      if (fresh.length === 0) {
        await sleep(300);
        continue;
      }
      await Promise.all(
        fresh.map(async ({ id }) => {
          handled.add(id);
          const both = await Promise.all(staff.map((call) => call('POST', `/api/reports/${id}/status`, note)));
          for (const r of both) {
            if (r.status === 200) accepts.ok += 1;
            else if (r.status === 409) accepts.refused += 1;
            else accepts.failed += 1;
          }
          if (both.some((r) => r.status === 200)) acceptedIds.push(id);
          if (id % 2 === 0) {
            const r = await staff[id % 4 === 0 ? 0 : 1]!('POST', `/api/reports/${id}/status`, {
              to: 'resolved',
              publicNote: 'Мусор вывезен, график восстановлен',
            });
            if (r.status === 200) {
              resolves.ok += 1;
              resolvedIds.push(id);
            } else resolves.failed += 1;
          }
        }),
      );
    }
    const reports = await Promise.all(filed);
    // Every notification leaves before the check.
    await until(
      'the outbox is empty',
      async () => (await services.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0,
      undefined,
      90_000,
    );
    const finished = Date.now();

    // ── reports ──
    const confirmed = reports.map((r) => r.number).filter((n): n is string => n !== null);
    const inDb = await services.prisma.report.findMany({ select: { id: true, number: true, status: true } });
    const numbersTwice = confirmed.length - new Set(confirmed).size + (inDb.length - new Set(inDb.map((r) => r.number)).size);
    const missing = confirmed.filter((n) => !inDb.some((r) => r.number === n));
    // ── status changes: each confirmed one is in the history exactly once ──
    const events = await services.prisma.reportEvent.groupBy({ by: ['reportId', 'toStatus'], where: { type: 'status' }, _count: { _all: true } });
    const historyOf = (id: number, s: string) => events.find((e) => e.reportId === id && e.toStatus === s)?._count._all ?? 0;
    const acceptedOnce = acceptedIds.filter((id) => historyOf(id, 'in_work') === 1).length;
    const resolvedOnce = resolvedIds.filter((id) => historyOf(id, 'resolved') === 1).length;
    // ── notifications: each queued one delivered exactly once (matched by chat and text) ──
    const queued = await services.prisma.outboxMessage.findMany({ where: { kind: 'report.status' }, select: { chatId: true, status: true, payload: true } });
    const deliveredTimes = (chat: bigint, text: string) => fake.delivered.filter((d) => BigInt(d.chatId) === chat && d.message.text === text).length;
    const perNotice = queued.map((q) => deliveredTimes(q.chatId, sentParams(q).text));
    const sentTwice = perNotice.filter((n) => n > 1).length;
    const notSent = perNotice.filter((n) => n === 0).length;
    // ── jobs: a tick run by both jobs processes would show twice ──
    const runs = procs
      .filter((p) => p.name.startsWith('jobs'))
      .flatMap((p) =>
        p
          .logs()
          .filter((l) => l.msg === 'job done' && l.slot)
          .map((l) => `${String(l.job)}@${String(l.slot)}`),
      );
    const ticksTwice = runs.length - new Set(runs).size;
    const dispatchers = procs.filter((p) => p.logs().some((l) => l.msg === 'outbox: this instance sends the outbox')).map((p) => p.name);
    // ── webhooks ──
    const attempts = fake.webhookAttempts;
    const resent = attempts.length - new Set(attempts.map((a) => a.updateId)).size;
    const dropped = procs.flatMap((p) => p.logs()).filter((l) => l.msg === 'bot: update delivered again, already handled').length;
    const failures = procs.flatMap((p) =>
      p
        .logs()
        .filter((l) => (l.level as number) >= 50)
        .map((l) => `${p.name}: ${String(l.msg)} ${String((l.err as { message?: string })?.message ?? '')}`),
    );

    console.log(
      [
        `[faults] two instances of api, bot (webhook) and jobs on one PostgreSQL, ${CITIZENS} citizens, ${((finished - started) / 1000).toFixed(0)} s (the six processes started together in ${startupSeconds.toFixed(0)} s):`,
        `  reports: confirmed to citizens ${confirmed.length} of ${CITIZENS}, in the database ${inDb.length}, missing ${missing.length}, numbers given twice ${numbersTwice}; steps repeated ${reports.reduce((n, r) => n + r.repeats, 0)}, flows restarted ${reports.reduce((n, r) => n + r.restarts, 0)}`,
        `  status changes: "accept" pressed by two staff at once on ${handled.size} reports: ${accepts.ok} done, ${accepts.refused} refused (409), ${accepts.failed} failed; in the history once: accepted ${acceptedOnce}/${acceptedIds.length}, resolved ${resolvedOnce}/${resolvedIds.length} (${resolves.failed} resolve calls failed)`,
        `  notifications: queued ${queued.length}, delivered once ${perNotice.filter((n) => n === 1).length}, twice or more ${sentTwice}, never ${notSent}; outbox sent by ${dispatchers.join(', ') || 'nobody'}`,
        `  jobs: ${runs.length} scheduled runs, ticks run twice ${ticksTwice}`,
        `  webhook: ${attempts.length} deliveries of ${new Set(attempts.map((a) => a.updateId)).size} updates (${resent} resent), duplicates dropped by the bots ${dropped}; proxies: api ${apiProxy.forwarded.join('/')}, bot ${botProxy.forwarded.join('/')}`,
        `  staff calls without an answer: ${errors.length}${errors.length ? ` (${errors.slice(0, 3).join('; ')})` : ''}`,
        `  errors logged: ${failures.length}${failures.length ? `\n    ${failures.slice(0, 8).join('\n    ')}` : ''}`,
      ].join('\n'),
    );
    for (const r of reports.filter((x) => x.error).slice(0, 5)) console.log(`  citizen gave up: ${r.error}`);

    expect(confirmed).toHaveLength(CITIZENS);
    expect(missing).toEqual([]);
    expect(inDb).toHaveLength(CITIZENS);
    expect(numbersTwice).toBe(0);
    expect(accepts.ok).toBe(handled.size);
    expect(accepts.failed).toBe(0);
    expect(acceptedOnce).toBe(acceptedIds.length);
    expect(resolvedOnce).toBe(resolvedIds.length);
    expect(resolves.failed).toBe(0);
    expect(queued.length).toBe(acceptedIds.length + resolvedIds.length);
    expect(queued.every((q) => q.status === 'sent')).toBe(true);
    expect(sentTwice).toBe(0);
    expect(notSent).toBe(0);
    expect(runs.length).toBeGreaterThan(0);
    expect(ticksTwice).toBe(0);
    expect(dispatchers).toHaveLength(1);
  }, 300_000);
});
