// A capability plugs into the bot as Features: a composer, its conversations, its main-menu entries,
// its deep links and its commands. create-bot.ts installs what the capabilities' manifests hand it.
import type { Conversation } from '@grammyjs/conversations';
import type { Composer } from 'grammy';
import type { Services } from '../core/services.ts';
import type { BotContext, FlowContext } from './context.ts';

/**
 * A conversation: `ctx.conversation.enter(id, ...args)` starts it. Its buttons' callback data must
 * begin with FLOW_BUTTON ('@'); any other button, a command or a main-menu label leaves the waiting
 * conversation untouched and goes to its own handler.
 *
 * `id` is a stored name (the conversation's key in the chat state): never rename one. Raise `version`
 * whenever a change alters the order or number of the flow's `conversation.external`/`wait` calls: a
 * citizen in the middle of the older version is then told the bot was updated and the flow starts again
 * from their saved draft, instead of replaying a log that no longer fits (bot/flow-storage.ts).
 * `npm run flows:stamp` records the sources each version was stamped with (bot/flow-versions.json).
 */
export interface FlowDefinition {
  id: string;
  version: number;
  builder: (conversation: Conversation<BotContext, FlowContext>, ctx: FlowContext, ...args: never[]) => Promise<unknown>;
  /** how a dropped conversation starts again (default: entered anew with its arguments) */
  resume?: (ctx: BotContext, args: unknown[]) => Promise<unknown>;
}

export const FLOW_BUTTON = '@';

/**
 * One button of the main menu (a reply keyboard). `order`: the tens pick the row, the units the place in
 * it (10 report, 11 my reports; 20 ask, 21 topics; …), so a capability that is absent leaves no gap.
 */
export interface MenuEntry {
  key: string;
  order: number;
  /** i18n key of the label; the label is also how the button is recognised, in either language */
  labelKey: string;
  open(ctx: BotContext): Promise<unknown>;
}

/** A bot command shown in Telegram's command menu and in /help, in `order`. */
export interface CommandEntry {
  command: string;
  /** i18n key of the description */
  descriptionKey: string;
  order: number;
}

export interface Feature {
  /** unique among the features */
  name: string;
  composer?: Composer<BotContext>;
  /** conversations, registered before every composer so that any handler may enter them */
  flows?: FlowDefinition[];
  menu?: MenuEntry[];
  /**
   * Deep links `t.me/<bot>?start=<prefix>_<rest>` (Telegram allows [A-Za-z0-9_-], up to 64 chars).
   * The handler runs after consent.
   */
  deepLinks?: Record<string, (ctx: BotContext, rest: string) => Promise<unknown>>;
  commands?: CommandEntry[];
  /** what /mydata shows after the summary of every section (e.g. the stories of change, each with its buttons) */
  myData?: (ctx: BotContext) => Promise<unknown>;
  /**
   * Loads what the feature's updates read from caches (e.g. the reference data), when the bot starts: an update
   * within the caches' TTL after start (60 s for the reference data and the calendar) then costs what the others
   * do (issue 23). After that the first reader past the TTL refills a cache, as before: warming only saves the
   * first updates after a start their load.
   */
  warm?: (services: Services) => Promise<unknown>;
}

export function parseStartPayload(payload: string): { prefix: string; rest: string } | null {
  const m = /^([a-z]+)_([A-Za-z0-9_-]{1,60})$/.exec(payload.trim());
  return m ? { prefix: m[1]!, rest: m[2]! } : null;
}
