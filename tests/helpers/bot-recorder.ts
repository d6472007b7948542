// Unit tests of bot pieces in grammY's style: a real Bot with a known identity, whose API calls are
// recorded and answered with canned results (no network), and whose context middleware puts stubbed
// services, the translator and the citizen on the context, as bot/middleware/app-context.ts does
// (no database). Updates go through bot.handleUpdate, so handlers, filters and conversations run as
// they do in the bot; sessions and conversations live in memory.
import { conversations, createConversation, type ConversationBuilder } from '@grammyjs/conversations';
import { Bot, session, type Middleware } from 'grammy';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { Citizen } from '../../generated/prisma/client.ts';
import type { BotContext, FlowContext, SessionData } from '../../bot/context.ts';
import { errorBoundary } from '../../bot/error-boundary.ts';
import type { Feature } from '../../bot/features.ts';
import { buildCatalog } from '../../bot/menu.ts';
import { chooseLocale, flowContext } from '../../bot/middleware/app-context.ts';
import { createI18n, type Locale } from '../../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import { testLogger } from './silent-logger.ts';

/** Only the parts of the services a test names; reaching any other part fails with its name. */
export type ServiceStubs = { [K in keyof ServicesWithDb]?: Stub<ServicesWithDb[K]> };
// Any function may stand in for a method (vi.fn() among them), however it is typed.
type Stub<T> = T extends (...args: never[]) => unknown ? (...args: any[]) => any : T extends object ? { [K in keyof T]?: Stub<T[K]> } : T;

function stubServices(stubs: object, path = 'services'): ServicesWithDb {
  return new Proxy(stubs, {
    get(target, key) {
      if (typeof key === 'symbol' || key === 'then') return Reflect.get(target, key);
      if (!(key in target)) throw new Error(`${path}.${key} is not stubbed in this test`);
      const value: unknown = Reflect.get(target, key);
      return value !== null && typeof value === 'object' ? stubServices(value, `${path}.${key}`) : value;
    },
  }) as ServicesWithDb;
}

export interface RecordedApiCall {
  method: string;
  // The payload is read field by field by the tests.
  payload: Record<string, any>;
}

export interface RecorderOptions {
  services?: ServiceStubs;
  /** the language of the update's sender and, when there is one, of the citizen (default ru) */
  locale?: Locale;
  /** the citizen behind the updates; null before consent (default: citizen 7, in `locale`) */
  citizen?: Partial<Citizen> | null;
}

export interface Recorder {
  bot: Bot<BotContext>;
  /** every Bot API call the bot made, in order */
  calls: RecordedApiCall[];
  /**
   * a text message from the citizen (a command when it starts with '/'), in their private chat or in a group;
   * `replyTo`: as a reply to the bot's message with this id
   */
  send(text: string, opts?: { chat?: 'private' | 'group'; replyTo?: number }): Promise<void>;
  /** a press of an inline button with this callback data, under a message the bot sent (in the private chat unless told) */
  press(data: string, opts?: { chat?: 'private' | 'group' }): Promise<void>;
  /** the texts the bot sent or put in place of a message, in order */
  replies(): string[];
  /** the answers to pressed buttons: the alert's text (if any) and whether it is shown as a window */
  alerts(): Array<{ text?: string; show_alert?: boolean }>;
  /** the button labels of the last keyboard the bot sent, by row, as the citizen sees them */
  keyboard(): string[][];
}

const i18n = createI18n();

/** A bot as Telegram knows it, set so that grammY never calls getMe; the bot reads no other field of getMe's answer. */
const BOT_INFO = { id: 42, is_bot: true, first_name: 'Azamat', username: 'azamat_unit_bot' } as UserFromGetMe;
const CITIZEN_CHAT = 1001;
const GROUP_CHAT = -1_001_234_567;

const isFeature = (part: Feature | Middleware<BotContext>): part is Feature => typeof part === 'object' && 'name' in part && !('middleware' in part);

/**
 * A bot that runs `parts` (features with their flows and composers, or middleware such as fallback())
 * in the order given, inside the bot's error boundary, for a citizen in `locale`.
 */
