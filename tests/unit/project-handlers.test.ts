// The projects' bot handlers with the services stubbed (grammY's style: handleUpdate with a recorder):
// the invitation link t.me/<bot>?start=prj_<code> makes the citizen a beneficiary through core, asks the
// three profile questions once, and thanks them with the project's name in their language.
import { describe, expect, it, vi } from 'vitest';
import { createOnboarding } from '../../bot/citizens/onboarding.ts';
import { createProjectFeature } from '../../bot/projects/project.ts';
import { DomainError } from '../../core/errors.ts';
import { createI18n, type Locale } from '../../core/i18n/i18n.ts';
import { recordingBot, type ServiceStubs } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
const PROJECT = 12;
const joined = (created: boolean) => ({ created, names: { nameKk: 'Жастар орталығы', nameRu: 'Молодёжный центр' }, supplier: 'ОФ «Болашақ»' });
const byInviteCode = async (code: string) => (code === 'Xy_9' ? { id: PROJECT } : null);

function invitation(join: (citizenId: number, projectId: number) => Promise<unknown>, opts: { locale?: Locale; askedAt?: Date | null } = {}) {
  const answers = vi.fn(async () => ({
    askedAt: opts.askedAt === undefined ? new Date('2026-01-01') : opts.askedAt,
    gender: null,
    birthYear: null,
    socialStatus: null,
  }));
  const services: ServiceStubs = { projects: { citizen: { byInviteCode, join } }, citizens: { profile: { answers } } };
  return { bot: recordingBot([createOnboarding(createI18n()), createProjectFeature()], { locale: opts.locale, citizen: { id: CITIZEN }, services }), answers };
}

describe('the invitation to a project', () => {
  it('joins the project core finds by the code and thanks the citizen with its name and supplier (ru)', async () => {
    const join = vi.fn(async () => joined(true));
    const { bot } = invitation(join);
    await bot.send('/start prj_Xy_9');
    expect(join).toHaveBeenCalledWith(CITIZEN, PROJECT);
    expect(bot.replies()).toEqual([
      '🙏 Спасибо! Вы зарегистрированы как участник проекта «Молодёжный центр» (ОФ «Болашақ»). Организаторы смогут пригласить вас оценить полученные услуги — это займёт пару минут.',
    ]);
  });

  it('a second tap says the citizen already takes part, in Kazakh, with the Kazakh name', async () => {
    const { bot } = invitation(async () => joined(false), { locale: 'kk' });
    await bot.send('/start prj_Xy_9');
    expect(bot.replies()).toEqual(['Сіз «Жастар орталығы» жобасына қатысып жүрсіз. Бізбен бірге болғаныңызға рақмет!']);
  });

  it('an unknown code leads to the main menu and joins nothing', async () => {
    const join = vi.fn();
    for (const [locale, text] of [
      ['kk', 'Жобаға сілтеме ескірген немесе қате. Міне, басты мәзір 👇'],
      ['ru', 'Эта ссылка на проект устарела или неверна. Вот главное меню 👇'],
    ] as const) {
      const { bot } = invitation(join, { locale });
      await bot.send('/start prj_old');
      expect(bot.replies()).toEqual([text]);
    }
    expect(join).not.toHaveBeenCalled();
  });

  it('a project that is not running is refused with core’s reason, and no profile question is asked', async () => {
    const refuse = async () => {
      throw new DomainError('conflict', 'project.not_active');
    };
    const { bot, answers } = invitation(refuse, { askedAt: null });
    await bot.send('/start prj_Xy_9');
    expect(bot.replies()).toEqual(['Проект сейчас не принимает участников: он ещё не начат или уже завершён.']);
    expect(answers).not.toHaveBeenCalled();
  });

  it('a citizen never asked gets the three profile questions before the thanks', async () => {
    const { bot, answers } = invitation(async () => joined(true), { askedAt: null });
    await bot.send('/start prj_Xy_9');
    expect(answers).toHaveBeenCalledWith(CITIZEN);
    expect(bot.replies()[0]).toMatch(/^Три коротких вопроса о вас/);
    expect(bot.replies()[1]).toBe('1/3. Ваш пол?');
    expect(bot.replies().some((r) => r.startsWith('🙏 Спасибо!'))).toBe(false);
  });
});
