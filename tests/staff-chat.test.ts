// A department's staff Telegram group: new reports are posted there once and the post follows the
// report; operators act with the buttons (closing asks for the public note the citizen gets), and
// anyone not linked to a staff account in scope is refused.
import type { Message, User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import type { Report } from '../generated/prisma/client.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { syncStaffChats } from '../core/reports/staff-chat.ts';
import { createStaffChat } from '../bot/reports/staff-chat.ts';
import { telegramChat } from '../bot/telegram/chat-port.ts';
import { bearer, useApiApp } from './helpers/api-app.ts';
import { dbTargets } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { useStaffGroup } from './helpers/staff-group.ts';
import { useFixture } from './helpers/fixture.ts';
import { sentParams } from './helpers/outbox.ts';

const CHAT = -1001234567890;
const HOUR = 3_600_000;
const i18n = createI18n();
const ru = i18n.getFixedT('ru');
const kk = i18n.getFixedT('kk');

describe.each(dbTargets)('staff Telegram group (%s)', (target) => {
  const api = useApiApp(target);
  const group = { id: CHAT, type: 'supergroup' as const, title: 'Көше жарығы бөлімі' };
  const { h, sent, send, press, lastAnswer, buttons, link } = useStaffGroup(api, {
    chat: group,
    features: () => [createStaffChat()],
    chatInstance: 'staff-group',
    truncate: '"Report", "OutboxMessage", "BotSession"',
  });
  const { services, prisma } = api;
  let authorTelegramId = 900_000;

  // The people in the group, as Telegram shows them.
  const person = (id: number, language_code = 'ru'): User => ({ id, is_bot: false, first_name: 'Ерлан', last_name: 'Серікұлы', language_code });
  const operatorUser = person(801);
  const outsiderUser = person(802);
  const adminUser = person(803);
  const strangerRu = person(804);
  const strangerKk = person(805, 'kk');

  const given = useFixture(async () => {
    const category = await prisma.category.findFirstOrThrow({ where: { code: 'street-lighting' } });
    const almaty = await prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: true } });
    const astana = await prisma.region.findUniqueOrThrow({ where: { code: 'astana' } });
    const admin = { type: 'staff' as const, id: 0 };
    const operator = await services.staff.create(admin, {
      login: 'lighting-op',
      fullName: 'Айгүл Операторова',
      password: 'operator-password',
      roles: ['operator'],
      regionId: almaty.id,
      departmentId: category.departmentId,
      telegramId: BigInt(operatorUser.id),
    });
    await services.staff.create(admin, {
      login: 'astana-op',
      fullName: 'Бауыржан Астанов',
      password: 'operator-password',
      roles: ['operator'],
      regionId: astana.id,
      departmentId: category.departmentId,
      telegramId: BigInt(outsiderUser.id),
    });
    await prisma.staffUser.update({ where: { login: 'admin' }, data: { telegramId: BigInt(adminUser.id) } });
    const operatorToken = await api.signIn('lighting-op', 'operator-password');
    await link(`/api/reference/departments/${category.departmentId}`);
    return { category, almaty, operator, operatorToken };
  });

  /** The sync as the jobs process runs it, its calls recorded and answered by the fake Telegram. */
  const sync = () => syncStaffChats({ prisma, chat: telegramChat(send), i18n, logger: testLogger });

  async function fileReport(extra: { categoryId?: number } = {}): Promise<Report> {
    const author = await prisma.citizen.create({ data: { telegramId: BigInt(++authorTelegramId), locale: 'ru', consentAt: new Date('2026-01-01T00:00:00Z') } });
    return services.reports.create(
      { type: 'citizen', id: author.id },
      {
        source: 'bot',
        citizenId: author.id,
        categoryId: extra.categoryId ?? given.category.id,
        regionId: given.almaty.id,
        districtId: given.almaty.districts[0]!.id,
        address: 'пр. Абая, 52',
        description: 'Третью неделю не горит фонарь у подъезда, вечером дети идут в темноте',
        evidence: [
          { kind: 'photo', telegramFileId: 'AgAC-1' },
          { kind: 'video', telegramFileId: 'BAAC-2' },
        ],
      },
    );
  }

  /** The report's post in the group, as the members see it now. */
  async function postOf(reportId: number): Promise<Message> {
    const row = await prisma.reportStaffMessage.findUniqueOrThrow({ where: { reportId_chatId: { reportId, chatId: BigInt(CHAT) } } });
    return h.fake.visibleMessages(CHAT).find((m) => m.message_id === Number(row.messageId))!;
  }

  const nextMessageId = () => Math.max(0, ...h.fake.visibleMessages(CHAT).map((m) => m.message_id)) + 1;

  function say(from: User, text: string, replyTo?: Message) {
    const command = /^\/\w+/.exec(text);
    return h.deliver(
      h.fake.pushUpdate({
        message: {
          message_id: nextMessageId(),
          from,
          chat: group,
          date: Math.floor(Date.now() / 1000),
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
          ...(replyTo ? { reply_to_message: replyTo as never } : {}),
        } as never,
      }),
    );
  }
  const statusOf = async (id: number) => (await prisma.report.findUniqueOrThrow({ where: { id } })).status;

  describe('posting and editing', () => {
    it('posts a new report of the department once, with its details and buttons', async () => {
      const report = await fileReport();
      expect(await sync()).toEqual({ posted: 1, edited: 0, failed: 0 });
      expect(sent.map((c) => [c.method, c.params.chat_id])).toEqual([['sendMessage', CHAT]]);
      const post = await postOf(report.id);
      expect(post.text).toContain(`🔴 ${report.number} · ${ru('reports:status.new')}`);
      expect(post.text).toContain(`📂 ${given.category.nameRu}`);
      expect(post.text).toContain('пр. Абая, 52');
      expect(post.text).toContain('Третью неделю не горит фонарь');
      expect(post.text).toContain('📎 Файлов: 2 · 👍 Поддержали: 0');
      expect(buttons(post)).toEqual([`sg:acc:${report.id}`, `sg:res:${report.id}`, `sg:rej:${report.id}`]);

      expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });
      expect(sent).toHaveLength(1);
    });

    it("does not post closed reports, reports older than a day, or other departments' reports", async () => {
      const old = await fileReport();
      await prisma.report.update({ where: { id: old.id }, data: { createdAt: new Date(Date.now() - 25 * HOUR) } });
      const closed = await fileReport();
      await services.reports.changeStatus({ type: 'staff', id: given.operator.id }, closed.id, { to: 'rejected', publicNote: 'Это частная территория' });
      const elsewhere = await prisma.category.findFirstOrThrow({ where: { departmentId: { not: given.category.departmentId } } });
      await fileReport({ categoryId: elsewhere.id });
      expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });
      expect(sent).toEqual([]);
    });

    it('edits the post when the status and the support change, and only then', async () => {
      const report = await fileReport();
      await sync();
      const accepted = await services.reports.changeStatus({ type: 'staff', id: given.operator.id }, report.id, { to: 'in_work' });
      expect(await sync()).toEqual({ posted: 0, edited: 1, failed: 0 });
      let post = await postOf(report.id);
      expect(post.text).toContain(`🔴 ${report.number} · ${ru('reports:status.in_work')}`);
      expect(post.text).toMatch(/⏳ Срок: \d\d\.\d\d\.\d{4} \d\d:\d\d/);
      expect(buttons(post)).toEqual([`sg:res:${report.id}`, `sg:rej:${report.id}`]);
      expect(accepted.dueAt).not.toBeNull();

      const supporter = await prisma.citizen.create({ data: { telegramId: BigInt(++authorTelegramId), consentAt: new Date() } });
      await services.reports.support(supporter.id, report.id);
      expect(await sync()).toEqual({ posted: 0, edited: 1, failed: 0 });
      expect((await postOf(report.id)).text).toContain('👍 Поддержали: 1');

      await services.reports.changeStatus({ type: 'staff', id: given.operator.id }, report.id, { to: 'resolved', publicNote: 'Фонарь заменён' });
      await sync();
      post = await postOf(report.id);
      expect(post.text).toContain(`🟢 ${report.number} · ${ru('reports:status.resolved')}`);
      expect(buttons(post)).toEqual([]);

      expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });
      expect(sent.map((c) => c.method)).toEqual(['sendMessage', 'editMessageText', 'editMessageText', 'editMessageText']);
    });

    it('takes Telegram\'s "message is not modified" as done', async () => {
      const report = await fileReport();
      await sync();
      // A change the post does not show (a moderator's note) still moves updatedAt.
      await prisma.report.update({ where: { id: report.id }, data: { hiddenReason: 'проверено' } });
      expect(await sync()).toEqual({ posted: 0, edited: 1, failed: 0 });
      expect(h.fake.callsTo('editMessageText').at(-1)?.response).toMatchObject({ ok: false, description: expect.stringContaining('message is not modified') });
      expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });
    });
  });

  describe('buttons', () => {
    it('refuses a press by someone not linked to a staff account, in their language', async () => {
      const report = await fileReport();
      await sync();
      await press(strangerRu, `sg:acc:${report.id}`, await postOf(report.id));
      expect(lastAnswer()).toMatchObject({ show_alert: true, text: ru('staff:chat.not_linked') });
      await press(strangerKk, `sg:res:${report.id}`, await postOf(report.id));
      expect(lastAnswer()).toMatchObject({ show_alert: true, text: kk('staff:chat.not_linked') });
      expect(await statusOf(report.id)).toBe('new');
      expect(h.fake.callsTo('sendMessage')).toHaveLength(1); // the post only: no note prompt
    });

    it('refuses a linked operator of another region', async () => {
      const report = await fileReport();
      await sync();
      await press(outsiderUser, `sg:acc:${report.id}`, await postOf(report.id));
      expect(lastAnswer()).toMatchObject({ show_alert: true, text: ru('staff:chat.out_of_scope') });
      expect(await statusOf(report.id)).toBe('new');
      expect(await prisma.reportEvent.count({ where: { reportId: report.id, type: 'status' } })).toBe(0);
    });

    it('lets the operator in scope accept: in work, the citizen is told, the post changes at once', async () => {
      const report = await fileReport();
      await sync();
      await press(operatorUser, `sg:acc:${report.id}`, await postOf(report.id));
      const after = await prisma.report.findUniqueOrThrow({ where: { id: report.id }, include: { citizen: true } });
      expect(after.status).toBe('in_work');
      expect(lastAnswer()).toMatchObject({ text: expect.stringContaining('Принято в работу. Срок:') });
      expect(lastAnswer()?.show_alert).not.toBe(true);
      const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'in_work' } });
      expect(event).toMatchObject({ actorType: 'staff', actorId: String(given.operator.id) });
      const notice = await prisma.outboxMessage.findMany({ where: { kind: 'report.status', chatId: after.citizen!.telegramId } });
      expect(notice).toHaveLength(1);
      expect(sentParams(notice[0]!).text).toContain(ru('reports:status.in_work'));
      const post = await postOf(report.id);
      expect(post.text).toContain(ru('reports:status.in_work'));
      expect(buttons(post)).toEqual([`sg:res:${report.id}`, `sg:rej:${report.id}`]);
      // The post is up to date: the sync has nothing left to do.
      expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });

      // A second press on an old copy of the post is refused, not applied twice.
      await press(operatorUser, `sg:acc:${report.id}`, post);
      expect(lastAnswer()).toMatchObject({ show_alert: true });
      expect(await prisma.reportEvent.count({ where: { reportId: report.id, toStatus: 'in_work' } })).toBe(1);
    });

    it('resolving asks for the public note, and the reply resolves the report with it', async () => {
      const report = await fileReport();
      await sync();
      await press(operatorUser, `sg:res:${report.id}`, await postOf(report.id));
      expect(await statusOf(report.id)).toBe('new');
      const promptCall = h.fake.callsTo('sendMessage').at(-1)!;
      expect(promptCall.payload.reply_markup).toMatchObject({ force_reply: true, selective: true });
      const prompt = (promptCall.response as { result: Message }).result;
      expect(prompt.text).toContain(report.number);
      expect(prompt.entities).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'text_mention', user: expect.objectContaining({ id: operatorUser.id }) })]),
      );

      // Someone unlinked answering the prompt changes nothing.
      await say(strangerRu, 'Всё сделано', prompt);
      expect(await statusOf(report.id)).toBe('new');
      expect(h.fake.lastMessageTo(CHAT)?.text).toBe(ru('staff:chat.not_linked'));

      await say(operatorUser, 'Фонарь заменён 12 мая, подъезд освещён.', prompt);
      const after = await prisma.report.findUniqueOrThrow({ where: { id: report.id }, include: { citizen: true } });
      expect(after.status).toBe('resolved');
      const event = await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'resolved' } });
      expect(event).toMatchObject({ publicNote: 'Фонарь заменён 12 мая, подъезд освещён.', actorType: 'staff', actorId: String(given.operator.id) });
      const notice = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'report.status', chatId: after.citizen!.telegramId } });
      expect(sentParams(notice).text).toContain('Фонарь заменён 12 мая, подъезд освещён.');
      // The prompt now records what was done; the post has no buttons left.
      expect(h.fake.visibleMessages(CHAT).find((m) => m.message_id === prompt.message_id)?.text).toBe(
        `🟢 Обращение ${report.number} выполнено (Ерлан Серікұлы). Ответ отправлен автору.`,
      );
      expect(buttons(await postOf(report.id))).toEqual([]);

      // The prompt is spent: answering it again does nothing.
      const calls = h.fake.calls.length;
      await say(operatorUser, 'Ещё раз', prompt);
      expect(h.fake.calls.length).toBe(calls);
    });

    it('rejecting takes a reply too, and a reply that is not to a prompt is left alone', async () => {
      const report = await fileReport();
      await sync();
      const post = await postOf(report.id);
      const calls = h.fake.calls.length;
      await say(operatorUser, 'Коллеги, кто знает этот двор?', post);
      expect(h.fake.calls.length).toBe(calls);
      expect(await statusOf(report.id)).toBe('new');
      await press(operatorUser, `sg:rej:${report.id}`, post);
      const prompt = (h.fake.callsTo('sendMessage').at(-1)!.response as { result: Message }).result;
      expect(prompt.text).toContain('почему обращение');
      await say(operatorUser, 'Опора принадлежит ТОО «Свет», передали им', prompt);
      expect(await statusOf(report.id)).toBe('rejected');
      expect((await prisma.reportEvent.findFirstOrThrow({ where: { reportId: report.id, toStatus: 'rejected' } })).publicNote).toBe(
        'Опора принадлежит ТОО «Свет», передали им',
      );
    });
  });

  describe('connecting a group', () => {
    it('/chatid answers a linked admin only', async () => {
      await say(operatorUser, '/chatid');
      await say(strangerRu, '/chatid');
      expect(h.fake.callsTo('sendMessage')).toEqual([]);
      await say(adminUser, '/chatid');
      expect(h.fake.lastMessageTo(CHAT)?.text).toContain(`ID этой группы: ${CHAT}`);
    });

    it("an admin sets or clears the department's chat; an operator may not; the id must be a group's", async () => {
      const url = `/api/reference/departments/${given.category.departmentId}`;
      const denied = await api.app.inject({ method: 'PATCH', url, headers: bearer(given.operatorToken), payload: { telegramChatId: '-100555' } });
      expect(denied.statusCode).toBe(403);
      const bad = await api.app.inject({ method: 'PATCH', url, headers: bearer(api.adminToken), payload: { telegramChatId: '12345' } });
      expect(bad.statusCode).toBe(400);
      const list = await api.app.inject({ method: 'GET', url: '/api/reference/departments', headers: bearer(api.adminToken) });
      expect(list.json().find((d: { id: number }) => d.id === given.category.departmentId).telegramChatId).toBe(String(CHAT));
      const audit = await prisma.auditLog.findFirst({ where: { action: 'department.telegram_chat', entityId: String(given.category.departmentId) } });
      expect(audit?.after).toEqual({ telegramChatId: String(CHAT) });

      const cleared = await api.app.inject({ method: 'PATCH', url, headers: bearer(api.adminToken), payload: { telegramChatId: null } });
      expect(cleared.json().telegramChatId).toBeNull();
      await fileReport();
      expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });
      await api.app.inject({ method: 'PATCH', url, headers: bearer(api.adminToken), payload: { telegramChatId: String(CHAT) } });
      expect(await sync()).toEqual({ posted: 1, edited: 0, failed: 0 });
    });
  });
});
