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
  const { services, say, press, walk } = h;
  let astanaId: number;
  const draft = (citizenId: number) => services.prisma.initiativeDraft.findUnique({ where: { citizenId } });

  beforeAll(async () => {
    astanaId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
  });

  /** Up to the help question, in Kazakh: who, title, what, place, point, area, why. */
  async function upToHelpKk(u: ScriptedUser) {
    await walk(u, [{ say: '💡 Бастамалар' }, { press: '➕ Бастама ұсыну' }, { press: '👤 Өзім' }, { say: 'Есіл ауданындағы аулаға 50 ағаш отырғызу' }]);
    await walk(u, [{ say: 'Ауладағы бос алаңға 50 көшет отырғызып, оларды жазда суарып отыру керек.' }, { press: 'Астана қаласы' }, { press: 'Есіл ауданы' }]);
    await walk(u, [{ location: ASTANA }, { press: /^3\. / }, { say: 'Ауланың жазда көлеңкесі жоқ, балалар күнге күйеді.' }]);
  }

  it('re-asks a short title in Kazakh, keeps each answer in the draft, survives /cancel and goes on from the step it stopped at', async () => {
    const { u, c } = await h.citizen({ locale: 'kk', name: 'Айгерім Сапарова' });
    await walk(u, [{ say: '💡 Бастамалар' }, { press: '➕ Бастама ұсыну', expect: 'Бастаманы кім ұсынады?' }, { press: '👤 Өзім' }]);
    expect((await draft(c.id))?.organisation).toBe('');
    await walk(u, [{ say: 'Ағаш', is: 'Атауы тым қысқа: 4 таңба. Кемінде 10 таңба жазыңыз.' }]);
    expect((await draft(c.id))?.title).toBeNull();
    await say(u, 'Есіл ауданындағы аулаға 50 ағаш отырғызу');
    expect((await draft(c.id))?.title).toBe('Есіл ауданындағы аулаға 50 ағаш отырғызу');
    await say(u, '/cancel');
    expect(await draft(c.id)).not.toBeNull();

    await walk(u, [{ say: '💡 Бастамалар' }, { press: '➕ Бастама ұсыну', expect: 'Аяқталмаған нобайыңыз бар' }]);
    // The title is kept: the next question is "what".
    await walk(u, [{ press: '▶️ Жалғастыру', expect: 'Не істеу керек екенін жазыңыз' }]);
    await walk(u, [{ say: 'Ауладағы бос алаңға 50 көшет отырғызып, оларды жазда суарып отыру керек.' }, { press: 'Астана қаласы' }, { press: 'Есіл ауданы' }]);
    expect(await draft(c.id)).toMatchObject({ regionId: astanaId, placeDone: false });
    // A point outside Kazakhstan is refused, the question stays.
    await walk(u, [{ location: { lat: 55.75, lon: 37.61 }, is: 'Бұл нүкте Қазақстаннан тыс жерде. Бастаманың орнын Қазақстан ішінен көрсетіңіз.' }]);
    await press(u, '⏭ Өткізіп жіберу');
    expect(await draft(c.id)).toMatchObject({ placeDone: true, lat: null });
    await walk(u, [{ press: /^3\. / }, { say: 'Ауланың жазда көлеңкесі жоқ, балалар күнге күйеді.' }]);
    // No help chosen: "Done" is refused until one is ticked.
    await walk(u, [{ press: '✅ Дайын', is: 'Кемінде бір көмек түрін белгілеңіз.' }, { press: '▫️ 🙋 Еріктілер' }, { press: '✅ Дайын' }]);
    expect((await draft(c.id))?.helpNeeded).toEqual(['volunteers']);
    await walk(u, [
      { press: '👤 Атымды көрсету', expect: 'Бастамаңыз: Есіл ауданындағы аулаға 50 ағаш отырғызу' },
      { press: '📤 Жіберу', is: 'Рақмет! Бастамаңыз модераторға жіберілді. Шешім шыққанда осында хабарлаймыз.' },
    ]);
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
    await walk(u, [{ say: '💡 Инициативы' }, { press: '➕ Предложить инициативу' }, { press: '🏢 От имени НПО', is: 'Напишите полное название организации.' }]);
    await walk(u, [
      { say: 'ОФ «Зелёный город»' },
      { say: 'Посадить деревья во дворе' },
      { say: 'Коротко', is: 'Слишком короткое описание: 7 симв. Напишите не меньше 30 символов.' },
    ]);
    await walk(u, [{ say: 'Посадить 50 саженцев клёна во дворе и поливать их летом.' }, { press: 'город Астана' }, { press: 'Весь регион' }]);
    await walk(u, [{ say: 'ул. Сарайшык, 5' }, { press: /^3\. / }, { say: 'Во дворе нет тени, дети играют на солнцепёке.' }]);
    await walk(u, [
      { press: '▫️ 💰 Деньги мецената' },
      { press: '✅ Готово' },
      { press: '🙈 Скрыть имя', expect: 'Предлагает: ОФ «Зелёный город» (имя скрыто)' },
    ]);
    await walk(u, [{ press: '📤 Отправить', is: 'Сегодня вы уже отправили максимум инициатив (1 в день). Попробуйте завтра.' }]);
    expect(await draft(c.id)).toMatchObject({ organisation: 'ОФ «Зелёный город»', address: 'ул. Сарайшык, 5', helpNeeded: ['patron_money'] });
    expect(await services.prisma.initiative.count({ where: { citizenId: c.id } })).toBe(1);

    await walk(u, [{ say: '💡 Инициативы' }, { press: '➕ Предложить инициативу' }, { press: '🆕 Начать заново', expect: 'Кто предлагает инициативу?' }]);
    expect(await draft(c.id)).toMatchObject({ organisation: null, title: null });
  });

  it('lets the author edit a returned initiative from "my initiatives" and send it again', async () => {
    const { u, c } = await h.citizen({ locale: 'kk', name: 'Дана Ахметова' });
    await upToHelpKk(u);
    await walk(u, [{ press: '▫️ 🙋 Еріктілер' }, { press: '✅ Дайын' }, { press: '🙈 Атымды жасыру' }, { press: '📤 Жіберу' }]);
    const ini = await services.prisma.initiative.findFirstOrThrow({ where: { citizenId: c.id } });
    await services.prisma.initiative.update({
      where: { id: ini.id },
      data: { status: 'returned', reasonCode: 'incomplete', reasonNote: 'Ағаштардың түрін жазыңыз' },
    });
    await walk(u, [{ say: '💡 Бастамалар' }, { press: '📋 Менің бастамаларым', expect: 'пысықтауға қайтарылды' }, { press: `✏️ №${ini.id} бастаманы түзету` }]);
    expect(h.all(u)).toContain(`№${ini.id} бастаманы түзетіп жатырсыз`);
    await walk(u, [{ press: '✏️ Атауы' }, { say: 'Есіл ауданындағы аулаға 50 емен отырғызу' }, { press: '📤 Жіберу' }]);
    expect(await services.prisma.initiative.findUniqueOrThrow({ where: { id: ini.id } })).toMatchObject({
      status: 'proposed',
      title: 'Есіл ауданындағы аулаға 50 емен отырғызу',
      reasonCode: null,
    });
  });
});
