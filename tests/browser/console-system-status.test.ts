// An admin in Chromium, in Russian, opens the system-status screen: the bot as Telegram knows it, the
// database and version, the notification queue with a failed notification and its reason, which they
// send again (the outbox then delivers it) and another which they discard, both in the audit log;
// and the job runs with their result.
import { readMigrations } from '../../core/db/migrate.ts';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxDispatcher } from '../../core/outbox/dispatcher.ts';
import { telegramChat } from '../../bot/telegram/chat-port.ts';
import { enqueueMessage } from '../../core/outbox/outbox-repository.ts';
import { telegramStatus } from '../../bot/telegram-status.ts';
import { createJobLeases } from '../../core/ops/leases.ts';
import { createScheduler } from '../../jobs/scheduler.ts';
import { startFakeTelegram, type FakeTelegram } from '../fake-telegram/server.ts';
import { dbTargets } from '../helpers/db.ts';
import { testLogger } from '../helpers/silent-logger.ts';
import { browserAvailable, launchBrowser, shot, signIn, startConsoleApp, type Browser, type ConsoleApp } from './harness.ts';
import { ADMIN, seedConsole } from './seed.ts';

// The newest migration in the folder, read as start-up reads it: the screen names the last one applied.
const newestMigration = (await readMigrations()).migrationDirectories.at(-1)!.path;

describe.skipIf(!browserAvailable).each(dbTargets)('console: system status (%s)', (target) => {
  let fake: FakeTelegram;
  let app: ConsoleApp;
  let b: Browser;
  let retryId = 0n;
  let discardId = 0n;

  beforeAll(async () => {
    fake = await startFakeTelegram();
    app = await startConsoleApp(target, { system: { telegram: () => telegramStatus(new Api(fake.token, { apiRoot: fake.apiRoot })) } });
    await seedConsole(app.services, app.storageDir);
    const prisma = app.services.prisma;
    const failed = async (chatId: number, text: string, error: string) => {
      const id = await enqueueMessage(prisma, { chatId, kind: 'report.status', text });
      await prisma.outboxMessage.update({ where: { id }, data: { status: 'failed', attempts: 10, lastError: error } });
      return id;
    };
    retryId = await failed(5550001, 'Обращение KZ-2026-000001 принято в работу', '502 Bad Gateway');
    discardId = await failed(5550002, 'Обращение KZ-2026-000002 решено', '400 Bad Request: chat not found');
    const scheduler = createScheduler({
      leases: createJobLeases(prisma),
      logger: testLogger,
      holder: 'web1:4242',
      jobs: [{ name: 'report-deadlines', schedule: '0 0 1 1 *', run: async () => ({ overdue: 2, escalated: 0 }) }],
    });
    await scheduler.runNow('report-deadlines');
    await scheduler.stop();
    b = await launchBrowser(app.baseUrl, { locale: 'ru-RU' });
    await signIn(b.page, app.baseUrl, ADMIN.login, ADMIN.password);
  });
  afterAll(async () => {
    await b?.close();
    await app?.stop();
    await fake?.close();
  });

  it('shows the bot, the database, the version and the job runs', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/system`);
    await expect.poll(() => page.locator('[data-testid=system-telegram]').innerText()).toContain('@azamat_test_bot');
    const tg = await page.locator('[data-testid=system-telegram]').innerText();
    expect(tg).toContain('long polling');
    expect(await page.locator('[data-testid=telegram-pending]').innerText()).toContain('0');
    expect(await page.locator('[data-testid=system-database]').innerText()).toContain(target === 'pglite' ? 'Встроенная (PGlite)' : 'PostgreSQL');
    expect(await page.locator('[data-testid=system-version]').innerText()).toMatch(new RegExp(`применено: \\d+, последняя:\\s*${newestMigration}`));
    expect(await page.locator('[data-testid=system-backups]').innerText()).toContain('не найдено');
    const jobs = await page.locator('[data-testid=jobs-table]').innerText();
    expect(jobs).toContain('report-deadlines');
    expect(jobs).toContain('успешно');
    expect(await page.locator('[data-testid=job-runs-table]').innerText()).toContain('{"overdue":2,"escalated":0}');
  });

  it('sends a failed notification again and discards another, both audited', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/system`);
    const table = page.locator('[data-testid=outbox-table]');
    await expect.poll(() => table.innerText()).toContain('502 Bad Gateway');
    expect(await table.innerText()).toContain('400 Bad Request: chat not found');
    expect(await page.locator('[data-testid=outbox-count-failed]').innerText()).toBe('2');
    await shot(page, 'system-status');

    await table.locator(`tr[data-outbox-id="${retryId}"] button`, { hasText: 'Отправить повторно' }).click();
    await expect.poll(() => table.locator(`tr[data-outbox-id="${retryId}"]`).count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=outbox-count-failed]').innerText()).toBe('1');
    const retried = await app.services.prisma.outboxMessage.findUniqueOrThrow({ where: { id: retryId } });
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });

    await table.locator(`tr[data-outbox-id="${discardId}"] button`, { hasText: 'Отменить отправку' }).click();
    await expect.poll(() => table.locator(`tr[data-outbox-id="${discardId}"]`).count()).toBe(0);
    expect((await app.services.prisma.outboxMessage.findUniqueOrThrow({ where: { id: discardId } })).status).toBe('discarded');
    await expect.poll(() => page.locator('[data-testid=outbox-count-discarded]').innerText()).toBe('1');

    // the queue now shows the retried one as waiting, and the outbox delivers it
    await page.locator('select[name=outboxStatus]').selectOption('pending');
    await expect.poll(() => table.innerText()).toContain('502 Bad Gateway');
    const api = new Api(fake.token, { apiRoot: fake.apiRoot });
    const dispatcher = new OutboxDispatcher({
      prisma: app.services.prisma,
      logger: testLogger,
      chat: telegramChat((method, params) => api.raw[method as 'sendMessage'](params as never)),
    });
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 1 });
    expect(fake.sentTo(5550001).map((m) => m.text)).toEqual(['Обращение KZ-2026-000001 принято в работу']);
    expect(fake.sentTo(5550002)).toEqual([]);

    const admin = await app.services.prisma.staffUser.findUniqueOrThrow({ where: { login: ADMIN.login } });
    const audit = await app.services.prisma.auditLog.findMany({ where: { action: { in: ['outbox.retry', 'outbox.discard'] } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ['outbox.retry', String(retryId), String(admin.id)],
      ['outbox.discard', String(discardId), String(admin.id)],
    ]);
  });
});
