// A capability plugs into the bot as a Feature: its composer, its main-menu item and its deep links.
import type { Conversation } from '@grammyjs/conversations';
import type { Composer } from 'grammy';
import type { BotContext, FlowContext } from './context.ts';

/**
 * A conversation: `ctx.conversation.enter(id, ...args)` starts it. Its buttons' callback data must
 * begin with FLOW_BUTTON ('@'); any other button, a command or a main-menu label leaves the waiting
 * conversation untouched and goes to its own handler.
 */
export interface FlowDefinition {
  id: string;
  builder: (conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext, ...args: never[]) => Promise<unknown>;
}

export const FLOW_BUTTON = '@';

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
  /** conversations, registered before every composer so that any handler may enter them */
  flows?: FlowDefinition[];
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
