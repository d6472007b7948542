// Volunteering end to end: the whole app (bot by long polling, API, jobs, outbox) against the fake Bot
// API, on an injected clock. A citizen signs up with a contact share and hears of a new opportunity;
// a second volunteer applies to the full opportunity and waits; the first cancels and the second is
// promoted; the organiser approves; the reminders arrive once each at their time; after the event the
// organiser records attendance and a review, the volunteer confirms, and the rankings name the winner.
import { beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { act, notice, onboard, useE2e } from './helpers/e2e.ts';
import { at, signedUpVolunteer } from './volunteer-fixtures.ts';

describe.each(dbTargets)('volunteering end to end (%s)', (target) => {
  // The injected clock runs on from the last time set, so the outbox's retry waits (flood control) pass.
  const { fake, app, api, clock, signIn, runJob } = useE2e(target, { start: at('2026-12-01T09:00:00') });
  const setClock = (local: string) => clock.set(at(local));
  let almatyId = 0;

  /** Runs the reminders job at an Almaty time; a scheduled run holding the lease just now is waited out. */
  const runReminders = async (local: string) => {
    setClock(local);
    await runJob('volunteer-reminders');
  };
  const outboxCount = (kind: string, citizenId: number) => app.services.prisma.outboxMessage.count({ where: { kind, citizenId } });

  beforeAll(async () => {
    almatyId = (await app.services.prisma.region.findUniqueOrThrow({ where: { code: 'almaty-city' } })).id;
  });

  it('signs up, waits, is promoted, is reminded once at each time, takes part and is ranked', async () => {
    // ── a citizen signs up in Kazakh, sharing their own contact ──
    const aigerim = await onboard(fake, 'kk', 'Айгерім');
    await act(aigerim, () => aigerim.send('🤝 Еріктілік'), '«Жомарт жүрек» еріктілігі');
    await act(aigerim, () => aigerim.pressButton('🤝 Ерікті болу'), 'Атыңыз кім?');
    await act(aigerim, () => aigerim.send('Айгерім Сапарова'), 'Нөмірмен бөлісу');
    await act(aigerim, () => aigerim.sendContact({ phone_number: '+77015550000', user_id: aigerim.id + 7 }), 'Бұл сіздің нөміріңіз емес');
    await act(aigerim, () => aigerim.pressButton('📱 Нөмірмен бөлісу'), 'Қай жерде көмектесуге дайынсыз?');
    await act(aigerim, () => aigerim.pressButton('Алматы қаласы'), 'Ауданды');
    await act(aigerim, () => aigerim.pressButton('🗺 Бүкіл өңір'), 'Немен айналысқыңыз келеді?');
    await aigerim.pressButton('▫️ Экология және сенбіліктер');
    await fake.waitFor((c) => c.method === 'editMessageReplyMarkup' && JSON.stringify(c.payload).includes('✅ Экология'), { timeoutMs: 20_000 });
    await act(aigerim, () => aigerim.pressButton('✅ Дайын'), 'Қай салалар сізге жақын?');
    await act(aigerim, () => aigerim.pressButton('⏭ Өткізіп жіберу'), 'Не істей аласыз?');
    await act(aigerim, () => aigerim.pressButton('⏭ Өткізіп жіберу'), 'Қаншалықты жиі');
    await act(aigerim, () => aigerim.pressButton('Анда-санда, көмек керек кезде'), 'Қай жылы тудыңыз?');
    await act(aigerim, () => aigerim.send('2000'), 'Анкетаны тексеріңіз');
    await act(aigerim, () => aigerim.pressButton('✅ Ерікті болу'), 'Сіз енді «Жомарт жүрек» еріктісісіз!');
    const aigerimId = (await app.services.citizens.findByTelegramId(aigerim.id))!.id;
    expect((await app.services.volunteering.profiles.get(aigerimId))!.phoneVerifiedAt).not.toBeNull();

    // ── a second volunteer, in Russian ──
    const sergey = fake.user({ language_code: 'ru', first_name: 'Сергей' });
    const sergeyC = await signedUpVolunteer(app.services, {
      locale: 'ru',
      name: 'Сергей Ким',
      regionId: almatyId,
      directions: ['ecology'],
      telegramId: sergey.id,
    });

    // ── the organiser publishes an opportunity with one place; both hear of it ──
    const created = await api('POST', '/api/volunteering/opportunities', {
      titleKk: 'Өзен жағасын тазалау',
      titleRu: 'Уборка берега реки',
      organiserName: 'Жасыл ел',
      directions: ['ecology'],
      regionId: almatyId,
      place: 'Есентай өзені, Әл-Фараби даңғылы',
      startsAt: at('2026-12-04T10:00:00').toISOString(),
      endsAt: at('2026-12-04T14:00:00').toISOString(),
      needed: 1,
      publish: true,
    });
    expect(created.status).toBe(200);
    const opportunityId = created.json.id as number;
    await notice(aigerim, 'Еріктілерге жаңа іс');
    await notice(sergey, 'Новое дело для волонтёров');

    // ── Aigerim takes the place from the announcement; Sergey goes to the wait-list ──
    await act(aigerim, () => aigerim.pressButton('🔎 Толығырақ'), 'Өзен жағасын тазалау');
    await act(aigerim, () => aigerim.pressButton('🙋 Өтінім беру'), 'Өтінім ұйымдастырушыға жіберілді');
    await act(sergey, () => sergey.pressButton('🔎 Подробнее'), 'свободно мест: 0');
    await act(sergey, () => sergey.pressButton('🙋 Откликнуться'), 'вы в листе ожидания под №1');

    // ── Aigerim cancels: Sergey is promoted and told ──
    await act(aigerim, () => aigerim.pressButton('❌ Өтінімнен бас тарту'), 'Өтінімнен бас тартасыз ба?');
    await act(aigerim, () => aigerim.pressButton('Иә, бас тартамын'), 'Өтінімнен бас тарттыңыз');
    await notice(sergey, 'Освободилось место!');

    // ── the organiser approves Sergey ──
    const apps = (await api('GET', `/api/volunteering/opportunities/${opportunityId}/applications`)).json.items as Array<{
      id: number;
      citizenId: number;
      state: string;
    }>;
    const sergeyApp = apps.find((a) => a.citizenId === sergeyC.id)!;
    expect(apps.map((a) => a.state).sort()).toEqual(['applied', 'cancelled']);
    expect((await api('POST', `/api/volunteering/applications/${sergeyApp.id}/approve`)).json.state).toBe('approved');
    await notice(sergey, 'Ваша заявка одобрена!');

    // ── reminders: nothing early, the day-before one at −24 h, the two-hour one at −2 h, each once ──
    await runReminders('2026-12-03T09:50:00');
    expect(await outboxCount('volunteer.reminder_day', sergeyC.id)).toBe(0);
    await runReminders('2026-12-03T10:00:00');
    expect(await notice(sergey, 'Напоминание:')).toContain('04.12.2026 10:00–14:00');
    await runReminders('2026-12-03T10:05:00');
    await runReminders('2026-12-04T07:55:00');
    expect(await outboxCount('volunteer.reminder_day', sergeyC.id)).toBe(1);
    expect(await outboxCount('volunteer.reminder_soon', sergeyC.id)).toBe(0);
    await runReminders('2026-12-04T08:00:00');
    await notice(sergey, 'Скоро начало');
    await runReminders('2026-12-04T08:05:00');
    await runReminders('2026-12-04T09:55:00');
    expect(await outboxCount('volunteer.reminder_soon', sergeyC.id)).toBe(1);
    expect(await outboxCount('volunteer.reminder_day', aigerimId)).toBe(0);

    // ── after the event: attendance, the volunteer's confirmation, a review ──
    setClock('2026-12-04T15:00:00');
    await signIn(); // three days on, the staff session has expired
    const attended = await api('POST', `/api/volunteering/applications/${sergeyApp.id}/attendance`, { attended: true, hours: 4, peopleHelped: 30 });
    expect(attended.json).toMatchObject({ state: 'attended', hours: 4, peopleHelped: 30 });
    await notice(sergey, 'Организатор отметил ваше участие: 4 ч, вы помогли 30 людям');
    await act(sergey, () => sergey.pressButton('✅ Да, участвовал(а)'), 'Спасибо за помощь!');
    expect(
      (await api('PUT', `/api/volunteering/applications/${sergeyApp.id}/review`, { rating: 5, comment: 'Работал до последнего мешка' })).json,
    ).toMatchObject({ confirmedByVolunteer: true, review: { rating: 5 } });
    // The question "did you take part?" is not asked again: the attendance notice asked it.
    await runReminders('2026-12-04T15:05:00');
    expect(await outboxCount('volunteer.ask_confirm', sergeyC.id)).toBe(0);
    await act(sergey, () => sergey.send('/volunteer'), 'Участий: 1 · часов: 4 · получили помощь (человек): 30');

    // ── «Жомарт жүрек» for December 2026 in Almaty ──
    const r = (await api('GET', `/api/volunteering/rankings?level=region&regionId=${almatyId}&period=2026-12`)).json;
    expect(r.mostActive.map((v: { name: string }) => v.name)).toEqual(['Сергей Ким']);
    expect(r.favourite.map((v: { name: string }) => v.name)).toEqual(['Сергей Ким']);
    expect(r.totals).toEqual({ hours: 4, peopleHelped: 30, volunteers: 1, events: 1 });
    // Telegram's one message a second per chat paces this long story: more than the default minute.
  }, 180_000);
});
