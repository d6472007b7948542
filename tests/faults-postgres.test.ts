// PostgreSQL going away under load (slow: about a minute; PostgreSQL only). The whole app runs on its own
// pool while staff write through the API and citizens file reports through the bot; meanwhile every
// connection of its database is killed twice (pg_terminate_backend, allowed to the owner without superuser
// rights), then the database refuses connections for 4 s as a restarting server does (ALLOW_CONNECTIONS false).
// A real `pg_ctlcluster … restart` would break every other suite sharing the server, so it is used only when
// asked for, on a server of the test's own: FAULTS_PG_RESTART='pg_ctlcluster 15 faults restart'.
// Afterwards, without restarting the app: every write it confirmed is there, no report number twice, the API
// and the bot answer.
import { execSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../app/config.ts';
import { startApp, type RunningApp } from '../app/app.ts';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram/server.ts';
import { fileReport, patiently, type FiledReport } from './helpers/citizen-flow.ts';
import { createTestDb, type TestDb } from './helpers/db.ts';
import { apiCaller, E2E_ADMIN_PASSWORD, E2E_TOKEN, type ApiCall } from './helpers/e2e.ts';
import { testLogger } from './helpers/silent-logger.ts';

const CITIZENS = 12;
const WRITERS = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(process.env.TEST_DATABASE_URL)('PostgreSQL restarted under load (slow)', () => {
  let t: TestDb;
  let fake: FakeTelegram;
  let app: RunningApp;
  let api: ApiCall;
  let admin: pg.Client;
  let dbName = '';

  beforeAll(async () => {
    t = await createTestDb('postgres');
    dbName = new URL(t.url!).pathname.slice(1);
    fake = await startFakeTelegram({ token: E2E_TOKEN, enforceLimits: true });
    const config = parseConfig(
      { PORT: '0', DATABASE_URL: t.url, BOT_TOKEN: E2E_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, LOG_LEVEL: 'silent' },
      process.cwd(),
    );
    // The app opens its own pool, as in production; the test's connection is elsewhere.
    app = await startApp({ config, logger: testLogger, print: () => {} });
    let token = '';
    api = apiCaller(
      () => app.url!,
      () => token,
    );
    token = (await api('POST', '/api/auth/login', { login: 'admin', password: E2E_ADMIN_PASSWORD }, '')).json.token;
    // Faults are made from the CI role's own database, so they never need a connection to the one they break.
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`).catch(() => {});
    await admin?.end();
    await app?.stop();
    await fake?.close();
    await t?.drop();
  });

  const killConnections = async () =>
    Number(
      (await admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]))
        .rows[0].n,
    );

  it('loses no confirmed write, gives no number twice, and answers again without being restarted', async () => {
    const { regions } = await app.services.reference.get();
    const topicId = (await app.services.prisma.consultationTopic.findFirstOrThrow()).id;
    void regions;
    const citizens = [];
    for (let i = 0; i < CITIZENS; i++) {
      const u = fake.user({ language_code: 'ru', first_name: `Житель ${i + 1}` });
      await app.services.citizens.giveConsent(u.id, 'ru', `Житель ${i + 1}`);
      citizens.push(u);
    }

    // Staff write through the API without pause; a 201 is a confirmed write.
    let writing = true;
    const confirmed: number[] = [];
    let refused = 0;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let n = 0; writing; n++) {
        const res = await api('POST', '/api/faq', {
          topicId,
          titleKk: `Сұрақ ${w}-${n}`,
          titleRu: `Вопрос ${w}-${n}`,
          bodyKk: 'Жауап мәтіні',
          bodyRu: 'Текст ответа',
        }).catch(() => ({ status: 0, json: null }));
        if (res.status === 201) confirmed.push(res.json.id as number);
        else {
          refused += 1;
          await sleep(100);
        }
      }
    });
    // Citizens file reports through the bot, a little apart, each at its own spot.
    const filing: Array<Promise<FiledReport>> = citizens.map(async (u, i) => {
      await sleep(i * 400);
      return fileReport(u, { lat: 51.1 + i * 0.004, lon: 71.43 }, `Разбитый тротуар у дома номер ${i + 1}, ходить опасно`, { fake });
    });

    await sleep(3_000);
    const killed = [await killConnections()];
    await sleep(1_500);
    killed.push(await killConnections());
    await sleep(1_500);
    const restart = process.env.FAULTS_PG_RESTART;
    if (restart) {
      // The whole server restarts: every connection dropped, none accepted until it is up again.
      const { n } = (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [dbName])).rows[0] as { n: number };
      await admin.end();
      execSync(restart, { stdio: 'ignore' });
      killed.push(n);
      admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
    } else {
      // The server "restarts": connections dropped and refused for 4 s.
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS false`);
      killed.push(await killConnections());
      await sleep(4_000);
      await admin.query(`ALTER DATABASE ${dbName} WITH ALLOW_CONNECTIONS true`);
    }
    const backAt = confirmed.length;
    await sleep(4_000);
    writing = false;
    await Promise.all(writers);
    const reports = await Promise.all(filing);

    // Afterwards, the same process: the API writes, the bot answers a new citizen.
    const after = await api('POST', '/api/faq', { topicId, titleKk: 'Кейін', titleRu: 'После', bodyKk: 'Жауап', bodyRu: 'Ответ' });
    const late = fake.user({ language_code: 'ru' });
    await app.services.citizens.giveConsent(late.id, 'ru', 'Поздний житель');
    const counter = { repeats: 0 };
    const answered = await patiently(late, () => late.send('📝 Подать обращение'), 'Шаг 1 из 6', counter, { tries: 1 }).then(
      () => true,
      () => false,
    );

    const found = new Set((await app.services.prisma.faqArticle.findMany({ where: { id: { in: confirmed } }, select: { id: true } })).map((a) => a.id));
    const numbers = reports.map((r) => r.number).filter((n): n is string => n !== null);
    const inDb = await app.services.prisma.report.findMany({ select: { number: true } });
    const foundNumbers = numbers.filter((n) => inDb.some((r) => r.number === n));
    const duplicates = inDb.length - new Set(inDb.map((r) => r.number)).size;
    const repeats = reports.reduce((n, r) => n + r.repeats, 0);
    const restarts = reports.reduce((n, r) => n + r.restarts, 0);
    console.log(
      `[faults] postgres restart under load: connections killed ${killed.join(' + ')} (last ${process.env.FAULTS_PG_RESTART ? `with the server restarted: ${process.env.FAULTS_PG_RESTART}` : 'with the database refusing connections for 4 s'}); ` +
        `API writes confirmed ${confirmed.length}, found ${found.size}, refused during the fault ${refused}, confirmed after it ${confirmed.length - backAt}; ` +
        `reports confirmed by the bot ${numbers.length} of ${CITIZENS}, found ${foundNumbers.length}, numbers given twice ${duplicates}; steps citizens repeated ${repeats}, flows restarted after an error ${restarts}; ` +
        `afterwards API ${after.status}, bot answered ${answered}`,
    );
    for (const r of reports.filter((x) => x.error)) console.log(`  citizen gave up: ${r.error}`);

    expect(killed.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(found.size).toBe(confirmed.length);
    expect(confirmed.length - backAt).toBeGreaterThan(0);
    expect(foundNumbers).toEqual(numbers);
    expect(numbers).toHaveLength(CITIZENS);
    expect(duplicates).toBe(0);
    expect(after.status).toBe(201);
    expect(answered).toBe(true);
  }, 240_000);
});
