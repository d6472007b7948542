// The volunteering handlers with the services stubbed (grammY's style: handleUpdate with a recorder, no
// database): the home screen before and after sign-up, an opportunity's buttons by its state, applying,
// withdrawing with a second question, "did you take part?" from a notice, and the announcements switch.
import { describe, expect, it, vi } from 'vitest';
import { announcements, applyTo, volunteerHome, withdrawFrom, withdrawSure } from '../../bot/volunteering/buttons.ts';
import { createVolunteerFeature } from '../../bot/volunteering/volunteer.ts';
import { DomainError } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { confirmAttendance, openOpportunity } from '../../core/volunteering/volunteering-buttons.ts';
import { recordingBot, type ServiceStubs } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
const NOW = new Date('2026-06-01T04:00:00Z');
const region = { id: 1, nameKk: 'Алматы', nameRu: 'Алматы' };
const opportunity = (extra: Record<string, unknown> = {}) => ({
  id: 12,
  titleKk: 'Саябақта сенбілік',
  titleRu: 'Субботник в парке',
  descriptionKk: '',
  descriptionRu: '',
  organiserName: 'Таза қала',
  place: 'Парк Горького',
  region,
  district: null,
  needed: 10,
  status: 'published',
  startsAt: new Date('2026-06-10T04:00:00Z'),
  endsAt: new Date('2026-06-10T08:00:00Z'),
  ...extra,
});

const volunteer = (volunteering: ServiceStubs['volunteering'], locale: Locale = 'ru') =>
  recordingBot([createVolunteerFeature()], { locale, citizen: { id: CITIZEN }, services: { volunteering, now: () => NOW } });

describe('the volunteering home screen', () => {
  it('invites a citizen who has not signed up, and offers to continue a begun profile', async () => {
    // The home screen reads the record only for a volunteer who signed up.
    const fresh = volunteer({ profiles: { get: async () => null }, citizen: {} });
    await fresh.press(volunteerHome.encode());
    expect(fresh.replies()[0]).toContain('Волонтёрство «Жомарт жүрек»');
    expect(fresh.keyboard()).toEqual([['🤝 Стать волонтёром']]);

    const begun = volunteer({ profiles: { get: async () => ({ signedUpAt: null }) }, citizen: {} }, 'kk');
    await begun.press(volunteerHome.encode());
    expect(begun.keyboard()).toEqual([['▶️ Анкетаны жалғастыру']]);
  });

  it('shows a volunteer their totals and whether announcements are on', async () => {
    const record = vi.fn(async () => ({ items: [], totals: { events: 3, hours: 12, peopleHelped: 40 } }));
    const bot = volunteer({ profiles: { get: async () => ({ signedUpAt: NOW, name: 'Дана', announcementsOff: false }) }, citizen: { record } });
    await bot.press(volunteerHome.encode());
    expect(record).toHaveBeenCalledWith(CITIZEN);
    expect(bot.replies()).toEqual([
      '🤝 <b>Дана</b>, вы волонтёр «Жомарт жүрек».\n\nУчастий: 3 · часов: 12 · получили помощь (человек): 40\n🔔 Мы сообщаем вам о новых подходящих делах.',
    ]);
    expect(bot.keyboard()).toEqual([['🔎 Подходящие дела'], ['📋 Мои заявки', '🏅 Мои часы'], ['🔕 Не сообщать о новых делах'], ['✏️ Моя анкета']]);
  });

  it('switches announcements off for the volunteer who asks', async () => {
    const setAnnouncements = vi.fn(async () => undefined);
    const bot = volunteer({
      profiles: { setAnnouncements, get: async () => ({ signedUpAt: NOW, name: 'Дана', announcementsOff: true }) },
      citizen: { record: async () => ({ items: [], totals: { events: 0, hours: 0, peopleHelped: 0 } }) },
    });
    await bot.press(announcements.encode({ to: 'off' }));
    expect(setAnnouncements.mock.calls).toEqual([[CITIZEN, false]]);
    expect(bot.replies()[0]).toContain('🔕 Сообщения о новых делах выключены.');
  });
});

