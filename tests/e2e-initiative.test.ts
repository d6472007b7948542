// One civic initiative the whole way (issue 18, "Done when"), through the fake Bot API and the API on a pinned
// clock, on both databases. In Kazakh: a resident proposes it in the bot (a short title refused, /cancel, resumed);
// a moderator of another region is refused and the region's moderator publishes it; neighbours support it (the
// author's own support not counted) and comment, a comment flagged hidden and restored; an NGO takes it on with a
// patron's money and a progress update; two volunteers attend its event; it is marked implemented; residents rate it
// and answer the satisfaction question (one outside the region refused); the indicators count it and its public page
// shows the rating and the index beside the national one. In Russian: another proposal is returned with a reason,
// edited in the bot and sent again, then published.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer } from '../app/compose.ts';
import { createPublicReportFeature } from '../bot/comments/feature.ts';
import { createInitiativeFeature } from '../bot/initiatives/feature.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { opportunityInput, signedUpVolunteer } from './volunteer-fixtures.ts';

/** Tuesday 7 April 2026, 09:00 in Astana. */
const START = new Date('2026-04-07T04:00:00Z');
const DAY = 86_400_000;
const TITLE = 'Есіл ауданындағы аулаға 50 ағаш отырғызу';

describe.each(dbTargets)('end to end: a civic initiative the whole way (%s)', (target) => {
  const h = useBotSuite(target, {
    features: [createInitiativeFeature(), createPublicReportFeature()],
    now: START,
    services: { sessionTtlHours: 24 * 30, comments: { flagsToHide: 2 }, initiatives: { botUsername: () => 'azamat_test_bot' } },
  });
  const { services, press, last, all, alert, walk } = h;
  let web: FastifyInstance;
  let astana: { id: number; districtId: number };
  let karagandaId: number;

  beforeAll(async () => {
    web = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    const a = await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' }, include: { districts: true } });
    astana = { id: a.id, districtId: a.districts.find((d) => d.code === 'astana-yesil')!.id };
    karagandaId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'karaganda' } })).id;
  });
  afterAll(async () => {
    await web?.close();
  });

  /** A staff member signed in to the API (sessions last a month here: the test moves the clock by days). */
  async function staff(login: string, roles: Array<'moderator' | 'project_manager' | 'admin'>, regionId: number | null, locale: 'kk' | 'ru' = 'ru') {
    await services.staff.create({ type: 'system' }, { login, fullName: login, password: `${login}-password-1`, roles, regionId, locale });
    const token = (await web.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: `${login}-password-1` } })).json().token as string;
    return async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await web.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'accept-language': locale }, ...(payload ? { payload } : {}) });
      return { status: res.statusCode, json: res.json() as any };
    };
  }
  const page = async (url: string) => (await web.inject({ method: 'GET', url })).body;

  it('goes from a Kazakh proposal to rated and counted', async () => {
    // 1. Aigerim proposes it in Kazakh.
    const { u: aigerim, c: author } = await h.citizen({ locale: 'kk', name: 'Айгерім Сапарова', regionId: astana.id });
    await walk(aigerim, [{ say: '💡 Бастамалар' }, { press: '➕ Бастама ұсыну' }, { press: '👤 Өзім' }]);
    await walk(aigerim, [{ say: 'Ағаш', is: 'Атауы тым қысқа: 4 таңба. Кемінде 10 таңба жазыңыз.' }, { say: TITLE }, { say: '/cancel' }]);
    await walk(aigerim, [{ say: '💡 Бастамалар' }, { press: '➕ Бастама ұсыну' }, { press: '▶️ Жалғастыру', expect: 'Не істеу керек екенін жазыңыз' }]);
    await walk(aigerim, [
      { say: 'Ауладағы бос алаңға 50 көшет отырғызып, оларды жазда суарып отыру керек.' },
      { press: 'Астана қаласы' },
      { press: 'Есіл ауданы' },
    ]);
    await walk(aigerim, [{ location: { lat: 51.1282, lon: 71.4307 } }, { press: /^3\. / }, { say: 'Ауланың жазда көлеңкесі жоқ, балалар күнге күйеді.' }]);
    await walk(aigerim, [{ press: '▫️ 🙋 Еріктілер' }, { press: '▫️ 💰 Меценаттың қаражаты' }, { press: '✅ Дайын' }, { press: '👤 Атымды көрсету' }]);
    await walk(aigerim, [{ press: '📤 Жіберу', is: 'Рақмет! Бастамаңыз модераторға жіберілді. Шешім шыққанда осында хабарлаймыз.' }]);
    expect(await services.prisma.initiativeDraft.count({ where: { citizenId: author.id } })).toBe(0);
    const ini = await services.prisma.initiative.findFirstOrThrow({ where: { citizenId: author.id } });
    expect(ini).toMatchObject({ status: 'proposed', language: 'kk', title: TITLE, regionId: astana.id, districtId: astana.districtId, areaId: 3 });

    // 2. A moderator of another region is refused; Astana's publishes it; Aigerim hears it in Kazakh.
    const karaganda = await staff('mod-karaganda', ['moderator'], karagandaId);
    expect((await karaganda('POST', `/api/initiatives/${ini.id}/publish`)).status).toBe(403);
    const mod = await staff('mod-astana', ['moderator'], astana.id);
    expect((await mod('GET', '/api/initiatives?status=proposed')).json.items.map((x: { id: number }) => x.id)).toContain(ini.id);
    expect((await mod('POST', `/api/initiatives/${ini.id}/publish`)).status).toBe(200);
    await h.deliverOutbox();
    expect(last(aigerim)).toContain(`✅ «${TITLE}» бастамаңыз жарияланды`);
    expect(await page('/kk/initiatives?stage=proposals')).toContain(TITLE);

    // 3. Neighbours support and comment; the author's own support is not counted.
    const { u: pavel } = await h.citizen({ locale: 'ru', name: 'Павел Ким', regionId: astana.id });
    const { u: dana } = await h.citizen({ locale: 'kk', name: 'Дана Ахметова', regionId: astana.id });
    await walk(pavel, [{ say: `/start in_${ini.id}`, expect: `Инициатива №${ini.id}: ${TITLE}` }, { press: '👍 Поддержать' }]);
    expect(alert()).toBe('Спасибо! Вы поддержали инициативу и будете получать её новости.');
    await walk(dana, [{ say: `/start in_${ini.id}` }, { press: '👍 Қолдау' }]);
    await walk(aigerim, [{ say: `/start in_${ini.id}` }, { press: '👍 Қолдау' }]);
    expect(alert()).toContain('сіздің бастамаңыз');
    expect((await services.prisma.initiative.findUniqueOrThrow({ where: { id: ini.id } })).supportCount).toBe(2);

    await walk(pavel, [
      { say: `/start in_${ini.id}` },
      { press: '💡 Идея или комментарий' },
      { say: 'Коротко', is: 'Комментарий слишком короткий (7): нужно не меньше 10 символов.' },
    ]);
    await walk(pavel, [{ say: 'Предлагаю посадить клёны: они быстро растут и дают тень' }, { press: '👤 Показывать имя' }]);
    await walk(pavel, [
      { press: '✅ Отправить', is: `✅ Ваш комментарий опубликован на странице инициативы №${ini.id}. Если на него пожалуются, его проверит модератор.` },
    ]);
    expect(await page(`/ru/initiatives/${ini.id}`)).toContain('Предлагаю посадить клёны');
    const { u: third } = await h.citizen({ locale: 'kk', name: 'Үшінші Көрші', regionId: astana.id });
    for (const reader of [dana, third]) await walk(reader, [{ say: `/start in_${ini.id}` }, { press: '🚩 №1 пікірге шағым' }]);
    expect(alert()).toBe('Рақмет. Пікір модератор шешім қабылдағанға дейін жасырылды.');
    expect(await page(`/ru/initiatives/${ini.id}`)).not.toContain('Предлагаю посадить клёны');
    await h.deliverOutbox();
    expect(last(pavel)).toContain(`Ваш комментарий к инициативе «${TITLE}» скрыт до решения модератора`);
    const queue = (await mod('GET', '/api/comments/moderation')).json;
    expect(queue.items.map((x: { initiativeId: number }) => x.initiativeId)).toEqual([ini.id]);
    expect((await mod('POST', `/api/comments/${queue.items[0].id}/restore`, {})).json).toEqual({ id: queue.items[0].id, state: 'visible' });
    await h.deliverOutbox();
    expect(last(pavel)).toContain('снова виден всем');
    expect(await page(`/ru/initiatives/${ini.id}`)).toContain('Предлагаю посадить клёны');

    // 4. An NGO takes it on, with a patron's money and a progress update; followers hear both.
    const pm = await staff('pm-astana', ['project_manager'], astana.id);
    expect((await pm('POST', `/api/initiatives/${ini.id}/take`, { kind: 'ngo', name: '«Жасыл қала» ҚБ' })).status).toBe(200);
    expect(
      (
        await pm('POST', `/api/initiatives/${ini.id}/patrons`, {
          name: 'ТОО «Құрылыс»',
          isPerson: false,
          public: true,
          contribution: 'money',
          amountTenge: 500000,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await pm('POST', `/api/initiatives/${ini.id}/updates`, {
          heldOn: '2026-04-07',
          percent: 40,
          textKk: 'Көшеттер сатып алынды.',
          textRu: 'Саженцы закуплены.',
        })
      ).status,
    ).toBe(201);
    await h.deliverOutbox();
    expect(all(pavel)).toContain('взял(а) в работу: «Жасыл қала» ҚБ');
    expect(last(pavel)).toContain('выполнено 40 %');
    expect(all(dana)).toContain('«Жасыл қала» ҚБ');

    // 5. Two volunteers attend its event.
    const volunteers = await Promise.all(
      ['Ерлан Төлеуов', 'Ольга Ли'].map((name, i) =>
        signedUpVolunteer(services, { name, locale: i ? 'ru' : 'kk', regionId: astana.id, telegramId: 940_000_001 + i }),
      ),
    );
    const pmRow = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'pm-astana' } });
    const principal = {
      id: pmRow.id,
      login: pmRow.login,
      fullName: pmRow.fullName,
      roles: pmRow.roles,
      regionId: astana.id,
      districtId: null,
      departmentId: null,
      locale: 'ru' as const,
    };
    const event = await services.volunteering.opportunities.create({ type: 'staff', id: pmRow.id }, principal, {
      ...opportunityInput(astana.id, { startsAt: new Date(START.getTime() + 2 * DAY), endsAt: new Date(START.getTime() + 2 * DAY + 4 * 3_600_000) }),
      initiativeId: ini.id,
    });
    await services.volunteering.opportunities.publish({ type: 'staff', id: pmRow.id }, principal, event.id);
    for (const v of volunteers) {
      const applied = await services.volunteering.applications.apply(v.id, event.id);
      expect((await pm('POST', `/api/volunteering/applications/${applied.applicationId}/approve`)).status).toBe(200);
    }
    h.clock = new Date(START.getTime() + 3 * DAY);
    for (const a of await services.prisma.volunteerApplication.findMany({ where: { opportunityId: event.id } })) {
      expect((await pm('POST', `/api/volunteering/applications/${a.id}/attendance`, { attended: true, hours: 3, peopleHelped: 0 })).status).toBe(200);
      // Each volunteer confirms they took part (as the bot's "did you take part?" answer does).
      await services.volunteering.applications.confirm(a.citizenId, a.id, true);
    }

    // 6. Implemented: the rating invitation reaches the author, supporters and the volunteers who attended.
    h.clock = new Date(START.getTime() + 10 * DAY);
    expect(
      (
        await pm('POST', `/api/initiatives/${ini.id}/implemented`, {
          resultKk: 'Аулаға 50 ағаш отырғызылды.',
          resultRu: 'Во дворе посажено 50 деревьев.',
          servedCount: 120,
          implementedOn: '2026-04-17',
        })
      ).status,
    ).toBe(200);
    await h.deliverOutbox();
    const erlan = h.fake.user({ id: 940_000_001 });
    expect(all(erlan)).toContain(`«${TITLE}» бастамасы іске асты`);

    // 7. Residents rate it and answer the satisfaction question; a stranger from another region is refused.
    await walk(pavel, [{ press: '5 ⭐' }, { press: 'Полностью удовлетворён(а)' }]);
    await walk(dana, [{ press: '4 ⭐' }, { press: 'Көбіне қанағаттандым' }]);
    await walk(erlan, [{ press: '2 ⭐' }, { press: 'Жауап беруге қиналамын' }]);
    const { u: stranger } = await h.citizen({ locale: 'kk', name: 'Бөгде Адам', regionId: karagandaId });
    await walk(stranger, [{ say: `/start in_${ini.id}` }, { press: '⭐ Бағалау' }, { press: '3 ⭐' }]);
    expect(alert()).toBe('Бұл бастаманы оның өңірінің тұрғындары, қолдаушылары мен еріктілері бағалай алады.');
    expect(await services.prisma.initiativeRating.count({ where: { initiativeId: ini.id } })).toBe(3);

    // 8. The indicators count it; its public page shows the rating and the index beside the national one.
    const admin = await staff('e2e-admin', ['admin'], null);
    const ind = (await admin('GET', `/api/analytics/initiatives?period=2026&regionId=${astana.id}`)).json;
    expect(ind).toMatchObject({
      servedRecipients: 120,
      implemented: 1,
      withCivilSociety: { count: 1 },
      withPatrons: { count: 1, patronMoneyTenge: 500000 },
      volunteerEvents: { count: 1, volunteers: 2, hours: 6 },
      rating: { rated: 3, averageRating: 3.7, satisfactionIndex: 66.7, nationalBaselinePercent: 74.8 },
    });
    expect((await admin('GET', `/api/analytics/initiatives?period=2026&regionId=${karagandaId}`)).json).toMatchObject({ servedRecipients: 0, implemented: 0 });
    // The portal's statistics page gives the same five indicators for the same period and region.
    const stats = await page('/ru/stats?period=2026&region=astana');
    const cell = (label: string) => new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(stats)?.[1];
    const ru = (v: number) => new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(v);
    expect([
      cell('1. Получатели услуг реализованных проектов'),
      cell('2. Реализованные проекты с участием НПО, инициативных групп и граждан'),
      cell('3. Региональные проекты с участием меценатов'),
      cell('Средства меценатов, тенге'),
      cell('4. Мероприятия с участием волонтёров'),
      cell('5. Средняя оценка \\(1–5\\)'),
      cell('Индекс удовлетворённости, %'),
    ]).toEqual([
      ru(ind.servedRecipients),
      ru(ind.withCivilSociety.count),
      ru(ind.withPatrons.count),
      ru(ind.withPatrons.patronMoneyTenge),
      ru(ind.volunteerEvents.count),
      ru(ind.rating.averageRating),
      ru(ind.rating.satisfactionIndex),
    ]);
    expect(cell('Средства меценатов, тенге')).toBe(ru(500000));
    const html = await page(`/kk/initiatives/${ini.id}`);
    expect(html).toContain('3,7');
    expect(html).toContain('66,7');
    expect(html).toContain('74,8');
    expect(await page('/ru/initiatives?stage=implemented')).toContain(TITLE);
    expect(await page('/ru/initiatives/map?stage=implemented')).toContain('id="map"');
    expect(JSON.parse(await page('/ru/initiatives/points.json?stage=implemented')).features[0].properties).toMatchObject({
      number: `№${ini.id}`,
      href: `/ru/initiatives/${ini.id}`,
    });
  });

  it('returns a Russian proposal with a reason; the author edits it in the bot and it is published', async () => {
    const { u: pavel, c } = await h.citizen({ locale: 'ru', name: 'Павел Ким', regionId: astana.id });
    await walk(pavel, [{ say: '💡 Инициативы' }, { press: '➕ Предложить инициативу' }, { press: '👤 Я сам(а)' }, { say: 'Скамейки у детской площадки' }]);
    await walk(pavel, [{ say: 'Поставить четыре скамейки у детской площадки во дворе дома 12.' }, { press: 'город Астана' }, { press: 'район Есиль' }]);
    await walk(pavel, [{ press: '⏭ Пропустить' }, { press: /^2\. / }, { say: 'Родителям негде сесть, пока дети играют.' }]);
    await walk(pavel, [{ press: '▫️ 🏛 Помощь акимата' }, { press: '✅ Готово' }, { press: '🙈 Скрыть имя' }, { press: '📤 Отправить' }]);
    const ini = await services.prisma.initiative.findFirstOrThrow({ where: { citizenId: c.id } });
    expect(ini.language).toBe('ru');
    const mod = await staff('mod-astana-2', ['moderator'], astana.id);
    expect((await mod('POST', `/api/initiatives/${ini.id}/return`, { reasonCode: 'incomplete', note: 'Укажите номер дома и подъезд' })).status).toBe(200);
    await h.deliverOutbox();
    expect(last(pavel)).toContain('возвращена на доработку');
    expect(last(pavel)).toContain('Укажите номер дома и подъезд');
    await press(pavel, '✏️ Исправить');
    expect(all(pavel)).toContain(`Вы исправляете инициативу №${ini.id}`);
    await walk(pavel, [{ press: '✏️ Что сделать' }, { say: 'Поставить четыре скамейки у детской площадки во дворе дома 12, подъезд 3.' }]);
    await walk(pavel, [{ press: '📤 Отправить', is: 'Спасибо! Инициатива отправлена модератору. О решении мы сообщим здесь.' }]);
    expect((await services.prisma.initiative.findUniqueOrThrow({ where: { id: ini.id } })).status).toBe('proposed');
    expect((await mod('POST', `/api/initiatives/${ini.id}/publish`)).status).toBe(200);
    await h.deliverOutbox();
    expect(last(pavel)).toContain('опубликована');
  });
});
