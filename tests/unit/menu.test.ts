// The main menu: its order and labels in both languages, a label opening its capability (whichever
// language it was shown in), only the entries of the capabilities running, /help built from the commands
// Telegram shows, and /cancel leaving a waiting flow. Each feature brings its own entries (bot/menu.ts).
import { describe, expect, it } from 'vitest';
import { createMenu } from '../../bot/citizens/main-menu.ts';
import type { Feature } from '../../bot/features.ts';
import { recordingBot } from '../helpers/bot-recorder.ts';
import { MAIN_MENU, menuEntries } from './main-menu-rows.ts';

const polls: Feature = {
  name: 'polls',
  menu: [{ key: 'polls', order: 30, labelKey: 'common:menu.polls', open: (ctx) => ctx.reply('polls opened') }],
  commands: [{ command: 'polls', descriptionKey: 'polls:commands.polls', order: 50 }],
  flows: [{ id: 'poll', version: 1, builder: async (conversation) => (await conversation.wait()).reply('the poll took it') }],
};
/** The other capabilities' entries, as their features declare them (the menu's own help comes from createMenu). */
const others = menuEntries([
  ['report', 10],
  ['my_reports', 11],
  ['ask', 20],
  ['topics', 21],
  ['volunteer', 31],
  ['settings', 40],
]);
const menuBot = (locale: 'kk' | 'ru', features: Feature[] = [polls, others]) => recordingBot([...features, createMenu()], { locale });

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

  it('shows only the entries of the capabilities running, in their order', async () => {
    const bot = menuBot('ru', [polls]);
    await bot.send('/menu');
    expect(bot.keyboard()).toEqual([['📊 Опросы'], ['ℹ️ Помощь']]);
  });

  it('lists on /help every command Telegram shows, one a line, under what the bot does', async () => {
    const bot = menuBot('ru');
    await bot.send('ℹ️ Помощь');
    const help = bot.replies()[0]!.split('\n');
    expect(help[0]).toBe('<b>Азамат</b> — бот для жителей Казахстана.');
    expect(help.slice(-5)).toEqual([
      'Команды:',
      '/menu — Главное меню',
      '/help — Справка: все команды',
      '/cancel — Отменить текущее действие',
      '/polls — Мои опросы',
    ]);
  });

  it('leaves a waiting flow on /cancel and says nothing was sent', async () => {
    const bot = menuBot('ru', [{ ...polls, menu: [{ ...polls.menu![0]!, open: (ctx) => ctx.conversation.enter('poll') }] }, others]);
    await bot.send('📊 Опросы');
    await bot.send('/cancel');
    await bot.send('Да');
    expect(bot.replies()).toEqual(['Отменено. Ничего не отправлено. Вы в главном меню 👇']);
    expect(bot.keyboard()).toEqual(MAIN_MENU.ru);
  });
});