export function recordingBot(parts: Array<Feature | Middleware<BotContext>>, opts: RecorderOptions = {}): Recorder {
  const locale = opts.locale ?? 'ru';
  const citizen = opts.citizen === null ? null : ({ id: 7, locale, ...opts.citizen } as Citizen);
  const services = stubServices(opts.services ?? {});
  const calls: RecordedApiCall[] = [];
  let nextMessageId = 500;
  let nextUpdateId = 1;

  // Recorded where the request would leave for Telegram: conversations call the Bot API through an Api
  // of their own (the same client options, not the bot's transformers), and replays do not call it.
  const fetch = (url: string, init: { body?: string }) => {
    const method = url.slice(url.lastIndexOf('/') + 1);
    const payload = (init.body ? JSON.parse(init.body) : {}) as Record<string, unknown>;
    calls.push({ method, payload });
    const sent = method.startsWith('send') || (method === 'editMessageText' && !payload.inline_message_id);
    const result = sent ? { message_id: nextMessageId++, date: 0, chat: { id: payload.chat_id, type: 'private' }, text: payload.text } : true;
    return Promise.resolve({ json: () => Promise.resolve({ ok: true, result }) });
  };
  const bot = new Bot<BotContext>('42:unit-test', { botInfo: BOT_INFO, client: { fetch: fetch as never } });

  const features = parts.filter(isFeature);
  // What the features offer together (menu, deep links, commands), as createBot builds it.
  const catalog = buildCatalog(features, i18n);
  bot.use(session<SessionData, BotContext>({ initial: () => ({}) }));
  bot.use(async (ctx, next) => {
    ctx.services = services;
    ctx.catalog = catalog;
    ctx.citizen = citizen;
    ctx.locale = chooseLocale(ctx, ctx.chat?.type === 'private' ? ctx.session.locale : undefined);
    ctx.t = i18n.getFixedT(ctx.locale);
    await next();
  });
  const flowPlugin = flowContext(services, i18n, catalog);
  bot.use(conversations<BotContext, FlowContext>({ plugins: (conversation) => [flowPlugin(conversation)] }));
  const guarded = bot.errorBoundary(errorBoundary(testLogger));
  for (const flow of features.flatMap((f) => f.flows ?? []))
    guarded.use(createConversation<BotContext, FlowContext>(flow.builder as ConversationBuilder<BotContext, FlowContext>, flow.id));
  for (const part of parts) {
    if (!isFeature(part)) guarded.use(part);
    else if (part.composer) guarded.use(part.composer);
  }

  const from: User = { id: CITIZEN_CHAT, is_bot: false, first_name: 'Дана', language_code: locale };
  const privateChat: Chat.PrivateChat = { id: CITIZEN_CHAT, type: 'private', first_name: 'Дана' };
  const groupChat: Chat.SupergroupChat = { id: GROUP_CHAT, type: 'supergroup', title: 'Staff' };
  const botUser: User = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name };
  const handle = (update: Omit<Update, 'update_id'>) => bot.handleUpdate({ update_id: nextUpdateId++, ...update } as Update);
  const sentBy = (name: string) => calls.filter((c) => c.method === name);

  return {
    bot,
    calls,
    send(text, { chat = 'private', replyTo } = {}) {
      const command = text.startsWith('/') ? [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }] : undefined;
      const where = chat === 'private' ? privateChat : groupChat;
      const reply = replyTo === undefined ? undefined : { message_id: replyTo, date: 0, chat: where, from: botUser, text: '…' };
      const message = { message_id: nextMessageId++, date: 0, chat: where, from, text, entities: command, ...(reply ? { reply_to_message: reply } : {}) };
      return handle({ message: message as Update['message'] });
    },
    press(data, { chat = 'private' } = {}) {
      const message = { message_id: 1, date: 0, chat: chat === 'private' ? privateChat : groupChat, from: botUser, text: '…' };
      return handle({ callback_query: { id: String(nextUpdateId), from, chat_instance: 'unit', data, message: message as Message } });
    },
    replies: () => calls.filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText').map((c) => String(c.payload.text)),
    alerts: () => sentBy('answerCallbackQuery').map((c) => ({ text: c.payload.text, show_alert: c.payload.show_alert })),
    keyboard() {
      const markup = calls.filter((c) => c.payload.reply_markup !== undefined).at(-1)?.payload.reply_markup as
        { keyboard?: Array<Array<{ text: string }>>; inline_keyboard?: Array<Array<{ text: string }>> } | undefined;
      // An empty row (the builder's last row()) shows nothing.
      return (markup?.keyboard ?? markup?.inline_keyboard ?? []).filter((row) => row.length > 0).map((row) => row.map((b) => b.text));
    },
  };
}
