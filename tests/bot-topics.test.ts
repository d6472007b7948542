// Public discussion in the real bot (in process, Bot API calls answered by the fake): the list of open
// topics filtered by the citizen's region and areas with days left, a topic with every Annex 1 field, the
// comment conversation with its draft, the end checked on sending, "my comments" with decisions,
// subscriptions, flags and the deep link, in Kazakh and Russian.
import { beforeAll, describe, expect, it } from 'vitest';
import { shownLength } from '../core/text.ts';
import { areas } from '../prisma/seed/areas.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { toPrincipal } from '../core/staff/staff-service.ts';
import { createTopicsFeature } from '../bot/discussions/topics.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';

const at = (local: string) => new Date(`${local}+05:00`);

describe.each(dbTargets)('bot: topics under discussion (%s)', (target) => {
  const h = useBotSuite(target, { features: [createTopicsFeature()], now: at('2026-03-17T10:00:00') });
  const { services, say, press, last, buttons, alerts, walk } = h;
  let pm: StaffPrincipal;
  let almatyId: number;
  let astanaId: number;
  const topics: Record<'almaty' | 'national' | 'astana', number> = { almaty: 0, national: 0, astana: 0 };

  async function topic(title: string, extra: { regionId: number | null; areaId: number; publish?: boolean }): Promise<number> {
    const body = await services.prisma.stateBody.findFirstOrThrow({ where: { code: 'almaty-ip' } });
    const created = await services.discussions.topics.create({ type: 'system' }, pm, {
      stateBodyId: body.id,
      regionId: extra.regionId,
      areaId: extra.areaId,
      year: 2026,
      titleKk: `${title} — қазақша`,
      titleRu: title,
      fundingThousandTenge: '12345.6',
      justificationKk: 'Жастарға арналған үйірмелер жетіспейді',
      justificationRu: 'Не хватает кружков для молодёжи',
      informationSource: 'Оценка потребностей, 2025',
      targetGroupKk: '14–29 жастағы жастар',
      targetGroupRu: 'Молодёжь 14–29 лет',
      expectedResultKk: '500 жас үйірмелерге қатысады',
      expectedResultRu: '500 молодых людей посещают кружки',
    });
    if (extra.publish !== false) await services.discussions.topics.publish({ type: 'system' }, pm, created.id);
    return created.id;
  }

  beforeAll(async () => {
    pm = toPrincipal(await services.prisma.staffUser.create({ data: { login: 'pm', passwordHash: 'x', fullName: 'PM', roles: ['admin'] } }));
    almatyId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
    astanaId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
    await services.prisma.stateBody.create({
      data: {
        code: 'almaty-ip',
        nameKk: 'Алматы қаласының ішкі саясат басқармасы',
        nameRu: 'Управление внутренней политики города Алматы',
        regionId: almatyId,
      },
    });
    topics.almaty = await topic('Кружки для молодёжи Алматы', { regionId: almatyId, areaId: 4 });
    topics.national = await topic('Республиканский фестиваль культуры', { regionId: null, areaId: 10 });
    topics.astana = await topic('Кружки для молодёжи Астаны', { regionId: astanaId, areaId: 4 });
    await topic('Черновик, не опубликован', { regionId: almatyId, areaId: 4, publish: false });
  });
  const citizen = (locale: 'kk' | 'ru', regionId: number | null = almatyId) => h.citizen({ locale, name: 'Ерлан Төлеуов', regionId });

  it('lists the open topics of the citizen’s region and national ones with days left, and all of them on request', async () => {
    const { u, c } = await citizen('ru');
    await say(u, '🗣 Обсуждение тем');
    expect(last(u)).toContain('Темы на публичном обсуждении');
    expect(last(u)).toContain('Показаны темы вашего региона, общереспубликанские и по выбранным сферам.');
    // Ends Fri 3 April 10:00: exactly 17 days from Tue 17 March 10:00.
    // The message names each topic in full with its days left; the numbered buttons fit a phone.
    expect(last(u)).toContain('Кружки для молодёжи Алматы (⏳ осталось: 17 дн.)');
    expect(last(u)).toContain('Республиканский фестиваль культуры (⏳ осталось: 17 дн.)');
    expect(buttons(u)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d\. Кружки для молодёжи Алматы$/), expect.stringMatching(/^\d\. Республиканский фестиваль…$/)]),
    );
    for (const b of buttons(u)) expect(shownLength(b), b).toBeLessThanOrEqual(30);
    expect(last(u)).not.toContain('Астаны');
    expect(last(u)).not.toContain('Черновик');
    await press(u, '🗃 Все темы');
    expect(last(u)).toContain('Кружки для молодёжи Астаны (⏳ осталось: 17 дн.)');

    // Areas of interest narrow the list: a culture topic leaves it for a citizen interested in youth policy only.
    await services.discussions.citizen.toggleSubscription(c.id, 'area', 4);
    h.clock = at('2026-04-02T12:00:00');
    await say(u, '/topics');
    expect(last(u)).toContain('1. Кружки для молодёжи Алматы (⏳ осталось: 1 дн.)');
    expect(last(u)).not.toContain('фестиваль');
  });

  it('shows a topic with every Annex 1 field, its counts, latest comments and a link to share, in Kazakh', async () => {
    const { u } = await citizen('kk');
    const other = await citizen('ru');
    h.clock = at('2026-03-18T09:00:00');
    await services.discussions.citizen.comment(other.c.id, topics.almaty, {
      text: 'Поддерживаю, нужны кружки робототехники',
      authorName: 'Сергей Ким',
      stance: 'support',
      organisation: 'ОФ «Жастар»',
    });
    await walk(u, [{ say: '🗣 Тақырып талқылау' }, { press: /Кружки для молодёжи Алматы/ }]);
    const text = last(u);
    expect(text).toContain('Кружки для молодёжи Алматы — қазақша');
    expect(text).toContain('🏛 Мемлекеттік орган: Алматы қаласының ішкі саясат басқармасы');
    expect(text).toContain('🏷 Сала: Жастар саясаты мен балалар бастамаларын қолдау');
    expect(text).toContain('📍 Алматы қаласы · 2026 жыл');
    expect(text).toContain('💰 Қаржыландырудың жоспарланған көлемі: 12\u00a0345,6 мың теңге');
    expect(text).toContain('📄 Негіздеме: Жастарға арналған үйірмелер жетіспейді');
    expect(text).toContain('📑 Ақпарат көзі: Оценка потребностей, 2025');
    expect(text).toContain('👥 Халықтың нысаналы тобы: 14–29 жастағы жастар');
    expect(text).toContain('🏁 Күтілетін нәтиже: 500 жас үйірмелерге қатысады');
    expect(text).toContain('🗓 Талқылау мерзімі: 17.03.2026 – 03.04.2026 10:00, аяқталуына 17 күн қалды.');
    expect(text).toContain('👍 Қолдайды: 1 · 👎 Қарсы: 0 · 💬 Пікірлер: 1');
    expect(text).toContain(`https://t.me/azamat_test_bot?start=topic_${topics.almaty}`);
    expect(text).toContain('1. Сергей Ким (ОФ «Жастар»), 18.03.2026 👍\n«Поддерживаю, нужны кружки робототехники»');
    expect(buttons(u)).toEqual(['✍️ Ескерту не ұсыныс жазу', '🚩 №1 пікірге шағым', '⬅️ Тақырыптарға']);
  });

  it('takes a comment step by step, re-asking on bad input and keeping the draft through /cancel', async () => {
    const { u, c } = await citizen('ru');
    h.clock = at('2026-03-19T15:00:00');
    await walk(u, [
      { say: `/start topic_${topics.almaty}` },
      { press: '✍️ Замечание или предложение', expect: 'От 10 до 3000 символов. Приём до 03.04.2026 10:00.' },
    ]);
    await walk(u, [
      { say: 'коротко', is: 'Слишком коротко (7 симв.): нужно не меньше 10. Поясните подробнее.' },
      { say: 'я'.repeat(3001), expect: 'Слишком длинно (3001 симв.): не больше 3000.' },
      { say: 'Откройте кружки и в спальных районах, не только в центре', expect: 'Как подписать ваше предложение?' },
    ]);
    await say(u, '/cancel');
    expect(await services.discussions.citizen.getDraft(c.id)).toMatchObject({
      topicId: topics.almaty,
      text: 'Откройте кружки и в спальных районах, не только в центре',
      authorName: null,
    });

    await walk(u, [
      { say: `/start topic_${topics.almaty}` },
      { press: '✍️ Замечание или предложение', expect: 'У вас есть незаконченный комментарий к этой теме' },
      { press: '▶️ Продолжить', expect: 'Как подписать ваше предложение?' },
    ]);
    expect(buttons(u)).toEqual(['👤 Ерлан Төлеуов']);
    await walk(u, [
      { say: 'Е', expect: 'нужно не меньше 2' },
      { press: '👤 Ерлан Төлеуов', expect: 'Вы пишете от имени организации' },
      { say: 'ОФ «Жастар»', is: 'Как вы относитесь к теме в целом?' },
    ]);
    await walk(u, [{ press: '👎 Против', expect: 'Проверьте перед отправкой' }]);
    expect(last(u)).toContain('Автор: Ерлан Төлеуов (ОФ «Жастар»)');
    expect(last(u)).toContain('Отношение к теме: 👎 Против');
    await walk(u, [{ press: '✏️ Отношение' }, { press: '👍 Поддерживаю' }, { press: '✏️ Текст' }]);
    await walk(u, [
      {
        say: 'Откройте кружки в спальных районах: Алатауский и Наурызбайский',
        expect: 'Текст: Откройте кружки в спальных районах: Алатауский и Наурызбайский',
      },
      { press: '✅ Отправить', expect: '✅ Спасибо! Ваше замечание или предложение к теме «Кружки для молодёжи Алматы» принято.' },
    ]);
    const saved = await services.prisma.discussionComment.findFirstOrThrow({ where: { citizenId: c.id } });
    expect(saved).toMatchObject({
      topicId: topics.almaty,
      text: 'Откройте кружки в спальных районах: Алатауский и Наурызбайский',
      authorName: 'Ерлан Төлеуов',
      organisation: 'ОФ «Жастар»',
      stance: 'support',
      createdAt: h.clock,
    });
    expect(await services.discussions.citizen.getDraft(c.id)).toBeNull();
  });

  it('refuses the comment if the discussion ends while it is being written, citing the rule, in Kazakh', async () => {
    const { u, c } = await citizen('kk');
    h.clock = at('2026-04-03T09:50:00');
    await walk(u, [{ say: `/start topic_${topics.national}` }, { press: '✍️ Ескерту не ұсыныс жазу' }, { say: 'Фестивальді өңірлерде де өткізу керек' }]);
    await walk(u, [{ say: 'Айгүл Сапарова' }, { press: '👤 Өз атымнан' }, { press: '🤷 Бағасыз', expect: 'Жібермес бұрын тексеріңіз' }]);
    h.clock = at('2026-04-03T10:01:00');
    await press(u, '✅ Жіберу');
    expect(last(u)).toContain(
      'Талқылау аяқталды (аяқталуы: 03.04.2026 10:00). Мемлекеттік әлеуметтік тапсырысты қалыптастыру қағидаларына сәйкес талқылау аяқталғаннан кейін түскен ескертулер мен ұсыныстар қаралмайды',
    );
    expect(await services.prisma.discussionComment.count({ where: { citizenId: c.id } })).toBe(0);
    expect(await services.discussions.citizen.getDraft(c.id)).toBeNull();
    // The topic now says it has ended and offers no comment button.
    await h.deliver(u.send(`/start topic_${topics.national}`));
    expect(last(u)).toContain('🗓 Талқылау аяқталды (мерзімі: 17.03.2026 – 03.04.2026 10:00).');
    expect(buttons(u)).not.toContain('✍️ Ескерту не ұсыныс жазу');
  });

  it('shows the citizen’s comments, with the decision once the review is done', async () => {
    const { u, c } = await citizen('ru');
    h.clock = at('2026-03-20T10:00:00');
    const own = await services.discussions.citizen.comment(c.id, topics.astana, { text: 'Предлагаю добавить шахматный клуб', authorName: 'Ерлан Төлеуов' });
    await walk(u, [{ say: '/topics' }, { press: '📋 Мои предложения', expect: 'Ваши замечания и предложения (всего: 1)' }]);
    expect(last(u)).toContain('«Предлагаю добавить шахматный клуб»\n⏳ Обсуждение идёт');
    h.clock = at('2026-04-06T10:00:00');
    await services.discussions.review.decide({ type: 'system' }, pm, topics.astana, own.id, {
      decision: 'rejected',
      reason: 'Шахматный клуб уже работает в рамках другого проекта',
    });
    await walk(u, [{ press: '⬅️ К темам' }, { press: '📋 Мои предложения', expect: '⏳ Госорган рассматривает' }]);
    await services.discussions.review.complete({ type: 'system' }, pm, topics.astana);
    await walk(u, [
      { press: '⬅️ К темам' },
      { press: '📋 Мои предложения', expect: '❌ Не принято. Обоснование: Шахматный клуб уже работает в рамках другого проекта' },
    ]);
  });

  it('subscribes to areas and regions with toggles', async () => {
    const { u, c } = await citizen('kk');
    await walk(u, [{ say: '/topics' }, { press: '🔔 Жазылымдар', expect: 'Жаңа тақырыптарға жазылу' }, { press: '🏷 Салалар (таңдалғаны: 0)' }]);
    // The 19 areas by their official names (Annex 3), in full in the message, shortened on the buttons.
    for (const a of areas) expect(last(u)).toContain(`${a.code}. ${a.nameKk}`);
    expect(buttons(u)).toContain('▫️ 4. Жастар саясаты мен…');
    for (const b of buttons(u)) expect(shownLength(b), b).toBeLessThanOrEqual(30);
    await press(u, '▫️ 4. Жастар саясаты мен…');
    expect(buttons(u)).toContain('✅ 4. Жастар саясаты мен…');
    expect(alerts()).toContain('Жазылдыңыз');
    await walk(u, [{ press: '✅ Дайын' }, { press: '📍 Өңірлер (таңдалғаны: 0)' }, { press: '▫️ Астана қаласы' }]);
    expect(await services.discussions.citizen.subscriptions(c.id)).toEqual({ areaIds: [4], regionIds: [astanaId] });
    await press(u, '✅ Астана қаласы');
    expect(alerts()).toContain('Жазылымнан бас тарттыңыз');
    expect(await services.discussions.citizen.subscriptions(c.id)).toEqual({ areaIds: [4], regionIds: [] });
  });

  it('flags another citizen’s comment from the topic, once, and offers no flag on one’s own', async () => {
    const { u, c } = await citizen('ru');
    const author = await citizen('ru');
    h.clock = at('2026-03-21T10:00:00');
    const theirs = await services.discussions.citizen.comment(author.c.id, topics.almaty, {
      text: 'Комментарий другого участника обсуждения',
      authorName: 'Другой',
    });
    await services.discussions.citizen.comment(c.id, topics.almaty, { text: 'Мой комментарий к этой теме, свежий', authorName: 'Ерлан' });
    await h.deliver(u.send(`/start topic_${topics.almaty}`));
    expect(buttons(u)).toContain('🚩 Жалоба на №2');
    expect(buttons(u)).not.toContain('🚩 Жалоба на №1');
    await press(u, '🚩 Жалоба на №2');
    expect(alerts()).toContain('Спасибо, жалоба принята. Модераторы проверят комментарий.');
    await press(u, '🚩 Жалоба на №2');
    expect(alerts()).toContain('Вы уже пожаловались на этот комментарий.');
    expect(await services.prisma.commentFlag.count({ where: { commentId: theirs.id } })).toBe(1);
  });

  it('opens a topic from a deep link, also right after consent, and says so for an unknown one', async () => {
    const u = h.user({ first_name: 'Әсел', language_code: 'kk' });
    await walk(u, [
      { say: `/start topic_${topics.almaty}`, expect: 'Тілді таңдаңыз' },
      { press: '🇰🇿 Қазақша' },
      { press: '✅ Келісемін', expect: 'Кружки для молодёжи Алматы — қазақша' },
    ]);
    await say(u, '/start topic_999999');
    expect(last(u)).toBe('Тақырып табылмады.');
  });
});
