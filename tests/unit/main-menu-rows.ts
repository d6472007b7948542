// The main menu as the citizen sees it, row by row (each feature's `menu` entries, bot/menu.ts), in each language.
import type { Feature } from '../../bot/features.ts';

export const MAIN_MENU = {
  kk: [
    ['📝 Өтініш беру', '📋 Менің өтініштерім'],
    ['❓ Сұрақ қою', '🗣 Тақырып талқылау'],
    ['📊 Сауалнамалар', '🤝 Еріктілік'],
    ['⚙️ Баптаулар', 'ℹ️ Анықтама'],
  ],
  ru: [
    ['📝 Подать обращение', '📋 Мои обращения'],
    ['❓ Задать вопрос', '🗣 Обсуждение тем'],
    ['📊 Опросы', '🤝 Волонтёрство'],
    ['⚙️ Настройки', 'ℹ️ Помощь'],
  ],
};

/** The entries of the main menu as the capabilities' features declare them, each opening to a note of its key. */
export const menuEntries = (keys: ReadonlyArray<readonly [key: string, order: number]> = MENU_ORDER): Feature => ({
  name: 'menu-entries',
  menu: keys.map(([key, order]) => ({ key, order, labelKey: `common:menu.${key}`, open: (ctx) => ctx.reply(`${key} opened`) })),
});

const MENU_ORDER = [
  ['report', 10],
  ['my_reports', 11],
  ['ask', 20],
  ['topics', 21],
  ['polls', 30],
  ['volunteer', 31],
  ['settings', 40],
  ['help', 41],
] as const;
