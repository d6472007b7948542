// The system-status API for admins: the outbox queue with each failed notification's reason, retry and
// discard (audited, only for a failed one, refused to other roles), job runs with duration and result,
// the database, the last backup and the version, and what Telegram says about the bot.
import { readMigrations } from '../core/db/migrate.ts';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../core/i18n/i18n.ts';
import { enqueueMessage } from '../core/outbox/outbox-repository.ts';
import { backupStatus } from '../core/ops/backup-status.ts';
import { buildAppServer, createAppServices } from '../app/compose.ts';
import { telegramStatus } from '../bot/telegram-status.ts';
import { Api } from 'grammy';
import { createScheduler } from '../jobs/scheduler.ts';
import { bearer, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { startFakeTelegram } from './fake-telegram/server.ts';

// The newest migration in the folder, read as start-up reads it: the screen names the last one applied.
const newestMigration = (await readMigrations()).migrationDirectories.at(-1)!.path;

describe.each(dbTargets)('system status (%s)', (target) => {
  const api = useApiApp(target);
  let operatorToken = '';

  async function failed(text: string, error: string) {
    const id = await enqueueMessage(api.services.prisma, { chatId: 424242, kind: 'report.status', text });
    await api.services.prisma.outboxMessage.update({ where: { id }, data: { status: 'failed', attempts: 10, lastError: error } });
    return id;
  }
  const call = (method: 'GET' | 'POST', url: string, token = api.adminToken) => api.app.inject({ method, url, headers: bearer(token) });

  beforeAll(async () => {
    await api.services.staff.create({ type: 'system' }, { login: 'op', fullName: 'Оператор', password: 'operator-password-1', roles: ['operator'] });
    operatorToken = await api.signIn('op', 'operator-password-1');
  });

  it('lists failed notifications with their reason; a retry puts one back in the queue, audited', async () => {
    const id = await failed('Ваше обращение принято', '400 Bad Request: message is too long');
    const list = await call('GET', '/api/system/outbox?status=failed');
    expect(list.statusCode, list.body).toBe(200);
    const item = list.json().items.find((x: { id: string }) => x.id === String(id));
    expect(item).toMatchObject({
      kind: 'report.status',
      method: 'sendMessage',
      chatId: '424242',
      attempts: 10,
      lastError: '400 Bad Request: message is too long',
      status: 'failed',
    });

    const retried = await call('POST', `/api/system/outbox/${id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    const row = await api.services.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'pending', attempts: 0 });
    const audit = await api.services.prisma.auditLog.findFirstOrThrow({ where: { action: 'outbox.retry', entityId: String(id) } });
    const admin = await api.services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'admin' } });
    expect(audit).toMatchObject({ actorType: 'staff', actorId: String(admin.id), entity: 'outbox_message' });
    expect(audit.before).toMatchObject({ status: 'failed', lastError: '400 Bad Request: message is too long' });

    // no longer failed: a second retry (another admin pressing at the same time) changes nothing
    const again = await api.app.inject({
      method: 'POST',
      url: `/api/system/outbox/${id}/retry`,
      headers: { ...bearer(api.adminToken), 'accept-language': 'kk' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'outbox.not_failed' });
    expect(again.json().error.message).toContain('жіберілмей қалған');
    expect(await api.services.prisma.auditLog.count({ where: { action: 'outbox.retry', entityId: String(id) } })).toBe(1);
  });

  it('discards a failed notification, audited; it leaves the failed list', async () => {
    const id = await failed('Сауалнамаға шақыру', '403 Forbidden: bot was kicked');
    const res = await call('POST', `/api/system/outbox/${id}/discard`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await api.services.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('discarded');
    expect(await api.services.prisma.auditLog.count({ where: { action: 'outbox.discard', entityId: String(id) } })).toBe(1);
    const list = (await call('GET', '/api/system/outbox?status=failed')).json().items.map((x: { id: string }) => x.id);
    expect(list).not.toContain(String(id));
    expect((await call('GET', '/api/system/outbox?status=discarded')).json().items.map((x: { id: string }) => x.id)).toContain(String(id));
    expect((await call('POST', '/api/system/outbox/999999/retry')).statusCode).toBe(404);
  });

  it('is for admins only', async () => {
    const id = await failed('x', 'y');
    for (const [method, url] of [
      ['GET', '/api/system/status'],
      ['GET', '/api/system/outbox'],
      ['GET', '/api/system/job-runs'],
      ['POST', `/api/system/outbox/${id}/retry`],
    ] as const) {
      expect((await call(method, url, operatorToken)).statusCode, url).toBe(403);
      expect((await api.app.inject({ method, url })).statusCode, url).toBe(401);
    }
    expect((await api.services.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('failed');
  });

  it('keeps a history of job runs with duration and result, and each job’s last run', async () => {
    let fail = false;
    const scheduler = createScheduler({
      leases: api.services.ops.leases,
      logger: testLogger,
      holder: 'test:1',
      jobs: [
        {
          name: 'sample-job',
          schedule: '0 0 1 1 *',
          run: async () => {
            if (fail) throw new Error('the sample broke');
            return { done: 3 };
          },
        },
      ],
    });
    await scheduler.runNow('sample-job');
    fail = true;
    await scheduler.runNow('sample-job');
    await scheduler.stop();
    const runs = (await call('GET', '/api/system/job-runs?job=sample-job')).json().items;
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ job: 'sample-job', ok: false, error: 'the sample broke', holder: 'test:1' });
    expect(runs[1]).toMatchObject({ job: 'sample-job', ok: true, error: null, result: { done: 3 } });
    expect(runs[1].durationMs).toBeGreaterThanOrEqual(0);
    expect((await call('GET', '/api/system/job-runs?job=sample-job&failed=true')).json().items).toHaveLength(1);
    const status = (await call('GET', '/api/system/status')).json();
    expect(status.jobs.find((j: { job: string }) => j.job === 'sample-job')).toMatchObject({
      lastOk: false,
      lastError: 'the sample broke',
      runs: 2,
      failures: 1,
    });
  });

  it('shows the database, the version with its migrations, and no backup when there is none', async () => {
    const res = await call('GET', '/api/system/status');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.database).toMatchObject({ kind: target });
    expect(s.database.sizeBytes).toBeGreaterThan(0);
    if (target === 'postgres') expect(s.database.connections).toBeGreaterThan(0);
    expect(s.version.app).toBe('0.1.0');
    expect(s.version.migrations.pending).toEqual([]);
    expect(s.version.migrations.applied).toBeGreaterThan(10);
    expect(s.version.migrations.last).toBe(newestMigration);
    expect(s.telegram).toMatchObject({ configured: false });
    expect(s.backups).toEqual({ dir: null, last: null });
    expect(s.outbox.counts.failed).toBeGreaterThanOrEqual(1);
  });

  it('asks Telegram who the bot is and where its updates go', async () => {
    const fake = await startFakeTelegram();
    const services = createAppServices({ db: api.services.db, logger: testLogger, sessionTtlHours: 12 });
    const app = await buildAppServer({
      services,
      i18n: createI18n(),
      logger: testLogger,
      cookieSecure: false,
      system: { telegram: () => telegramStatus(new Api(fake.token, { apiRoot: fake.apiRoot }), 'https://bot.example.kz/tg/hook') },
    });
    try {
      await new Api(fake.token, { apiRoot: fake.apiRoot }).setWebhook('https://old.example.kz/hook');
      const s = (await app.inject({ method: 'GET', url: '/api/system/status', headers: bearer(api.adminToken) })).json();
      expect(s.telegram).toMatchObject({
        configured: true,
        mode: 'webhook',
        reachable: true,
        bot: { username: 'azamat_test_bot' },
        webhook: { url: 'https://old.example.kz/hook', pendingUpdateCount: 0 },
        configuredWebhookUrl: 'https://bot.example.kz/tg/hook',
      });
      fake.setDown(true);
      const down = (await app.inject({ method: 'GET', url: '/api/system/status', headers: bearer(api.adminToken) })).json();
      expect(down.telegram).toMatchObject({ configured: true, reachable: false, error: '502 Bad Gateway', bot: null });
    } finally {
      await app.close();
      await fake.close();
    }
  });
});

describe('the last backup', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'azamat-backups-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the newest azamat-*.tar.gz by the time in its name; unfinished and foreign files are ignored', async () => {
    const now = new Date('2026-11-21T04:00:00Z');
    expect(await backupStatus(dir, now)).toEqual({ dir, last: null });
    await writeFile(path.join(dir, 'azamat-pglite-20261119-224000Z.tar.gz'), 'x'.repeat(10));
    await writeFile(path.join(dir, 'azamat-pglite-20261120-224000Z.tar.gz'), 'x'.repeat(20));
    await writeFile(path.join(dir, 'azamat-pglite-20261121-030000Z.tar.gz.partial'), 'x');
    await writeFile(path.join(dir, 'notes.txt'), 'x');
    // copied later (rsync back, a restore drill): the name still tells when it was made
    await utimes(path.join(dir, 'azamat-pglite-20261119-224000Z.tar.gz'), now, now);
    expect(await backupStatus(dir, now)).toEqual({
      dir,
      last: { file: 'azamat-pglite-20261120-224000Z.tar.gz', at: new Date('2026-11-20T22:40:00Z'), bytes: 20, ageSeconds: 5 * 3600 + 20 * 60 },
    });
  });

  it('takes a last-backup.json marker when it is the newest', async () => {
    const now = new Date('2026-11-21T04:00:00Z');
    await writeFile(
      path.join(dir, 'last-backup.json'),
      JSON.stringify({ file: '/var/backups/azamat/azamat-postgres-20261121-034000Z.tar.gz', createdAt: '2026-11-21T03:40:00Z', bytes: 1234 }),
    );
    expect((await backupStatus(dir, now)).last).toEqual({
      file: 'azamat-postgres-20261121-034000Z.tar.gz',
      at: new Date('2026-11-21T03:40:00Z'),
      bytes: 1234,
      ageSeconds: 1200,
    });
  });
});
