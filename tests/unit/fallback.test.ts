// The last handler in the chain: text no feature took is answered with the main menu, and a button from
// an old message (or a flow that has ended) stops its spinner with a short note, in the citizen's language.
import { describe, expect, it } from 'vitest';
import { fallback } from '../../bot/fallback.ts';
import { recordingBot } from '../helpers/bot-recorder.ts';
import { MAIN_MENU, menuEntries } from './main-menu-rows.ts';

const SAID = {
  kk: {
    unknown: 'Хабарламаңызды түсінбедім. Төмендегі мәзірден таңдаңыз немесе /help жіберіңіз.',
    stale: 'Бұл батырма енді жұмыс істемейді. Мәзірді қайта ашыңыз.',
  },
  ru: {
    unknown: 'Не понял сообщение. Выберите пункт меню ниже или отправьте /help.',
    stale: 'Эта кнопка уже не действует. Откройте меню заново.',
  },
};

describe.each(['kk', 'ru'] as const)('fallback (%s)', (locale) => {
  it('answers text nobody handled with the main menu', async () => {
    const bot = recordingBot([menuEntries(), fallback()], { locale });
    await bot.send('сәлем, бұл не?');
    expect(bot.replies()).toEqual([SAID[locale].unknown]);
    expect(bot.keyboard()).toEqual(MAIN_MENU[locale]);
  });

  it('stops a stale button’s spinner with a short note, not a window', async () => {
    const bot = recordingBot([fallback()], { locale });
    await bot.press('vo:conf:12:y');
    expect(bot.alerts()).toEqual([{ text: SAID[locale].stale, show_alert: false }]);
    expect(bot.replies()).toEqual([]);
  });

  it('stays silent in a staff group', async () => {
    const bot = recordingBot([fallback()], { locale });
    await bot.send('коллеги, кто возьмёт обращение?', { chat: 'group' });
    expect(bot.calls).toEqual([]);
  });
});
