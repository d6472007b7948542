// The profile questions (gender, birth year, social status) opened from /mydata, with the citizens'
// services stubbed: each answer is saved at once through services.citizens.profile, a year out of range
// is asked again, «prefer not to say» saves nothing, and a refusal from the domain is shown, never lost.
import { describe, expect, it, vi } from 'vitest';
import { editProfile, pickGender, skipProfileQuestion } from '../../bot/citizens/buttons.ts';
import { createPrivacy } from '../../bot/citizens/privacy.ts';
import { DomainError } from '../../core/errors.ts';
import { recordingBot } from '../helpers/bot-recorder.ts';

const CITIZEN = 7;
/** Pinned: the latest birth year the questions accept is this clock's year in Almaty. */
const NOW = new Date('2026-12-06T09:00:00Z');
const BAD_YEAR = 'Год рождения указан неверно.';
const ANSWERED = { askedAt: '2026-01-10T05:00:00.000Z', gender: 'male', birthYear: 1980, socialStatus: null };

function profileBot(save: (...args: unknown[]) => Promise<void>) {
  const answers = vi.fn(async () => ANSWERED);
  const bot = recordingBot([createPrivacy()], { citizen: { id: CITIZEN }, services: { now: () => NOW, citizens: { profile: { answers, save } } } });
  return { bot, answers };
}

describe('the profile questions from /mydata', () => {
  it('asks all three again, saving each answer for this citizen as it is given', async () => {
    const save = vi.fn(async () => {});
    const { bot, answers } = profileBot(save);
    await bot.press(editProfile.encode());
    expect(answers).toHaveBeenCalledWith(CITIZEN);
    expect(bot.replies()).toEqual(['Измените ответы о себе. Любой вопрос можно пропустить кнопкой «Не хочу указывать».', '1/3. Ваш пол?']);
    expect(bot.keyboard()).toEqual([['👨 Мужской', '👩 Женский'], ['🙊 Не хочу указывать']]);

    await bot.press(pickGender.encode({ gender: 'female' }));
    expect(save).toHaveBeenLastCalledWith(CITIZEN, { gender: 'female' });
    expect(bot.replies().at(-1)).toBe('2/3. Напишите год вашего рождения четырьмя цифрами, например 1985.');

    await bot.send('1899');
    expect(bot.replies().at(-1)).toBe('Год рождения — четыре цифры от 1900 до 2026, например 1985. Напишите ещё раз или нажмите «Не хочу указывать».');
    expect(save).toHaveBeenCalledTimes(1);
    await bot.send('1985');
    expect(save).toHaveBeenLastCalledWith(CITIZEN, { birthYear: 1985 });
    expect(bot.replies().at(-1)).toMatch(/^3\/3\. К какой группе вы относитесь\?/);

    await bot.press(skipProfileQuestion.encode());
    expect(save.mock.calls).toEqual([
      [CITIZEN, { gender: 'female' }],
      [CITIZEN, { birthYear: 1985 }],
      [CITIZEN, { done: true }],
    ]);
    expect(bot.replies().at(-1)).toBe('Спасибо! Изменить ответы можно в любой момент: /mydata.');
  });

  it('shows a refused answer and asks the year again', async () => {
    const save = vi.fn(async (_citizen: unknown, patch: unknown) => {
      if ((patch as { birthYear?: number }).birthYear === 2026) throw new DomainError('invalid', 'profile.bad_birth_year');
    });
    const { bot } = profileBot(save);
    await bot.press(editProfile.encode());
    await bot.press(pickGender.encode({ gender: 'unstated' }));
    await bot.send('2026');
    expect(bot.replies().at(-1)).toBe(BAD_YEAR);
    expect(bot.keyboard()).toEqual([['🙊 Не хочу указывать']]);
    await bot.send('1990');
    expect(save).toHaveBeenLastCalledWith(CITIZEN, { birthYear: 1990 });
  });
});
