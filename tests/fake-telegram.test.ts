import { Buffer } from 'node:buffer';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard, webhookCallback } from 'grammy';
import { fakeJpeg } from './fake-telegram/fake-files.js';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram/server.js';

// Everything a test starts is torn down here, even when an assertion fails midway.
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeTelegram(options?: Parameters<typeof startFakeTelegram>[0]): Promise<FakeTelegram> {
  const fake = await startFakeTelegram(options);
  cleanups.push(() => fake.close());
  return fake;
}

function newBot(fake: FakeTelegram): { bot: Bot; errors: unknown[] } {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  const errors: unknown[] = [];
  bot.catch((err) => {
    errors.push(err.error);
  });
  return { bot, errors };
}

/** Resolves once grammY is long polling; registers bot.stop() for cleanup. */
function startPolling(bot: Bot): Promise<void> {
  return new Promise((resolve, reject) => {
    cleanups.push(async () => {
      if (bot.isRunning()) await bot.stop();
    });
    bot.start({ drop_pending_updates: false, onStart: () => resolve() }).catch(reject);
  });
}

function languageMenu(): InlineKeyboard {
  return new InlineKeyboard().text('Қазақша', 'lang:kk').text('Русский', 'lang:ru');
}

describe('fake Telegram Bot API server', () => {
  it('answers getMe and rejects a wrong token or an unknown method', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    const me = await bot.api.getMe();
    expect(me).toMatchObject({ id: 123456, is_bot: true, first_name: 'Azamat Test', username: 'azamat_test_bot' });

    const wrong = await fetch(`${fake.apiRoot}/bot999:WRONG/getMe`);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });

    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendTelepathy`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });

    // Form-encoded bodies get the same coercion the Bot API applies.
    const form = await fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '77', text: '42', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }) }),
    });
    const sent = (await form.json()) as { ok: boolean; result: { chat: { id: number }; text: string; reply_markup: unknown } };
    expect(sent.ok).toBe(true);
    expect(sent.result.chat.id).toBe(77);
    expect(sent.result.text).toBe('42');
    expect(fake.lastMessageTo(77)?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] });
    // Calls with a wrong token are recorded too, which helps debugging a misconfigured bot.
    expect(fake.callsTo('getMe').map((c) => c.status)).toEqual([200, 401]);
  });

  it('long polling delivers /start and the bot replies with an inline keyboard', async () => {
    const fake = await fakeTelegram();
    const { bot, errors } = newBot(fake);
    bot.command('start', (ctx) => ctx.reply(`Сәлем, ${ctx.from?.first_name ?? ''}! (${ctx.match})`, { reply_markup: languageMenu() }));
    await startPolling(bot);

    const user = fake.user({ id: 1001, first_name: 'Азамат', language_code: 'kk' });
    const update = await user.send('/start promo42');
    expect(update.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);

    const reply = await user.waitForReply();
    expect(reply.text).toBe('Сәлем, Азамат! (promo42)');
    expect(reply.chat).toMatchObject({ id: 1001, type: 'private' });
    expect(reply.from?.username).toBe('azamat_test_bot');
    // The user's own message took id 1 in this chat.
    expect(reply.message_id).toBe(2);
    expect(user.lastKeyboard()).toEqual([['Қазақша', 'Русский']]);
    expect(user.texts()).toEqual(['Сәлем, Азамат! (promo42)']);
    expect(fake.sentTo(1001)).toHaveLength(1);
    expect(errors).toEqual([]);

    // The next getUpdates acknowledges the update through its offset. That poll is still
    // open (calls are recorded on completion), so watch the queue instead of fake.calls.
    await expect.poll(() => fake.pendingUpdates).toEqual([]);
  });

  it('pressButton sends the callback query of the matching inline button', async () => {
    const fake = await fakeTelegram();
    const { bot, errors } = newBot(fake);
    bot.command('start', (ctx) => ctx.reply('Тілді таңдаңыз / Выберите язык', { reply_markup: languageMenu() }));
    bot.callbackQuery(/^lang:(kk|ru)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'OK' });
      await ctx.editMessageText(ctx.match[1] === 'ru' ? 'Язык: русский' : 'Тіл: қазақша');
    });
    await startPolling(bot);

    const user = fake.user({ id: 1002, first_name: 'Ержан', language_code: 'ru' });
    await user.send('/start');
    const menu = await user.waitForReply();

    const press = await user.pressButton('Русский');
    expect(press.callback_query).toMatchObject({ data: 'lang:ru', message: { message_id: menu.message_id } });
    const edited = await user.waitForReply();
    expect(edited.message_id).toBe(menu.message_id);
    expect(edited.text).toBe('Язык: русский');
    expect(edited.edit_date).toBeTypeOf('number');
    expect(fake.callsTo('answerCallbackQuery')[0]?.response).toEqual({ ok: true, result: true });
    // Editing without reply_markup removes the keyboard, so there is nothing left to press.
    expect(user.lastKeyboard()).toEqual([]);
    await expect(user.pressButton('Қазақша')).rejects.toThrow(/no button matching/);
    expect(errors).toEqual([]);
  });

  it('pressButton on a reply keyboard sends the label, or the contact for request_contact', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    bot.command('start', (ctx) =>
      ctx.reply('Телефон?', { reply_markup: new Keyboard().requestContact('📱 Нөмірді жіберу').row().text('Бас тарту').resized() }),
    );
    bot.on('message:contact', (ctx) => ctx.reply(`phone=${ctx.msg.contact.phone_number} own=${ctx.msg.contact.user_id === ctx.from.id}`));
    await startPolling(bot);

    const user = fake.user({ id: 1003, first_name: 'Айгүл', phone_number: '+77011234567' });
    await user.send('/start');
    await user.waitForReply();
    expect(user.lastKeyboard()).toEqual([['📱 Нөмірді жіберу'], ['Бас тарту']]);
    await user.pressButton(/Нөмір/);
    expect((await user.waitForReply()).text).toBe('phone=+77011234567 own=true');
  });

  it('a photo sent by a user can be fetched via getFile and downloaded', async () => {
    const fake = await fakeTelegram();
    const { bot, errors } = newBot(fake);
    let downloaded: Buffer | undefined;
    bot.on('message:photo', async (ctx) => {
      const file = await ctx.getFile();
      const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path ?? ''}`);
      downloaded = Buffer.from(await res.arrayBuffer());
      await ctx.reply(`saved ${file.file_size ?? 0} bytes`);
    });
    await startPolling(bot);

    const user = fake.user({ id: 1004, first_name: 'Дәурен' });
    const update = await user.sendPhoto({ caption: 'Шұңқыр, Абай даңғылы' });
    const photo = update.message?.photo ?? [];
    expect(photo.length).toBeGreaterThan(1);
    const largest = photo[photo.length - 1];
    expect(largest).toMatchObject({ width: 1280, height: 960 });
    expect(update.message?.caption).toBe('Шұңқыр, Абай даңғылы');

    const reply = await user.waitForReply();
    expect(errors).toEqual([]);
    expect(downloaded).toBeDefined();
    expect(downloaded?.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(downloaded).toEqual(fake.fileBytes(largest?.file_id ?? ''));
    expect(reply.text).toBe(`saved ${downloaded?.length ?? -1} bytes`);

    const bad = await bot.api.getFile('AgAC-no-such-file').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(GrammyError);
    expect((bad as GrammyError).error_code).toBe(400);
    expect((bad as GrammyError).description).toBe('Bad Request: invalid file_id');
  });

  it('files uploaded by the bot arrive via multipart and can be downloaded again', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    const jpeg = fakeJpeg(640, 480, 7);
    const sent = await bot.api.sendPhoto(2001, new InputFile(jpeg, 'pothole.jpg'), {
      caption: '<b>Өтініш</b> №17 &lt;жаңа&gt;',
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text('Қабылдау', 'accept:17'),
    });
    expect(sent.caption).toBe('Өтініш №17 <жаңа>');
    expect(sent.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 6 }]);
    const largest = sent.photo[sent.photo.length - 1];
    expect(largest).toMatchObject({ width: 640, height: 480, file_size: jpeg.length });
    const call = fake.callsTo('sendPhoto')[0];
    expect(call?.uploads[0]?.filename).toBe('pothole.jpg');
    expect(call?.payload['chat_id']).toBe(2001);

    const file = await bot.api.getFile(largest?.file_id ?? '');
    const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path ?? ''}`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(jpeg);

    const doc = await bot.api.sendDocument(2001, new InputFile(Buffer.from('a,b\n1,2\n'), 'report.csv'));
    expect(doc.document).toMatchObject({ file_name: 'report.csv', mime_type: 'text/csv', file_size: 8 });
    // Re-sending by file_id reuses the stored file.
    const again = await bot.api.sendDocument(2002, doc.document.file_id);
    expect(again.document.file_id).toBe(doc.document.file_id);
  });

  it('mirrors Telegram validation of formatting, keyboards and edits', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    const err = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => (e as GrammyError).description,
      );

    expect(await err(bot.api.sendMessage(1, 'Өтініш <қабылданды>', { parse_mode: 'HTML' }))).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag "қабылданды"/,
    );
    expect(await err(bot.api.sendMessage(1, 'Рахмет.', { parse_mode: 'MarkdownV2' }))).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    );
    const md = await bot.api.sendMessage(1, '*Өтініш* №5 қабылданды\\!', { parse_mode: 'MarkdownV2' });
    expect(md.text).toBe('Өтініш №5 қабылданды!');
    expect(md.entities).toEqual([{ type: 'bold', offset: 0, length: 6 }]);
    // 11 Cyrillic letters = 22 bytes; three of them overflow the 64-byte limit.
    const longData = 'өтініш_мәртебесі_'.repeat(3);
    expect(await err(bot.api.sendMessage(1, 'x', { reply_markup: new InlineKeyboard().text('A', longData) }))).toBe('Bad Request: BUTTON_DATA_INVALID');
    expect(await err(bot.api.sendMessage(1, '   '))).toBe('Bad Request: message text is empty');
    expect(await err(bot.api.editMessageText(1, md.message_id, 'Өтініш №5 қабылданды!', { entities: md.entities }))).toMatch(
      /^Bad Request: message is not modified/,
    );
    expect(await err(bot.api.deleteMessage(1, 999))).toBe('Bad Request: message to delete not found');
    expect(await bot.api.deleteMessage(1, md.message_id)).toBe(true);
    expect(fake.visibleMessages(1).map((m) => m.message_id)).not.toContain(md.message_id);
  });

  it('a blocked user yields GrammyError 403', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    const user = fake.user({ id: 1005, first_name: 'Нұрлан', language_code: 'kk' });
    await bot.api.sendMessage(user.id, 'Сәлеметсіз бе!');

    const notice = await user.block();
    expect(notice?.my_chat_member?.new_chat_member.status).toBe('kicked');
    const error = await bot.api.sendMessage(user.id, 'Хабарлама').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).error_code).toBe(403);
    expect((error as GrammyError).description).toBe('Forbidden: bot was blocked by the user');
    expect(user.texts()).toEqual(['Сәлеметсіз бе!']);
    expect(fake.delivered).toHaveLength(1);

    await user.unblock();
    await bot.api.sendMessage(user.id, 'Қайта оралдыңыз');
    expect(user.texts()).toEqual(['Сәлеметсіз бе!', 'Қайта оралдыңыз']);
  });

  it('enforced limits answer 429 with retry_after', async () => {
    const fake = await fakeTelegram({ enforceLimits: true });
    const { bot } = newBot(fake);

    await bot.api.sendMessage(10, 'first');
    const perChat = await bot.api.sendMessage(10, 'second').catch((e: unknown) => e);
    expect(perChat).toBeInstanceOf(GrammyError);
    expect((perChat as GrammyError).error_code).toBe(429);
    expect((perChat as GrammyError).parameters.retry_after).toBe(1);
    expect((perChat as GrammyError).description).toBe('Too Many Requests: retry after 1');

    // 29 more distinct chats fill the global 30/s window.
    for (let chat = 11; chat < 40; chat++) await bot.api.sendMessage(chat, 'broadcast');
    const global = await bot.api.sendMessage(40, 'one too many').catch((e: unknown) => e);
    expect((global as GrammyError).error_code).toBe(429);
    expect(fake.delivered).toHaveLength(30);
    expect(fake.calls.filter((c) => c.injected === 'rate-limit')).toHaveLength(2);
  });

  it('injected failures are deterministic and delivered records each message once', async () => {
    const run = async (): Promise<{ failures: number[]; delivered: string[] }> => {
      const fake = await fakeTelegram({ failureRate: 0.3, seed: 42 });
      const { bot } = newBot(fake);
      for (let i = 0; i < 20; i++) {
        // A minimal retry loop standing in for auto-retry, without its multi-second back-off.
        for (let attempt = 0; ; attempt++) {
          try {
            await bot.api.sendMessage(5, `notice ${i}`);
            break;
          } catch (e) {
            if (!(e instanceof GrammyError) || attempt > 10) throw e;
          }
        }
      }
      return {
        failures: fake.calls.map((c, i) => (c.injected === 'failure' ? i : -1)).filter((i) => i >= 0),
        delivered: fake.delivered.map((d) => d.message.text ?? ''),
      };
    };
    const first = await run();
    const second = await run();
    expect(first.failures.length).toBeGreaterThan(0);
    expect(second.failures).toEqual(first.failures);
    expect(first.delivered).toEqual(Array.from({ length: 20 }, (_, i) => `notice ${i}`));
  });

  it('getUpdates long-polls, returns early when an update arrives and honours offset', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    const user = fake.user({ id: 1006 });
    const started = Date.now();
    const poll = bot.api.getUpdates({ timeout: 5 });
    setTimeout(() => void user.send('салем'), 50);
    const updates = await poll;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(updates.map((u) => u.message?.text)).toEqual(['салем']);

    await user.send('екінші');
    const again = await bot.api.getUpdates({ offset: (updates[0]?.update_id ?? 0) + 1, timeout: 0 });
    expect(again.map((u) => u.message?.text)).toEqual(['екінші']);
    expect(again[0]?.update_id).toBe((updates[0]?.update_id ?? 0) + 1);

    fake.pushUpdate({
      chat_member: {
        chat: user.chat,
        from: user.info,
        date: 0,
        old_chat_member: { status: 'left', user: user.info },
        new_chat_member: { status: 'member', user: user.info },
      },
    });
    // chat_member is opt-in on Telegram, so the default subscription drops it.
    const filtered = await bot.api.getUpdates({ offset: (again[0]?.update_id ?? 0) + 1, timeout: 0 });
    expect(filtered).toEqual([]);
  });

  it('postToWebhook delivers to the setWebhook URL with the secret header', async () => {
    const fake = await fakeTelegram();
    const { bot, errors } = newBot(fake);
    bot.command('start', (ctx) => ctx.reply('webhook ok'));
    const handle = webhookCallback(bot, 'http', { secretToken: 's3cr3t_token' });
    const seenSecrets: Array<string | undefined> = [];
    const server = http.createServer((req, res) => {
      seenSecrets.push(req.headers['x-telegram-bot-api-secret-token'] as string | undefined);
      void handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram`;

    await bot.api.setWebhook(url, { secret_token: 's3cr3t_token' });
    expect(fake.webhook).toMatchObject({ url, secretToken: 's3cr3t_token' });
    expect((await bot.api.getWebhookInfo()).url).toBe(url);
    const conflict = await bot.api.getUpdates().catch((e: unknown) => e);
    expect((conflict as GrammyError).error_code).toBe(409);

    const user = fake.user({ id: 1007, first_name: 'Әлия' });
    const update = await user.send('/start');
    expect(await fake.postToWebhook(update)).toBe(200);
    expect(seenSecrets).toEqual(['s3cr3t_token']);
    await user.waitForReply({ match: 'webhook ok' });
    expect(fake.pendingUpdates).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('waitFor rejects with a list of recent calls', async () => {
    const fake = await fakeTelegram();
    const { bot } = newBot(fake);
    await bot.api.sendMessage(3, 'hello');
    await expect(fake.waitFor('sendPhoto', { timeoutMs: 50 })).rejects.toThrow(/sendMessage chat=3 text="hello" -> ok/);
  });
});
