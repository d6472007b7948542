// Proposing a civic initiative in the bot (issue 18): each answer in the draft at once, a refused answer re-asked
// with its reason in the citizen's language (too short, a point outside Kazakhstan, no help chosen), /cancel keeping
// the draft and the next entry offering to go on where it stopped or start again, the day's limit refusing to send
// while keeping the draft, and a returned initiative edited and sent again; in Kazakh and Russian.
import { beforeAll, describe, expect, it } from 'vitest';
import { createInitiativeFeature } from '../bot/initiatives/feature.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import type { ScriptedUser } from './fake-telegram/types.ts';

/** Tuesday 7 April 2026, 09:00 in Astana. */
const NOW = new Date('2026-04-07T04:00:00Z');
const ASTANA = { lat: 51.1282, lon: 71.4307 };

describe.each(dbTargets)('bot: proposing a civic initiative (%s)', (target) => {
  const h = useBotSuite(target, { features: [createInitiativeFeature()], now: NOW, services: { initiatives: { perDay: 1 } } });
  const { services, say, press, last } = h;
  let astanaId: number;
  const draft = (citizenId: number) => services.prisma.initiativeDraft.findUnique({ where: { citizenId } });

  beforeAll(async () => {
    astanaId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
  });

  /** Up to the help question, in Kazakh: who, title, what, place, point, area, why. */
  async function upToHelpKk(u: ScriptedUser) {
    await say(u, '💡 Бастамалар');
    await press(u, '➕ Бастама ұсыну');
    await press(u, '👤 Өзім');
    await say(u, 'Есіл ауданындағы аулаға 50 ағаш отырғызу');
    await say(u, 'Ауладағы бос алаңға 50 көшет отырғызып, оларды жазда суарып отыру керек.');
    await press(u, 'Астана қаласы');
    await press(u, 'Есіл ауданы');
    await h.deliver(u.sendLocation(ASTANA.lat, ASTANA.lon));
    await press(u, /^3\. /);
    await say(u, 'Ауланың жазда көлеңкесі жоқ, балалар күнге күйеді.');
  }

  it('re-asks a short title in Kazakh, keeps each answer in the draft, survives /cancel and goes on from the step it stopped at', async () => {
    const { u, c } = await h.citizen({ locale: 'kk', name: 'Айгерім Сапарова' });
    await say(u, '💡 Бастамалар');
    await press(u, '➕ Бастама ұсыну');
    expect(last(u)).toContain('Бастаманы кім ұсынады?');
    await press(u, '👤 Өзім');
    expect((await draft(c.id))?.organisation).toBe('');
    await say(u, 'Ағаш');
    expect(last(u)).toBe('Атауы тым қысқа: 4 таңба. Кемінде 10 таңба жазыңыз.');
    expect((await draft(c.id))?.title).toBeNull();
    await say(u, 'Есіл ауданындағы аулаға 50 ағаш отырғызу');
    expect((await draft(c.id))?.title).toBe('Есіл ауданындағы аулаға 50 ағаш отырғызу');
    await say(u, '/cancel');
    expect(await draft(c.id)).not.toBeNull();

    await say(u, '💡 Бастамалар');
    await press(u, '➕ Бастама ұсыну');
    expect(last(u)).toContain('Аяқталмаған нобайыңыз бар');
    await press(u, '▶️ Жалғастыру');
    // The title is kept: the next question is "what".
    expect(last(u)).toContain('Не істеу керек екенін жазыңыз');
    await say(u, 'Ауладағы бос алаңға 50 көшет отырғызып, оларды жазда суарып отыру керек.');
    await press(u, 'Астана қаласы');
    await press(u, 'Есіл ауданы');
    expect(await draft(c.id)).toMatchObject({ regionId: astanaId, placeDone: false });
    // A point outside Kazakhstan is refused, the question stays.
    await h.deliver(u.sendLocation(55.75, 37.61));
    expect(last(u)).toBe('Бұл нүкте Қазақстаннан тыс жерде. Бастаманың орнын Қазақстан ішінен көрсетіңіз.');
    await press(u, '⏭ Өткізіп жіберу');
    expect(await draft(c.id)).toMatchObject({ placeDone: true, lat: null });
    await press(u, /^3\. /);
    await say(u, 'Ауланың жазда көлеңкесі жоқ, балалар күнге күйеді.');
    // No help chosen: "Done" is refused until one is ticked.
    await press(u, '✅ Дайын');
    expect(last(u)).toBe('Кемінде бір көмек түрін белгілеңіз.');
    await press(u, '▫️ 🙋 Еріктілер');
    await press(u, '✅ Дайын');
    expect((await draft(c.id))?.helpNeeded).toEqual(['volunteers']);
    await press(u, '👤 Атымды көрсету');
    expect(last(u)).toContain('Бастамаңыз: Есіл ауданындағы аулаға 50 ағаш отырғызу');
    await press(u, '📤 Жіберу');
    expect(last(u)).toBe('Рақмет! Бастамаңыз модераторға жіберілді. Шешім шыққанда осында хабарлаймыз.');
    expect(await draft(c.id)).toBeNull();
    const sent = await services.prisma.initiative.findFirstOrThrow({ where: { citizenId: c.id } });
    expect(sent).toMatchObject({ status: 'proposed', language: 'kk', showName: true, helpNeeded: ['volunteers'], lat: null });
  });

  it('refuses a second proposal the same day in Russian and keeps the draft; "start again" empties it', async () => {
    const { u, c } = await h.citizen({ locale: 'ru', name: 'Павел Ким' });
    await services.prisma.initiative.create({
      data: {
        citizenId: c.id,
        language: 'ru',
        title: 'Первая инициатива дня',
        description: 'x'.repeat(40),
        justification: 'y'.repeat(30),
        areaId: 3,
        regionId: astanaId,
        submittedAt: NOW,
      },
    });
    await say(u, '💡 Инициативы');
    await press(u, '➕ Предложить инициативу');
    await press(u, '🏢 От имени НПО');
    expect(last(u)).toBe('Напишите полное название организации.');
    await say(u, 'ОФ «Зелёный город»');
    await say(u, 'Посадить деревья во дворе');
    await say(u, 'Коротко');
    expect(last(u)).toBe('Слишком короткое описание: 7 симв. Напишите не меньше 30 символов.');
    await say(u, 'Посадить 50 саженцев клёна во дворе и поливать их летом.');
    await press(u, 'город Астана');
    await press(u, 'Весь регион');
    await say(u, 'ул. Сарайшык, 5');
    await press(u, /^3\. /);
    await say(u, 'Во дворе нет тени, дети играют на солнцепёке.');
    await press(u, '▫️ 💰 Деньги мецената');
    await press(u, '✅ Готово');
    await press(u, '🙈 Скрыть имя');
    expect(last(u)).toContain('Предлагает: ОФ «Зелёный город» (имя скрыто)');
    await press(u, '📤 Отправить');
    expect(last(u)).toBe('Сегодня вы уже отправили максимум инициатив (1 в день). Попробуйте завтра.');
    expect(await draft(c.id)).toMatchObject({ organisation: 'ОФ «Зелёный город»', address: 'ул. Сарайшык, 5', helpNeeded: ['patron_money'] });
    expect(await services.prisma.initiative.count({ where: { citizenId: c.id } })).toBe(1);

    await say(u, '💡 Инициативы');
    await press(u, '➕ Предложить инициативу');
    await press(u, '🆕 Начать заново');
    expect(last(u)).toContain('Кто предлагает инициативу?');
    expect(await draft(c.id)).toMatchObject({ organisation: null, title: null });
  });

  it('lets the author edit a returned initiative from "my initiatives" and send it again', async () => {
    const { u, c } = await h.citizen({ locale: 'kk', name: 'Дана Ахметова' });
    await upToHelpKk(u);
    await press(u, '▫️ 🙋 Еріктілер');
    await press(u, '✅ Дайын');
    await press(u, '🙈 Атымды жасыру');
    await press(u, '📤 Жіберу');
    const ini = await services.prisma.initiative.findFirstOrThrow({ where: { citizenId: c.id } });
    await services.prisma.initiative.update({
      where: { id: ini.id },
      data: { status: 'returned', reasonCode: 'incomplete', reasonNote: 'Ағаштардың түрін жазыңыз' },
    });
    await say(u, '💡 Бастамалар');
    await press(u, '📋 Менің бастамаларым');
    expect(last(u)).toContain('пысықтауға қайтарылды');
    await press(u, `✏️ №${ini.id} бастаманы түзету`);
    expect(h.all(u)).toContain(`№${ini.id} бастаманы түзетіп жатырсыз`);
    await press(u, '✏️ Атауы');
    await say(u, 'Есіл ауданындағы аулаға 50 емен отырғызу');
    await press(u, '📤 Жіберу');
    expect(await services.prisma.initiative.findUniqueOrThrow({ where: { id: ini.id } })).toMatchObject({
      status: 'proposed',
      title: 'Есіл ауданындағы аулаға 50 емен отырғызу',
      reasonCode: null,
    });
  });
});