describe('an opportunity in the bot', () => {
  it('offers to apply before the start, to withdraw once applied, and neither after the start', async () => {
    const open = volunteer({ citizen: { detail: async () => ({ opportunity: opportunity(), placesLeft: 4, mine: null }) } });
    await open.press(openOpportunity.encode({ opportunityId: 12 }));
    expect(open.replies()[0]).toContain('<b>Субботник в парке</b>');
    expect(open.keyboard()).toEqual([['🙋 Откликнуться'], ['⬅️ Назад']]);

    const mine = { id: 30, state: 'applied', position: null, confirmed: null };
    const applied = volunteer({ citizen: { detail: async () => ({ opportunity: opportunity(), placesLeft: 3, mine }) } });
    await applied.press(openOpportunity.encode({ opportunityId: 12 }));
    expect(applied.keyboard()).toEqual([['❌ Отменить заявку'], ['⬅️ Назад']]);

    const started = opportunity({ startsAt: new Date('2026-05-31T04:00:00Z'), endsAt: new Date('2026-05-31T08:00:00Z') });
    const late = volunteer({ citizen: { detail: async () => ({ opportunity: started, placesLeft: 4, mine: null }) } });
    await late.press(openOpportunity.encode({ opportunityId: 12 }));
    expect(late.keyboard()).toEqual([['⬅️ Назад']]);
  });

  it('asks an approved volunteer after the start whether they took part', async () => {
    const started = opportunity({ startsAt: new Date('2026-05-31T04:00:00Z'), endsAt: new Date('2026-05-31T08:00:00Z') });
    const mine = { id: 30, state: 'approved', position: null, confirmed: null };
    const bot = volunteer({ citizen: { detail: async () => ({ opportunity: started, placesLeft: 0, mine }) } }, 'kk');
    await bot.press(openOpportunity.encode({ opportunityId: 12 }));
    expect(bot.keyboard()).toEqual([['✅ Иә, қатыстым', '❌ Қатыспадым'], ['⬅️ Артқа']]);
  });

  it('applies for the citizen and tells them they are sent on or wait-listed with their place', async () => {
    const detail = async () => ({ opportunity: opportunity(), placesLeft: 0, mine: { id: 30, state: 'waitlisted', position: 2, confirmed: null } });
    const apply = vi.fn(async () => ({ state: 'waitlisted', position: 2 }));
    const bot = volunteer({ applications: { apply }, citizen: { detail } }, 'kk');
    await bot.press(applyTo.encode({ opportunityId: 12 }));
    expect(apply.mock.calls).toEqual([[CITIZEN, 12]]);
    expect(bot.replies().at(-1)).toBe(
      '🕒 Барлық орын толы — сіз күту тізімінде №2 болып тұрсыз. Орын босаса, өтінім бірден ұйымдастырушыға өтеді, біз хабарлаймыз.',
    );

    const sent = volunteer({ applications: { apply: async () => ({ state: 'applied', position: null }) }, citizen: { detail } });
    await sent.press(applyTo.encode({ opportunityId: 12 }));
    expect(sent.replies().at(-1)).toBe('🙋 Заявка отправлена организатору. Когда он её рассмотрит, мы сообщим здесь.');
  });

  it('a refused application is an alert in the citizen’s language, and nothing is sent', async () => {
    const apply = async () => {
      throw new DomainError('conflict', 'volunteer.opportunity_started');
    };
    const bot = volunteer({ applications: { apply } }, 'kk');
    await bot.press(applyTo.encode({ opportunityId: 12 }));
    expect(bot.replies()).toEqual([]);
    expect(bot.alerts()).toEqual([{ text: 'Іс-шара басталып кетті: енді өтінім беруге болмайды.', show_alert: true }]);
  });

  it('withdraws only after the second question', async () => {
    const cancel = vi.fn(async () => undefined);
    const bot = volunteer({ applications: { cancel }, citizen: { detail: async () => ({ opportunity: opportunity(), placesLeft: 4, mine: null }) } });
    await bot.press(withdrawFrom.encode({ opportunityId: 12 }));
    expect(cancel).not.toHaveBeenCalled();
    expect(bot.replies()).toEqual(['Отменить заявку? Место перейдёт следующему в листе ожидания, а при новом отклике вы окажетесь в конце очереди.']);
    expect(bot.keyboard()).toEqual([['Да, отменить', 'Нет, оставить']]);

    await bot.press(withdrawSure.encode({ opportunityId: 12 }));
    expect(cancel.mock.calls).toEqual([[CITIZEN, 12]]);
    expect(bot.replies().at(-1)).toBe('Заявка отменена. Спасибо, что предупредили!');
  });
});

describe('“did you take part?” from a notice', () => {
  it.each([
    ['y', true, 'ru', '🙏 Спасибо за помощь! Ваше участие учтено.'],
    ['n', false, 'kk', 'Түсінікті, хабарлағаныңызға рақмет. Ұйымдастырушы жауабыңызды көреді.'],
  ] as const)('answer %s is recorded as the citizen’s own and thanked', async (answer, tookPart, locale, text) => {
    const confirm = vi.fn(async () => undefined);
    const bot = volunteer({ applications: { confirm } }, locale);
    await bot.press(confirmAttendance.encode({ applicationId: 30, answer }));
    expect(confirm.mock.calls).toEqual([[CITIZEN, 30, tookPart]]);
    expect(bot.replies()).toEqual([text]);
  });

  it('another citizen’s application is refused in a window', async () => {
    const confirm = async () => {
      throw new DomainError('not_found', 'volunteer.application_not_found');
    };
    const bot = volunteer({ applications: { confirm } });
    await bot.press(confirmAttendance.encode({ applicationId: 31, answer: 'y' }));
    expect(bot.replies()).toEqual([]);
    expect(bot.alerts()).toEqual([{ text: 'Заявка не найдена.', show_alert: true }]);
  });
});
