// The bot's context type: grammY's context plus session, conversations and what our middleware adds.
import type { ConversationFlavor } from '@grammyjs/conversations';
import type { Context, SessionFlavor } from 'grammy';
import type { Citizen } from '../generated/prisma/client.ts';
import type { Services } from '../core/services.ts';
import type { Locale, TFunction } from '../core/i18n/i18n.ts';
import type { DroppedFlow } from './flow-storage.ts';
import type { BotCatalog } from './menu.ts';

/** Only the locale and flow pointers live here; domain data lives in tables. */
export interface SessionData {
  /** chosen before consent, when there is no citizen row yet */
  locale?: Locale;
  /** a /start payload waiting for consent to finish */
  pendingStart?: string;
}

export interface AppFlavor {
  services: Services;
  locale: Locale;
  t: TFunction;
  /** the citizen behind this update, or null before consent */
  citizen: Citizen | null;
  /** the main menu, deep links and commands of the installed features */
  catalog: BotCatalog;
  /** the citizen row as the update's first statement read it (bot/middleware/chat-unit.ts), for appContext */
  citizenRead?: Citizen | null;
  /** conversations of this chat that an update of the bot made stale (set by the conversation storage) */
  droppedFlows?: DroppedFlow[];
}

export type BotContext = ConversationFlavor<Context & SessionFlavor<SessionData> & AppFlavor>;

/**
 * Inside conversations: the services, the language and who the citizen is, taken once from the
 * outside context (through `conversation.external`, so replays read nothing from the database).
 */
export interface FlowFlavor {
  services: Services;
  locale: Locale;
  t: TFunction;
  citizenId: number | null;
  catalog: BotCatalog;
}
export type FlowContext = Context & FlowFlavor;
