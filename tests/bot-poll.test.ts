// Polls in the real bot (in process, Bot API calls answered by the fake): the invitation's button starts
// the poll, one question at a time with buttons (scale, 1–5, yes/no, toggles + Done) and typed text,
// the skip rule, "Skip", "Back" one step, resuming from the menu after /cancel, the confirmation, a
// second answer refused politely, a closed wave refused, and the wave's link that enrols a follower,
// asks the profile once and starts the poll.
import { beforeAll, describe, expect, it } from 'vitest';
import { createPollFeature } from '../bot/polls/poll.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { activeProject, actor, ADMIN, at, beneficiaryCitizen, buildPoll, newTelegramId, openWave } from './helpers/poll-fixtures.ts';

describe.each(dbTargets)('bot: polls (%s)', (target) => {
  const h = useBotSuite(target, { features: [createPollFeature()], now: at('2026-04-01T10:00:00') });
  const { services, say, press, last, all, deliverOutbox, walk } = h;
  let projectId = 0;
  let waveId = 0;

  beforeAll(async () => {
    projectId = (await activeProject(services.prisma)).id;
    const poll = await buildPoll(services, projectId);
    waveId = await openWave(services, poll.pollId, { kk: 'Аралық', ru: 'Промежуточная' }, at('2026-04-01T09:00:00'), at('2026-04-15T18:00:00'));
  });

  async function invited(locale: 'kk' | 'ru', spec: Parameters<typeof beneficiaryCitizen>[2] = {}) {
    const u = h.fake.user({ id: newTelegramId(), language_code: locale });
    const p = await beneficiaryCitizen(services.prisma, projectId, { locale, telegramId: u.id, ...spec });
    return { u, ...p };
  }

  it('answers question by question from the invitation, with the skip rule, toggles, text and a confirmation', async () => {
    const { u, citizenId } = await invited('ru', { gender: 'female', birthYear: 1990, socialStatus: 'unemployed' });
    await services.polls.builder.sendToAll(actor(ADMIN), ADMIN, waveId);
    await deliverOutbox();
    expect(last(u)).toContain('просит вашего мнения');
    expect(last(u)).toContain('вопросов — 5');
    await press(u, '📊 Ответить на опрос');
    expect(all(u)).toContain('Опрос удовлетворённости (Промежуточная)');
    expect(last(u)).toContain('Вопрос 1');
    expect(u.lastKeyboard().flat()).toEqual([
      'Полностью удовлетворён(а)',
      'Скорее удовлетворён(а)',
      'Скорее не удовлетворён(а)',
      'Совсем не удовлетворён(а)',
      'Затрудняюсь ответить',
    ]);
    // typing instead of pressing is answered with a hint; nothing is lost
    await say(u, 'хорошо');
    expect(last(u)).toContain('Выберите ответ кнопкой');
    await press(u, 'Скорее удовлетворён(а)');
    expect(u.texts().at(-2)).toContain('Ваш ответ: Скорее удовлетворён(а)');
    expect(last(u)).toContain('Вопрос 2');
    expect(u.lastKeyboard()).toEqual([['1 ⭐', '2 ⭐', '3 ⭐', '4 ⭐', '5 ⭐'], ['⬅️ Назад']]);
    await walk(u, [{ press: '4 ⭐' }, { press: 'Да', expect: 'В каких мероприятиях вы участвовали?' }]);
    await walk(u, [{ press: '▫️ Семинар' }, { press: '▫️ Личная консультация' }, { press: '✅ Личная консультация' }, { press: '▫️ Тренинг' }]);
    expect(u.lastKeyboard()[0]).toEqual(['✅ Семинар']);
    await walk(u, [
      { press: '✅ Готово', expect: 'Вопрос 5 (необязательный)' },
      { say: 'Больше занятий по вечерам', expect: 'Вы ответили на все вопросы (5)' },
      { press: '✅ Отправить', expect: 'Спасибо! Ваши ответы приняты' },
    ]);
    const response = await services.prisma.pollResponse.findFirstOrThrow({
      where: { waveId, citizenId },
      include: { answers: { orderBy: { questionId: 'asc' } } },
    });
    expect(response).toMatchObject({ gender: 'female', ageBracket: 'age-33-45', socialStatus: 'unemployed', locale: 'ru' });
    expect(response.answers.map((a) => [a.choice, a.rating, a.choices, a.text])).toEqual([
      ['rather', null, [], null],
      [null, 4, [], null],
      ['yes', null, [], null],
      [null, null, ['seminar', 'training'], null],
      [null, null, [], 'Больше занятий по вечерам'],
    ]);

    // the invitation's button once more: refused politely, nothing asked
    await walk(u, [
      { send: (me) => me.press(`pl:go:${waveId}`), expect: 'Вы уже ответили на этот опрос — спасибо!' },
      { say: '📊 Опросы', expect: 'Сейчас нет открытых опросов' },
    ]);
  });

  it('goes back one step, keeps answers through /cancel and resumes in Kazakh where the citizen stopped', async () => {
    const { u, citizenId } = await invited('kk');
    await walk(u, [
      { say: '📊 Сауалнамалар', expect: 'Ашық сауалнамалар' },
      { press: /Қанағаттану сауалнамасы/, expect: '1-сұрақ' },
    ]);
    await walk(u, [{ press: 'Толығымен қанағаттандым' }, { press: '⬅️ Артқа', expect: '1-сұрақ' }]);
    await walk(u, [{ press: 'Жауап беруге қиналамын' }, { press: '2 ⭐' }, { press: 'Жоқ' }]);
    // the follow-up on the events is hidden after "no": next is the optional text question, numbered as shown
    expect(last(u)).toContain('4-сұрақ (міндетті емес)');
    expect(last(u)).not.toContain('Қандай іс-шараларға');
    await walk(u, [{ say: '/cancel' }, { say: '📊 Сауалнамалар' }]);
    expect(u.lastKeyboard().flat()[0]).toMatch(/^▶️ /);
    await press(u, /Қанағаттану сауалнамасы/);
    expect(all(u)).toContain('Тоқтаған жерден жалғастырамыз');
    expect(last(u)).toContain('4-сұрақ (міндетті емес)');
    await walk(u, [{ press: '⬅️ Артқа', expect: '3-сұрақ' }, { press: 'Жоқ' }, { press: '⏭ Өткізіп жіберу' }, { press: '✅ Жіберу', expect: 'Рақмет!' }]);
    const response = await services.prisma.pollResponse.findFirstOrThrow({ where: { waveId, citizenId }, include: { answers: true } });
    expect(response.answers.map((a) => a.choice ?? a.rating).sort()).toEqual([2, 'hard_to_say', 'no'].sort());
    expect(response.locale).toBe('kk');
  });

  it('refuses a closed wave', async () => {
    const { u } = await invited('ru');
    await say(u, '/polls');
    h.clock = at('2026-04-15T18:00:00');
    await press(u, /Опрос удовлетворённости/);
    expect(last(u)).toContain('Этот опрос уже закрыт');
  });

  it('enrols a follower of the wave’s link in the project, asks the profile once, then the poll', async () => {
    const wave = await services.prisma.pollWave.findUniqueOrThrow({ where: { id: waveId } });
    const u = h.fake.user({ id: newTelegramId(), language_code: 'ru' });
    const c = await services.citizens.giveConsent(u.id, 'ru', 'Ерлан');
    await walk(u, [
      { say: `/start poll_${wave.inviteCode}`, expect: '1/3. Ваш пол?' },
      { press: '👨 Мужской' },
      { say: '1970' },
      { press: '🙊 Не хочу указывать' },
    ]);
    expect(all(u)).toContain('Опрос удовлетворённости');
    expect(last(u)).toContain('Вопрос 1');
    const b = await services.prisma.projectBeneficiary.findUniqueOrThrow({ where: { projectId_citizenId: { projectId, citizenId: c.id } } });
    expect(b.source).toBe('invitation');
    // a second visit of the link asks no profile questions
    await say(u, '/cancel');
    const asked = u.texts().length;
    await say(u, `/start poll_${wave.inviteCode}`);
    expect(u.texts().slice(asked).join('\n')).not.toContain('Ваш пол?');
    expect(last(u)).toContain('Вопрос 1');
    await say(u, '/start poll_nonexistent1');
    expect(last(u)).toBe('Эта ссылка устарела или неверна. Вот главное меню 👇');
  });

  it('ends the conversation, rather than asking again and again, when its question is gone', async () => {
    const other = await buildPoll(services, projectId);
    await openWave(services, other.pollId, { kk: 'Қосымша', ru: 'Дополнительная' }, at('2026-04-01T09:00:00'), at('2026-04-15T18:00:00'));
    const { u } = await invited('ru');
    await say(u, '/polls');
    // Two polls of the same title: the message tells them apart by wave, under the numbers of the buttons.
    const n = /(\d+)\. Опрос удовлетворённости \(Дополнительная\)/.exec(last(u).replace(/<\/?b>/g, ''))![1];
    await walk(u, [{ press: `${n}. Опрос удовлетворённости` }, { press: 'Полностью удовлетворён(а)', expect: 'Вопрос 2' }]);
    // the builder freezes questions of an open wave; a question removed in the database all the same
    await services.prisma.pollQuestion.delete({ where: { id: other.q[1]! } });
    await press(u, '4 ⭐');
    expect(last(u)).toBe('Вопрос не найден.');
    const told = u.texts().length;
    await say(u, '4');
    expect(u.texts().slice(told).join('\n')).not.toContain('Вопрос 2');
  });
});
