// A consultation topic's staff Telegram group: new questions are posted there once with a "take" button
// and the post follows the question; a consultant takes it with the button and answers by replying to
// the post, and the answer reaches the citizen like one given in the admin API. Telegram users not
// linked to a consultant account, or consultants of another region, are refused.
import type { Message, User } from 'grammy/types';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Citizen, ConsultationTopic, Question, StaffUser } from '../generated/prisma/client.ts';
import { syncQuestionChats } from '../core/consultations/question-staff-chat.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createQuestionStaffChat } from '../bot/consultations/staff-chat.ts';
import { createStaffChat } from '../bot/reports/staff-chat.ts';
import { telegramChat } from '../bot/telegram/chat-port.ts';
import { useApiApp } from './helpers/api-app.ts';
import { makeCitizen, makeQuestion } from './helpers/consult-fixtures.ts';
import { sentButtons, sentParams } from './helpers/outbox.ts';
import { dbTargets } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { useStaffGroup } from './helpers/staff-group.ts';

const CHAT = -1009876543210;
const HOUR = 3_600_000;
const i18n = createI18n();
const ru = i18n.getFixedT('ru');
const kk = i18n.getFixedT('kk');

describe.each(dbTargets)('consultation staff group (%s)', (target) => {
  const api = useApiApp(target);
  const group = { id: CHAT, type: 'supergroup' as const, title: 'ҮЕҰ кеңесшілері' };
  const { h, sent, send, press, lastAnswer, buttons, link } = useStaffGroup(api, {
    chat: group,
    features: () => [createStaffChat(), createQuestionStaffChat()],
    chatInstance: 'consult-group',
    truncate: '"Question", "Consultation", "OutboxMessage", "BotSession"',
  });
  const { services, prisma } = api;
  let topic: ConsultationTopic;
  let regionA: number;
  let regionB: number;
  let consultant: StaffUser;
  let citizen: Citizen;
  let messageId = 10_000;

  const person = (id: number, language_code = 'ru'): User => ({ id, is_bot: false, first_name: 'Дина', last_name: 'Кеңесова', language_code });
  const consultantUser = person(901);
  const colleagueUser = person(902);
  const outsiderUser = person(903);
  const operatorUser = person(904);
  const strangerKk = person(905, 'kk');

  beforeAll(async () => {
    topic = await prisma.consultationTopic.findUniqueOrThrow({ where: { code: 'ngo-registration-governance' } });
    const regions = await prisma.region.findMany({ orderBy: { id: 'asc' } });
    [regionA, regionB] = [regions[0]!.id, regions[1]!.id];
    const admin = { type: 'staff' as const, id: 0 };
    const make = (login: string, roles: Array<'consultant' | 'operator'>, regionId: number, user: User) =>
      services.staff.create(admin, { login, fullName: `${login} Кеңесшіқызы`, password: 'consultant-password', roles, regionId, telegramId: BigInt(user.id) });
    consultant = await make('dina', ['consultant'], regionA, consultantUser);
    await make('colleague', ['consultant'], regionA, colleagueUser);
    await make('outsider', ['consultant'], regionB, outsiderUser);
    await make('group-op', ['operator'], regionA, operatorUser);
    citizen = await makeCitizen(prisma, { locale: 'kk' });
    await link(`/api/consultation-topics/${topic.id}`);
  });

  /** The sync as the jobs process runs it, its calls recorded and answered by the fake Telegram. */
  const sync = () => syncQuestionChats({ prisma, chat: telegramChat(send), i18n, calendar: services.calendar, logger: testLogger });
  const ask = (extra: { regionId?: number; createdAt?: Date; topicId?: number } = {}) =>
    makeQuestion(prisma, {
      citizenId: citizen.id,
      topicId: topic.id,
      regionId: regionA,
      text: 'Қоғамдық бірлестіктің жарғысына өзгерісті қалай тіркеуге болады?',
      ...extra,
    });

  async function postOf(q: Question): Promise<Message> {
    const row = await prisma.questionStaffMessage.findUniqueOrThrow({ where: { questionId_chatId: { questionId: q.id, chatId: BigInt(CHAT) } } });
    return h.fake.visibleMessages(CHAT).find((m) => m.message_id === Number(row.messageId))!;
  }
  const reply = (from: User, text: string, to: Message) =>
    h.deliver(
      h.fake.pushUpdate({
        message: { message_id: ++messageId, from, chat: group, date: Math.floor(Date.now() / 1000), text, reply_to_message: to as never } as never,
      }),
    );
  const row = (q: Question) => prisma.question.findUniqueOrThrow({ where: { id: q.id } });

  it('posts a new question of the topic once, with the take button; not old ones nor other topics’', async () => {
    const q = await ask();
    await ask({ createdAt: new Date(Date.now() - 25 * HOUR) });
    const other = await prisma.consultationTopic.findUniqueOrThrow({ where: { code: 'volunteering' } });
    await ask({ topicId: other.id });
    expect(await sync()).toEqual({ posted: 1, edited: 0, failed: 0 });
    const post = await postOf(q);
    expect(post.text).toContain(`⏳ ${q.number} · ${ru('consultations:chat.state.waiting')}`);
    expect(post.text).toContain(`📂 ${topic.nameRu} · ${ru('consultations:group.ngo')}`);
    expect(post.text).toContain('Қоғамдық бірлестіктің жарғысына өзгерісті');
    expect(post.text).toMatch(/⏳ Ответить до \d\d\.\d\d\.\d{4} \d\d:\d\d/);
    expect(buttons(post)).toEqual([`cq:take:${q.id}`]);
    expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });

  it('refuses a Telegram user not linked to a consultant, in their language, an operator, and a consultant of another region', async () => {
    const q = await ask();
    await sync();
    await press(strangerKk, `cq:take:${q.id}`, await postOf(q));
    expect(lastAnswer()).toMatchObject({ show_alert: true, text: kk('consultations:chat.not_linked') });
    await press(operatorUser, `cq:take:${q.id}`, await postOf(q));
    expect(lastAnswer()).toMatchObject({ show_alert: true, text: ru('consultations:chat.no_role') });
    await press(outsiderUser, `cq:take:${q.id}`, await postOf(q));
    expect(lastAnswer()).toMatchObject({ show_alert: true, text: ru('consultations:chat.out_of_scope') });
    await reply(strangerKk, 'Мен жауап берейін', await postOf(q));
    expect(h.fake.lastMessageTo(CHAT)?.text).toBe(kk('consultations:chat.not_linked'));
    expect(await row(q)).toMatchObject({ state: 'waiting', consultantId: null });
    expect(await prisma.outboxMessage.count({ where: { kind: 'question.answer' } })).toBe(0);
  });

  it('take: the question is the consultant’s, the post shows it at once; a colleague is told who holds it', async () => {
    const q = await ask();
    await sync();
    await press(consultantUser, `cq:take:${q.id}`, await postOf(q));
    expect(lastAnswer()).toMatchObject({ text: ru('consultations:chat.taken') });
    expect(await row(q)).toMatchObject({ state: 'claimed', consultantId: consultant.id });
    const post = await postOf(q);
    expect(post.text).toContain(`🙋 ${q.number} · ${ru('consultations:chat.state.claimed')}`);
    expect(post.text).toContain(ru('consultations:chat.holder', { name: consultant.fullName }));
    expect(post.text).toContain(ru('consultations:chat.reply_hint'));
    expect(buttons(post)).toEqual([]);
    expect(await sync()).toEqual({ posted: 0, edited: 0, failed: 0 });

    await press(colleagueUser, `cq:take:${q.id}`, post);
    expect(lastAnswer()).toMatchObject({ show_alert: true, text: ru('errors:question.held_by', { number: q.number, name: consultant.fullName }) });
    expect(await prisma.questionMessage.count({ where: { questionId: q.id, kind: 'claim' } })).toBe(1);
  });

  it('a reply to the post is the answer: the citizen gets it in Kazakh with the buttons; the log keeps it', async () => {
    const q = await ask();
    await sync();
    await reply(consultantUser, 'Жарғыға өзгерісті әділет органында тіркейді, өтініш берген соң 10 жұмыс күні ішінде.', await postOf(q));
    expect(await row(q)).toMatchObject({ state: 'answered', consultantId: consultant.id });
    expect(h.fake.callsTo('sendMessage').at(-1)?.payload).toMatchObject({
      chat_id: CHAT,
      text: ru('consultations:chat.sent', { number: q.number, name: 'Дина Кеңесова' }),
    });
    const [message] = await prisma.outboxMessage.findMany({ where: { kind: 'question.answer', chatId: citizen.telegramId } });
    const p = sentParams(message!);
    expect(p.text).toBe(
      `${kk('consultations:answer.title', { number: q.number })}\n\nЖарғыға өзгерісті әділет органында тіркейді, өтініш берген соң 10 жұмыс күні ішінде.`,
    );
    expect(sentButtons(message!)).toEqual([`qa:more:${q.id}`, `qa:close:${q.id}`]);
    const answer = await prisma.questionMessage.findFirstOrThrow({ where: { questionId: q.id, kind: 'answer' } });
    expect(answer).toMatchObject({ authorType: 'staff', staffUserId: consultant.id });
    expect(await prisma.consultation.findUniqueOrThrow({ where: { questionId: q.id } })).toMatchObject({
      channel: 'bot',
      consultantId: consultant.id,
      result: 'answered',
    });
    expect((await postOf(q)).text).toContain(`💬 ${q.number} · ${ru('consultations:chat.state.answered')}`);
  });

  it('a colleague’s reply to a held question is refused with the reason; an ordinary message is left alone', async () => {
    const q = await ask();
    await sync();
    await press(consultantUser, `cq:take:${q.id}`, await postOf(q));
    await reply(colleagueUser, 'Я знаю ответ', await postOf(q));
    expect(h.fake.lastMessageTo(CHAT)?.text).toBe(
      ru('consultations:chat.failed', { reason: ru('errors:question.held_by', { number: q.number, name: consultant.fullName }) }),
    );
    expect(await prisma.questionMessage.count({ where: { questionId: q.id, kind: 'answer' } })).toBe(0);
    const calls = h.fake.calls.length;
    const unrelated = { message_id: 1, from: { id: 1, is_bot: true, first_name: 'bot' }, chat: group, date: 0, text: 'нет такого поста' } as unknown as Message;
    await reply(consultantUser, 'Коллеги, посмотрите', unrelated);
    expect(h.fake.calls.length).toBe(calls);
  });

  it('the post follows the citizen’s follow-up and shows it', async () => {
    const q = await ask();
    await sync();
    await reply(consultantUser, 'Бірінші жауап', await postOf(q));
    await prisma.question.update({ where: { id: q.id }, data: { state: 'claimed', followUpAt: new Date() } });
    await prisma.questionMessage.create({ data: { questionId: q.id, kind: 'followup', authorType: 'citizen', text: 'Мемлекеттік баж қанша?' } });
    expect(await sync()).toEqual({ posted: 0, edited: 1, failed: 0 });
    const post = await postOf(q);
    expect(post.text).toContain(`${ru('consultations:chat.followup')}\nМемлекеттік баж қанша?`);
    expect(post.text).toContain(`🙋 ${q.number}`);
  });
});
