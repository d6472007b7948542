// Volunteering in the real bot (in process, Bot API calls answered by the fake): the sign-up with a
// contact share (someone else's contact refused), answers kept through /cancel, opportunities with apply,
// the wait-list and cancel (refused after the start), the confirmation buttons from a notice, the record,
// the announcements switch and /mydata.
import { beforeAll, describe, expect, it } from 'vitest';
import { shownLength } from '../core/text.ts';
import { areas } from '../prisma/seed/areas.ts';
import { createVolunteerFeature } from '../bot/volunteering/volunteer.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { ADMIN, at, opportunityInput, signedUpVolunteer, staffActor } from './volunteer-fixtures.ts';

describe.each(dbTargets)('bot: volunteering (%s)', (target) => {
  const h = useBotSuite(target, { features: [createVolunteerFeature()], now: at('2026-11-23T10:00:00') });
  const { services, say, press, last, all, alert, deliverOutbox, walk } = h;
  let almaty: { id: number; districts: Array<{ id: number; nameRu: string }> };

  beforeAll(async () => {
    almaty = await services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' }, include: { districts: { orderBy: { id: 'asc' } } } });
  });

  async function consented(locale: 'kk' | 'ru') {
    const { u, c } = await h.citizen({ locale, name: 'Айгерім Болат', phone: (id) => `+7705${id}` });
    return { u, citizenId: c.id };
  }
  async function volunteerUser(locale: 'kk' | 'ru') {
    const u = h.user({ language_code: locale });
    const c = await signedUpVolunteer(services, { locale, regionId: almaty.id, directions: ['ecology'], telegramId: u.id });
    return { u, c };
  }
  const publish = (extra: Parameters<typeof opportunityInput>[1] = {}) =>
    services.volunteering.opportunities.create(staffActor(ADMIN), ADMIN, {
      ...opportunityInput(almaty.id, { startsAt: at('2026-12-05T10:00:00'), endsAt: at('2026-12-05T14:00:00'), ...extra }),
      publish: true,
    });

  it('signs up in Kazakh, taking the phone only from the volunteer’s own contact', async () => {
    const { u, citizenId } = await consented('kk');
    await walk(u, [
      { say: '🤝 Еріктілік', expect: '«Жомарт жүрек» еріктілігі' },
      { press: '🤝 Ерікті болу', expect: 'Атыңыз кім?' },
    ]);
    expect(all(u)).toContain('Ерікті анкетасы');
    await walk(u, [
      { press: '👤 Айгерім Болат', expect: 'Нөмірмен бөлісу' },
      { say: '+77011234567', expect: 'қолмен терілген нөмірді қабылдай алмаймыз' },
      { send: (me) => me.sendContact({ phone_number: '+77019998877', user_id: me.id + 1, first_name: 'Басқа адам' }), expect: 'Бұл сіздің нөміріңіз емес' },
    ]);
    expect((await services.volunteering.profiles.get(citizenId))!.phoneVerifiedAt).toBeNull();
    await press(u, '📱 Нөмірмен бөлісу');
    expect(u.texts().at(-2)).toContain('нөмірі расталды');
    expect(last(u)).toContain('Қай жерде көмектесуге дайынсыз?');
    await walk(u, [{ press: 'Алматы қаласы' }, { press: '🗺 Бүкіл өңір', expect: 'Немен айналысқыңыз келеді?' }, { press: '▫️ Іс-шаралар' }]);
    expect(u.lastKeyboard().flat()).toContain('✅ Іс-шаралар');
    // «Іс-шаралар» toggled off again
    await walk(u, [{ press: '▫️ Экология және сенбіліктер' }, { press: '✅ Іс-шаралар' }, { press: '✅ Дайын', expect: 'Қай салалар сізге жақын?' }]);
    // The 19 areas are Annex 3's, from the one list in prisma/seed/areas.ts: in full in the message, shortened on the buttons.
    for (const a of areas) expect(last(u)).toContain(`${a.code}. ${a.nameKk}`);
    for (const b of u.lastKeyboard().flat()) expect(shownLength(b), b).toBeLessThanOrEqual(30);
    await walk(u, [{ press: '▫️ 3. Қоршаған ортаны қорғау' }, { press: '✅ Дайын', expect: 'Не істей аласыз?' }, { say: 'Алғашқы көмек көрсете аламын' }]);
    await walk(u, [
      { press: 'Тұрақты түрде', expect: 'Қай жылы тудыңыз?' },
      { say: 'жиырма', expect: 'төрт таңбалы санмен' },
    ]);
    await walk(u, [{ say: '2020', expect: 'аралығында болуы керек' }, { say: '1999' }]);
    const summary = last(u);
    expect(summary).toContain('Анкетаны тексеріңіз');
    expect(summary).toContain('Бағыттар: Экология және сенбіліктер');
    expect(summary).toContain('Салалар: 3. Қоршаған ортаны қорғау');
    await press(u, '✅ Ерікті болу');
    expect(all(u)).toContain('Сіз енді «Жомарт жүрек» еріктісісіз!');
    const v = await services.volunteering.profiles.get(citizenId);
    expect(v).toMatchObject({
      name: 'Айгерім Болат',
      phone: `+7705${u.id}`,
      regionId: almaty.id,
      districtId: null,
      directions: ['ecology'],
      areaIds: [3],
      skills: 'Алғашқы көмек көрсете аламын',
      availability: 'regularly',
      birthYear: 1999,
    });
    expect(v!.signedUpAt).not.toBeNull();
  });

  it('keeps each answer through /cancel and asks only what is missing', async () => {
    const { u, citizenId } = await consented('ru');
    await walk(u, [
      { say: '/volunteer' },
      { press: '🤝 Стать волонтёром' },
      { say: 'Айгерім Болат', expect: 'Поделиться номером' },
      { say: '/cancel', expect: 'Отменено' },
    ]);
    expect((await services.volunteering.profiles.get(citizenId))!.name).toBe('Айгерім Болат');
    await walk(u, [{ say: '🤝 Волонтёрство' }, { press: '▶️ Продолжить анкету', expect: 'Поделитесь номером' }]);
  });

  it('lists suitable opportunities, applies, goes to the wait-list when full, and cancels until the start', async () => {
    const o = await publish({ needed: 1 });
    const { u: first } = await volunteerUser('ru');
    const { u: second, c: secondC } = await volunteerUser('ru');
    await walk(first, [{ say: '🤝 Волонтёрство' }, { press: '🔎 Подходящие дела', expect: 'Подходящие дела: 1' }]);
    expect(last(first)).toContain('1. 05.12.2026 10:00 · Субботник в парке');
    await press(first, /^🙋 1\. Субботник в парке/);
    expect(last(first)).toContain('Нужно волонтёров: 1, свободно мест: 1');
    expect(last(first)).toContain('05.12.2026 10:00–14:00');
    await press(first, '🙋 Откликнуться');
    expect(last(first)).toContain('Заявка отправлена организатору');
    // The old button again: applying twice is refused.
    await h.deliver(first.press(`vo:apply:${o.id}`));
    expect(alert()).toContain('Вы уже откликнулись');

    await walk(second, [{ say: '/volunteer' }, { press: '🔎 Подходящие дела' }, { press: /Субботник в парке/, expect: 'свободно мест: 0' }]);
    await walk(second, [{ press: '🙋 Откликнуться', expect: 'вы в листе ожидания под №1' }]);

    await h.deliver(first.press(`vo:o:${o.id}`));
    await walk(first, [
      { press: '❌ Отменить заявку', expect: 'Отменить заявку?' },
      { press: 'Да, отменить', expect: 'Заявка отменена' },
    ]);
    expect((await services.prisma.volunteerApplication.findFirstOrThrow({ where: { citizenId: secondC.id } })).state).toBe('applied');
    await deliverOutbox();
    expect(all(second)).toContain('Освободилось место!');

    // Once the event has started, the second volunteer can no longer cancel.
    h.clock = at('2026-12-05T10:30:00');
    await h.deliver(second.press(`vo:cancelok:${o.id}`));
    expect(alert()).toContain('Мероприятие уже началось');
  });

  it('takes the confirmation from an attendance notice, shows the record, switches announcements and shows /mydata', async () => {
    const o = await publish({ needed: 2 });
    const { u, c } = await volunteerUser('kk');
    await services.volunteering.applications.apply(c.id, o.id);
    const app = await services.prisma.volunteerApplication.findFirstOrThrow({ where: { citizenId: c.id } });
    await services.volunteering.applications.decide(staffActor(ADMIN), ADMIN, app.id, { action: 'approve' });
    h.clock = at('2026-12-05T15:00:00');
    await services.volunteering.applications.recordAttendance(staffActor(ADMIN), ADMIN, app.id, { attended: true, hours: 4, peopleHelped: 25 });
    await deliverOutbox();
    expect(last(u)).toContain('Ұйымдастырушы қатысуыңызды белгіледі: 4 сағ, 25 адамға көмектестіңіз');
    await press(u, '✅ Иә, қатыстым');
    expect(last(u)).toContain('Көмегіңізге рақмет!');
    expect((await services.prisma.volunteerApplication.findUniqueOrThrow({ where: { id: app.id } })).confirmedByVolunteer).toBe(true);

    await say(u, '🤝 Еріктілік');
    expect(last(u)).toContain('Қатысқаныңыз: 1 · сағат: 4 · көмек алғандар: 25');
    await walk(u, [{ press: '🏅 Сағаттарым', expect: '05.12.2026 — Саябақта сенбілік: 4 сағ, 25 адамға көмектестіңіз' }, { press: '⬅️ Артқа' }]);
    await walk(u, [{ press: '🔕 Хабарламаларды өшіру', expect: 'хабарламалар өшірулі' }]);
    expect((await services.volunteering.profiles.get(c.id))!.announcementsOff).toBe(true);
    await press(u, '🔔 Хабарламаларды қосу');
    expect((await services.volunteering.profiles.get(c.id))!.announcementsOff).toBe(false);

    await say(u, '/mydata');
    expect(last(u)).toContain('Еріктінің телефоны: +7701');
    expect(last(u)).toContain('Еріктілік сағаттары: 4');
  });
});
