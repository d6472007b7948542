// The real app (startApp: bot by long polling or webhook, API, jobs, outbox) against the fake Bot API.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../app/app.ts';
import { parseConfig } from '../app/config.ts';
import { pgliteDirOf } from '../app/prepare-database.ts';
import { openDatabase } from '../core/db/client.ts';
import { enqueueMessage } from '../core/outbox/outbox-repository.ts';
import { dbTargets } from './helpers/db.ts';
import { E2E_ADMIN_PASSWORD, startE2e, until, useE2e } from './helpers/e2e.ts';

describe.each(dbTargets)('the whole app against a fake Telegram (%s)', (target) => {
  const { fake, app } = useE2e(target);

  it('publishes its commands in both languages and long-polls', async () => {
    // Long polls are recorded when they finish; the webhook deletion comes right before polling starts.
    await fake.waitFor('deleteWebhook', { timeoutMs: 15_000 });
    expect(fake.myCommands().map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'cancel', 'mydata', 'deletedata']));
    expect(fake.myCommands({ language_code: 'kk' }).find((c) => c.command === 'help')?.description).toBe('Анықтама: барлық пәрмен');
  });

  for (const [lang, button, agree, menuItem] of [
    ['kk', '🇰🇿 Қазақша', '✅ Келісемін', '📝 Өтініш беру'],
    ['ru', '🇷🇺 Русский', '✅ Согласен(на)', '📝 Подать обращение'],
  ] as const) {
    it(`walks /start → language → consent → menu in ${lang}`, async () => {
      const u = fake.user({ language_code: lang, first_name: 'Ерлан' });
      await u.send('/start');
      await u.waitForReply();
      expect(u.lastKeyboard().flat()).toContain(button);
      await u.pressButton(button);
      await until('consent question', () => u.texts().some((x) => x.includes(lang === 'kk' ? 'келісім' : 'Согласие')));
      await u.pressButton(agree);
      await until('main menu', () => u.lastKeyboard().flat().includes(menuItem));
      const citizen = await app.services.citizens.findByTelegramId(u.id);
      expect(citizen?.locale).toBe(lang);
    });
  }

  it('delivers outbox messages, and marks a citizen who blocked the bot inactive', async () => {
    const ok = fake.user({ language_code: 'ru' });
    const gone = fake.user({ language_code: 'ru' });
    for (const u of [ok, gone]) {
      await u.send('/start');
      await u.waitForReply();
      await u.pressButton('🇷🇺 Русский');
      await until('consent', () => u.texts().some((x) => x.includes('Согласие')));
      await u.pressButton('✅ Согласен(на)');
      await until('menu', () => u.lastKeyboard().length > 0 && u.texts().some((x) => x.includes('Добро пожаловать')));
    }
    await gone.block();
    const blocked = (await app.services.citizens.findByTelegramId(gone.id))!;
    await app.services.prisma.$transaction(async (tx) => {
      await enqueueMessage(tx, { chatId: ok.id, kind: 'test.notice', text: 'Ваше обращение принято' });
      await enqueueMessage(tx, { chatId: gone.id, citizenId: blocked.id, kind: 'test.notice', text: 'Не дойдёт' });
    });
    await until('delivery', () => ok.texts().includes('Ваше обращение принято'));
    const citizen = await until('blocked mark', async () => {
      const c = await app.services.prisma.citizen.findUnique({ where: { id: blocked.id } });
      return c && !c.active ? c : null;
    });
    expect(citizen.blockedAt).toBeInstanceOf(Date);
    const rows = await app.services.prisma.outboxMessage.findMany({ where: { kind: 'test.notice' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'blocked']);
  });

  it('paces a burst to one chat at Telegram’s 1 message/s and loses none to flood control', async () => {
    const u = fake.user({ language_code: 'ru' });
    await app.services.prisma.$transaction(async (tx) => {
      for (let i = 1; i <= 3; i += 1) await enqueueMessage(tx, { chatId: u.id, kind: 'test.burst', text: `Сообщение ${i}` });
    });
    await until('three messages', () => u.texts().filter((x) => x.startsWith('Сообщение')).length === 3, undefined, 20_000);
    expect(u.texts().filter((x) => x.startsWith('Сообщение'))).toEqual(['Сообщение 1', 'Сообщение 2', 'Сообщение 3']);
    const sends = fake.delivered.filter((d) => d.message.chat.id === u.id).map((d) => d.at);
    expect(sends[2]! - sends[0]!).toBeGreaterThanOrEqual(1900);
    expect(fake.calls.filter((c) => c.status === 429 && c.payload.chat_id === u.id)).toHaveLength(0);
  });

  it('serves the admin API on the same process', async () => {
    const health = await fetch(`${app.url}/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', database: { ok: true } });
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'e2e-admin-password' }),
    });
    expect(login.status).toBe(200);
  });
});

describe('webhook mode', () => {
  it('registers the webhook with a secret and accepts only calls that carry it', async () => {
    const { fake, app, stop } = await startE2e('pglite', { env: { WEBHOOK_URL: 'https://bot.example.kz/telegram/hook' } });
    try {
      await fake.waitFor('setWebhook', { timeoutMs: 15_000 });
      const secret = fake.webhook?.secretToken;
      expect(fake.webhook?.url).toBe('https://bot.example.kz/telegram/hook');
      expect(secret).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      const u = fake.user({ language_code: 'kk' });
      const update = {
        update_id: 1,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: u.id, type: 'private', first_name: 'A' },
          from: { id: u.id, is_bot: false, first_name: 'A', language_code: 'kk' },
          text: '/start',
          entities: [{ type: 'bot_command', offset: 0, length: 6 }],
        },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`${app.url}/telegram/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(update) });
      expect((await post({})).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
      expect((await post({ 'x-telegram-bot-api-secret-token': secret! })).status).toBe(200);
      await until('language prompt', () =>
        fake.calls.some((c) => (c.method === 'sendMessage' || c.viaWebhookReply) && String(c.payload.text ?? '').includes('Тілді таңдаңыз')),
      );
    } finally {
      await stop();
    }
  });
});

describe('a start that fails halfway', () => {
  it('releases the embedded database it opened (its port was taken)', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'azamat-failed-start-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const config = parseConfig(
      { DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), ADMIN_PASSWORD: E2E_ADMIN_PASSWORD, LOG_LEVEL: 'silent' },
      process.cwd(),
    );
    try {
      await expect(startApp({ config, print: () => {} })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      // Closed, flushed and unlocked: the next start (or a backup) may open it at once.
      const db = await openDatabase({ pgliteDir: pgliteDirOf(config) });
      await db.close();
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
