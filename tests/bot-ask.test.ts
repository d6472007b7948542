// The citizen's side of the resource centre in the real bot (in process): asking with the knowledge
// base offered first, self-served consultations, queueing with the deadline, "my questions", the
// buttons under an answer (follow-up, resolved → rating → comment) and the FAQ by topic.
import { beforeAll, describe, expect, it } from 'vitest';
import { syncConsultation } from '../core/consultations/consultation-record.ts';
import { createAskFeature } from '../bot/consultations/ask.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';

describe.each(dbTargets)('bot: questions to the resource centre (%s)', (target) => {
  const h = useBotSuite(target, { features: [createAskFeature()], now: new Date('2026-12-14T05:00:00Z') }); // Monday 10:00 in Almaty
  const { services, say, press, last, walk } = h;
  const citizen = (locale: 'kk' | 'ru') => h.citizen({ locale, name: 'Дана Ахметова' });
  let registration: { id: number };

  beforeAll(async () => {
    registration = await services.prisma.consultationTopic.findUniqueOrThrow({ where: { code: 'ngo-registration-governance' } });
    await services.prisma.faqArticle.create({
      data: {
        topicId: registration.id,
        published: true,
        titleRu: 'Как зарегистрировать общественное объединение',
        titleKk: 'Қоғамдық бірлестікті қалай тіркеуге болады',
        bodyRu:
          'Для регистрации общественного объединения подайте заявление в органы юстиции через портал eGov: устав, протокол учредительного собрания, квитанция об оплате сбора.',
        bodyKk:
          'Қоғамдық бірлестікті тіркеу үшін eGov порталы арқылы әділет органдарына өтініш беріңіз: жарғы, құрылтай жиналысының хаттамасы, алымды төлеу туралы түбіртек.',
      },
    });
    await services.prisma.faqArticle.create({
      data: {
        topicId: registration.id,
        published: false,
        titleRu: 'Черновик о регистрации',
        titleKk: 'Тіркеу туралы жоба',
        bodyRu: 'регистрация объединения черновик',
        bodyKk: 'тіркеу жоба',
      },
    });
  });

  /** What the consultant side does when answering (its own suite tests the API). */
  async function answer(questionId: number, text: string) {
    const staff = await services.prisma.staffUser.upsert({
      where: { login: 'consultant-1' },
      create: { login: 'consultant-1', passwordHash: 'x', fullName: 'Консультант', roles: ['consultant'] },
      update: {},
    });
    await services.prisma.$transaction(async (tx) => {
      await tx.question.update({
        where: { id: questionId },
        data: { state: 'answered', consultantId: staff.id, firstAnsweredAt: h.clock, lastAnsweredAt: h.clock },
      });
      await tx.questionMessage.create({ data: { questionId, at: h.clock, kind: 'answer', authorType: 'staff', staffUserId: staff.id, text } });
      await syncConsultation(tx, questionId);
    });
    return staff;
  }

  it('asks in Kazakh: topic, who asks, the question; queued with its number and a deadline of 2 working days', async () => {
    const { u, c } = await citizen('kk');
    await walk(u, [
      { say: '❓ Сұрақ қою', expect: 'Ресурстық орталықтың кеңестері' },
      { press: '❓ Сұрақ қою' },
      { press: 'Жоба бюджетін жасау', expect: 'Кім сұрап отыр' },
      { press: '🏢 ҮЕҰ өкілі' },
    ]);
    await walk(u, [
      { say: 'Смета?', expect: 'Тым қысқа (6 таңба)' },
      { say: 'ы'.repeat(3001), expect: '3000 таңбадан аспауы керек' },
    ]);
    await say(u, 'Жобаның сметасына жалақыны қалай енгізу керек, шектеу бар ма?');
    const done = last(u);
    expect(done).toMatch(/Q-2026-\d{6} сұрағы қабылданды/);
    // Asked on Monday 14 December; Wednesday the 16th is Independence Day: Tuesday counts, then Thursday.
    expect(done).toContain('2 жұмыс күні ішінде жауап береді (мерзімі: 17.12.2026');
    const q = await services.prisma.question.findFirstOrThrow({ where: { citizenId: c.id }, include: { topic: true } });
    expect(q).toMatchObject({ askerGroup: 'ngo', state: 'waiting' });
    expect(q.topic.code).toBe('project-budgets');
    expect(await services.prisma.consultation.count({ where: { questionId: q.id } })).toBe(0);
  });

  it('offers a matching published article; "it answers" records a self-served consultation', async () => {
    const { u, c } = await citizen('ru');
    // A topic too long for a button is shortened there and named in full in the message.
    await walk(u, [{ say: '/ask' }, { press: '❓ Задать вопрос', expect: '• Регистрация НПО и управление организацией' }]);
    await walk(u, [{ press: 'Регистрация НПО и управление…' }, { press: '👥 Инициативная группа' }]);
    await say(u, 'Как нам зарегистрировать общественное объединение, какие нужны документы?');
    const offer = last(u);
    expect(offer).toContain('Как зарегистрировать общественное объединение');
    expect(offer).not.toContain('Черновик');
    await press(u, '✅ 1 — отвечает');
    expect(last(u)).toContain('Рады, что ответ нашёлся');
    const q = await services.prisma.question.findFirstOrThrow({ where: { citizenId: c.id }, include: { consultation: true } });
    expect(q).toMatchObject({ state: 'closed', result: 'self_served' });
    expect(q.consultation).toMatchObject({ result: 'self_served', channel: 'bot', askerGroup: 'initiative_group' });
    const article = await services.prisma.faqArticle.findFirstOrThrow({ where: { published: true } });
    expect(article.helpedCount).toBe(1);
    expect(article.shownCount).toBeGreaterThanOrEqual(1);
  });

  it('finds the article from a question in the other language, and queues the question when declined', async () => {
    const { u, c } = await citizen('kk');
    await walk(u, [{ say: '/ask' }, { press: '❓ Сұрақ қою' }, { press: 'ҮЕҰ-ны тіркеу және басқару' }, { press: '👤 Жеке тұлға' }]);
    await walk(u, [
      { say: 'Қоғамдық бірлестікті тіркеу үшін қандай құжаттар керек?', expect: 'Қоғамдық бірлестікті қалай тіркеуге болады' },
      { press: '❓ Жоқ, кеңесшіден сұрау', expect: /Q-2026-\d{6} сұрағы қабылданды/ },
    ]);
    expect(await services.prisma.question.count({ where: { citizenId: c.id, state: 'waiting' } })).toBe(1);
  });

  it('keeps a file sent with the question', async () => {
    const { u, c } = await citizen('ru');
    await walk(u, [{ say: '/ask' }, { press: '❓ Задать вопрос' }, { press: 'Правовые и организационные…' }, { press: '👤 Частное лицо' }]);
    await walk(u, [{ send: (me) => me.sendDocument({ fileName: 'ustav.pdf', mimeType: 'application/pdf' }), expect: 'Файл приложен' }]);
    await say(u, 'Проверьте, пожалуйста, устав нашего фонда на соответствие закону');
    const q = await services.prisma.question.findFirstOrThrow({ where: { citizenId: c.id }, include: { messages: true } });
    expect(q.messages[0]!.attachment).toMatchObject({ kind: 'document', mimeType: 'application/pdf', fileName: 'ustav.pdf' });
  });

  it('after an answer: a follow-up goes back to the same consultant; "resolved" asks for a rating and a comment', async () => {
    const { u, c } = await citizen('ru');
    const q = await services.consultations.citizen.ask(c.id, {
      topicId: registration.id,
      askerGroup: 'ngo',
      text: 'Нужно ли менять устав при смене директора фонда?',
    });
    h.clock = new Date('2026-12-14T09:00:00Z');
    const consultant = await answer(q.id, 'Нет, устав менять не нужно: подайте сведения о смене руководителя в органы юстиции.');
    await walk(u, [{ say: '/myquestions' }, { press: new RegExp(q.number) }, { press: '✍️ Уточнить', expect: `уточнение к вопросу ${q.number}` }]);
    await walk(u, [{ say: 'А сколько дней на это даётся по закону?', expect: 'Уточнение отправлено консультанту' }]);
    const back = await services.prisma.question.findUniqueOrThrow({ where: { id: q.id } });
    expect(back).toMatchObject({ state: 'claimed', consultantId: consultant.id });
    expect(back.followUpAt).toEqual(h.clock);
    expect(await services.prisma.staffNotice.count({ where: { staffUserId: consultant.id, kind: 'question.followup' } })).toBe(1);

    await answer(q.id, 'В течение месяца.');
    await h.deliver(u.press(`qa:close:${q.id}`, { messageId: u.lastMessage()!.message_id }));
    expect(last(u)).toContain(`консультацию по вопросу ${q.number}`);
    await walk(u, [
      { press: '4 ⭐', expect: 'Спасибо за оценку 4/5' },
      { press: '✍️ Добавить комментарий' },
      { say: 'Ответили быстро и понятно', expect: 'Комментарий сохранён' },
    ]);
    const rated = await services.prisma.question.findUniqueOrThrow({ where: { id: q.id }, include: { consultation: true } });
    expect(rated).toMatchObject({ state: 'closed', result: 'answered', rating: 4, ratingComment: 'Ответили быстро и понятно' });
    // Asked 10:00, first answered 14:00 Almaty: 240 minutes.
    expect(rated.consultation).toMatchObject({ satisfaction: 4, responseMinutes: 240, consultantId: consultant.id });
  });

  it('lists "my questions" with their state and shows the thread without internal notes', async () => {
    const { u, c } = await citizen('ru');
    const q = await services.consultations.citizen.ask(c.id, {
      topicId: registration.id,
      askerGroup: 'individual',
      text: 'Можно ли НПО заниматься предпринимательством?',
    });
    await services.prisma.questionMessage.create({ data: { questionId: q.id, kind: 'note', authorType: 'staff', text: 'ВНУТРЕННЯЯ ЗАМЕТКА' } });
    await answer(q.id, 'Можно, если доход идёт на уставные цели.');
    await h.deliver(u.send('/myquestions'));
    expect(last(u)).toContain('Ваши вопросы');
    await press(u, new RegExp(q.number));
    const detail = last(u);
    expect(detail).toContain('💬 есть ответ');
    expect(detail).toContain('Можно, если доход идёт на уставные цели.');
    expect(detail).not.toContain('ВНУТРЕННЯЯ ЗАМЕТКА');
    expect(u.lastKeyboard().flat()).toEqual(expect.arrayContaining(['✍️ Уточнить', '✅ Вопрос решён']));
  });

  it('browses the FAQ by topic, published articles only', async () => {
    const { u } = await citizen('kk');
    await walk(u, [{ say: '/ask' }, { press: '📚 Жиі қойылатын сұрақтар' }, { press: 'ҮЕҰ-ны тіркеу және басқару' }]);
    // Articles are numbered buttons, their full titles in the message.
    expect(last(u)).toContain('1. Қоғамдық бірлестікті қалай тіркеуге болады');
    expect(u.lastKeyboard().flat()).toContain('1. Қоғамдық бірлестікті қалай…');
    expect(last(u)).not.toContain('Тіркеу туралы жоба');
    await press(u, '1. Қоғамдық бірлестікті қалай…');
    expect(last(u)).toContain('eGov порталы арқылы');
  });

  it('refuses to rate an unanswered question, and withdraws it unlogged when closed', async () => {
    const { c } = await citizen('ru');
    const q = await services.consultations.citizen.ask(c.id, {
      topicId: registration.id,
      askerGroup: 'individual',
      text: 'Вопрос, на который ещё не ответили',
    });
    await expect(services.consultations.citizen.rate(c.id, q.id, 5)).rejects.toMatchObject({ code: 'question.not_answered' });
    const closed = await services.consultations.citizen.close(c.id, q.id);
    expect(closed).toMatchObject({ state: 'closed', result: null });
    expect(await services.prisma.consultation.count({ where: { questionId: q.id } })).toBe(0);
  });

  it('sends a follow-up back to the queue when its consultant has left', async () => {
    const { c } = await citizen('ru');
    const q = await services.consultations.citizen.ask(c.id, { topicId: registration.id, askerGroup: 'ngo', text: 'Какие отчёты сдаёт фонд в конце года?' });
    const staff = await answer(q.id, 'Финансовую отчётность и отчёт о деятельности.');
    await services.prisma.staffUser.update({ where: { id: staff.id }, data: { active: false } });
    const after = await services.consultations.citizen.followUp(c.id, q.id, 'А в какой срок их сдавать?');
    expect(after).toMatchObject({ state: 'waiting', consultantId: null });
    await services.prisma.staffUser.update({ where: { id: staff.id }, data: { active: true } });
  });

  it('erases the words and files of unanswered questions on /deletedata, keeping answered ones in the log', async () => {
    const { c } = await citizen('ru');
    const open = await services.consultations.citizen.ask(c.id, {
      topicId: registration.id,
      askerGroup: 'individual',
      text: 'Личный вопрос с подробностями о моей семье',
      attachment: { kind: 'document', telegramFileId: 'doc-1' },
    });
    const done = await services.consultations.citizen.ask(c.id, { topicId: registration.id, askerGroup: 'individual', text: 'Вопрос, на который ответили' });
    await answer(done.id, 'Ответ консультанта.');
    await services.citizens.erase(c.id);
    const gone = await services.prisma.question.findUniqueOrThrow({ where: { id: open.id }, include: { messages: true } });
    expect(gone).toMatchObject({ text: '—', state: 'closed' });
    expect(gone.messages.every((m) => m.text === null && m.attachment === null)).toBe(true);
    const kept = await services.prisma.question.findUniqueOrThrow({ where: { id: done.id }, include: { consultation: true } });
    expect(kept.text).toBe('Вопрос, на который ответили');
    expect(kept.consultation?.result).toBe('answered');
  });
});
