// The main menu: its order and labels in both languages, a label opening its capability (whichever
// language it was shown in), "coming soon" for a capability not running, /help built from the commands
// Telegram shows, and /cancel leaving a waiting flow.
import { describe, expect, it } from 'vitest';
import { createMenu } from '../../bot/citizens/main-menu.ts';
import type { Feature } from '../../bot/features.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import { recordingBot } from '../helpers/bot-recorder.ts';
import { MAIN_MENU } from './main-menu-rows.ts';

const i18n = createI18n();
const polls: Feature = {
  name: 'polls',
  menu: { polls: (ctx) => ctx.reply('polls opened') },
  flows: [{ id: 'poll', builder: async (conversation) => (await conversation.wait()).reply('the poll took it') }],
};
const menuBot = (locale: 'kk' | 'ru', features: Feature[] = [polls]) =>
  recordingBot([...features, createMenu(i18n, features, () => [{ command: 'polls', descriptionKey: 'polls:commands.polls' }])], { locale });

describe('the main menu', () => {
  it.each([
    ['kk', 'Не істегіңіз келетінін таңдаңыз 👇'],
    ['ru', 'Выберите, что хотите сделать 👇'],
  ] as const)('is shown on /menu in its order and labels (%s)', async (locale, prompt) => {
    const bot = menuBot(locale);
    await bot.send('/menu');
    expect(bot.replies()).toEqual([prompt]);
    expect(bot.keyboard()).toEqual(MAIN_MENU[locale]);
  });

  it('opens a capability from its label in either language', async () => {
    const bot = menuBot('kk');
    await bot.send('📊 Сауалнамалар');
    await bot.send('📊 Опросы');
    expect(bot.replies()).toEqual(['polls opened', 'polls opened']);
  });

  it.each([
    ['kk', '«🤝 Еріктілік» бөлімі жақында іске қосылады. Ол жұмыс істей бастағанда хабарлаймыз. Әзірге мәзірдің басқа бөлімдерін пайдалана аласыз.'],
    ['ru', '«🤝 Волонтёрство» скоро появится. Мы сообщим, когда раздел заработает. Пока можно воспользоваться другими пунктами меню.'],
  ] as const)('says a capability that is not running is coming, naming it (%s)', async (locale, answer) => {
    const bot = menuBot(locale);
    await bot.send(MAIN_MENU[locale][2]![1]!);
    expect(bot.replies()).toEqual([answer]);
  });

  it('lists on /help every command Telegram shows, one a line, under what the bot does', async () => {
    const bot = menuBot('ru');
    await bot.send('ℹ️ Помощь');
    const help = bot.replies()[0]!.split('\n');
    expect(help[0]).toBe('<b>Азамат</b> — бот для жителей Казахстана.');
    expect(help.slice(-2)).toEqual(['Команды:', '/polls — Мои опросы']);
  });

  it('leaves a waiting flow on /cancel and says nothing was sent', async () => {
    const bot = menuBot('ru', [{ ...polls, menu: { polls: (ctx) => ctx.conversation.enter('poll') } }]);
    await bot.send('📊 Опросы');
    await bot.send('/cancel');
    await bot.send('Да');
    expect(bot.replies()).toEqual(['Отменено. Ничего не отправлено. Вы в главном меню 👇']);
    expect(bot.keyboard()).toEqual(MAIN_MENU.ru);
  });
});
