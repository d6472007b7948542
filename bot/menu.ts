// The main menu: a persistent reply keyboard, the easiest thing to tap on a small phone.
import { Keyboard } from 'grammy';
import type { TFunction } from '../core/i18n/i18n.ts';
import { MENU_LAYOUT, type MenuKey } from './features.ts';
import type { i18n } from 'i18next';
import { LOCALES } from '../core/i18n/i18n.ts';

export function mainMenu(t: TFunction): Keyboard {
  const kb = new Keyboard();
  for (const row of MENU_LAYOUT) {
    for (const key of row) kb.text(t(`common:menu.${key}`));
    kb.row();
  }
  return kb.resized().persistent();
}

/** Label → menu key in every language, so a button works whatever language it was shown in. */
export function menuLabels(i18n: i18n): Map<string, MenuKey> {
  const labels = new Map<string, MenuKey>();
  for (const lng of LOCALES) {
    const t = i18n.getFixedT(lng);
    for (const key of MENU_LAYOUT.flat()) labels.set(t(`common:menu.${key}`), key);
  }
  return labels;
}
