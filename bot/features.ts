// A capability plugs into the bot as a Feature: its composer, its main-menu item and its deep links.
import type { Composer } from 'grammy';
import type { BotContext } from './context.ts';

export type MenuKey = 'report' | 'my_reports' | 'ask' | 'topics' | 'polls' | 'volunteer' | 'settings' | 'help';

/** Main-menu order; items whose feature has not landed yet answer that they are coming. */
export const MENU_LAYOUT: MenuKey[][] = [
  ['report', 'my_reports'],
  ['ask', 'topics'],
  ['polls', 'volunteer'],
  ['settings', 'help'],
];

export interface Feature {
  name: string;
  composer?: Composer<BotContext>;
  /** what the main-menu button opens */
  menu?: Partial<Record<MenuKey, (ctx: BotContext) => Promise<unknown>>>;
  /**
   * Deep links `t.me/<bot>?start=<prefix>_<rest>` (Telegram allows [A-Za-z0-9_-], up to 64 chars).
   * The handler runs after consent.
   */
  deepLinks?: Record<string, (ctx: BotContext, rest: string) => Promise<unknown>>;
  /** bot commands shown in Telegram's menu, by i18n key of the description */
  commands?: Array<{ command: string; descriptionKey: string }>;
}

export function parseStartPayload(payload: string): { prefix: string; rest: string } | null {
  const m = /^([a-z]+)_([A-Za-z0-9_-]{1,60})$/.exec(payload.trim());
  return m ? { prefix: m[1]!, rest: m[2]! } : null;
}
