// Core's ChatPort (core/outbox/chat-port.ts) over the Telegram Bot API: a neutral message becomes
// sendMessage / editMessageText parameters, its offers an inline keyboard, and Telegram's errors a
// ChatFailure that says what to do about them. The outbox dispatcher, the staff groups' sync and the
// bot's own refresh of a group post all go through this one translation.
import { ChatFailure, type ChatMessage, type ChatPort } from '../../core/outbox/chat-port.ts';
import type { Offers } from '../../core/offers/button.ts';

/** One Bot API call, as grammY's `api.raw[method](params)` makes it (the jobs' client, or a test's fake). */
export type SendFn = (method: string, params: Record<string, unknown>) => Promise<unknown>;

/** What a Bot API call throws: grammY's GrammyError has exactly these fields; network errors have none. */
interface ApiFailure {
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
  message?: string;
}

/** The recipient blocked the bot, or the chat is no more (Telegram answers 400 for some of these, 403 for most). */
const BLOCKED = /bot was blocked|user is deactivated|bot was kicked|chat not found|not enough rights to send|have no rights to send|PEER_ID_INVALID/i;
/** Telegram refuses a whole group: the bot was removed, the group deleted or turned into a supergroup. */
const CHAT_GONE = /bot was kicked|chat not found|not enough rights|have no rights|bot is not a member|group chat was upgraded/i;
/** An edit with nothing to change (two refreshes of one change), or of a post deleted meanwhile: done either way. */
const ALREADY_DONE = /message is not modified|message to edit not found/i;

/** A Telegram error as a ChatFailure. */
export function chatFailureOf(e: unknown): ChatFailure {
  if (e instanceof ChatFailure) return e;
  const err = (e ?? {}) as ApiFailure;
  const description = err.description ?? err.message ?? String(e);
  const code = err.error_code;
  if (code === 429) return new ChatFailure('flood', description, Math.max(1, err.parameters?.retry_after ?? 1) * 1000);
  if (code === 403 || (code === 400 && (BLOCKED.test(description) || CHAT_GONE.test(description)))) return new ChatFailure('gone', description);
  // No code: the request never got an answer (a timeout, a lost connection).
  if (code === undefined || code >= 500) return new ChatFailure('transient', description);
  return new ChatFailure('rejected', description);
}

/** Offers as Telegram's inline keyboard rows. */
export const inlineKeyboardOf = (offers: Offers) => offers.map((row) => row.map((o) => ({ text: o.label, callback_data: o.data })));

/** The sendMessage / editMessageText parameters of a message, without the chat. */
export function telegramParams(m: ChatMessage): Record<string, unknown> {
  return {
    text: m.text,
    ...(m.html ? { parse_mode: 'HTML' } : {}),
    ...(m.offers && m.offers.length > 0 ? { reply_markup: { inline_keyboard: inlineKeyboardOf(m.offers) } } : {}),
  };
}

const messageIdOf = (response: unknown): number | null =>
  typeof response === 'object' && response && typeof (response as { message_id?: unknown }).message_id === 'number'
    ? (response as { message_id: number }).message_id
    : null;

export function telegramChat(raw: SendFn): ChatPort {
  const call = async (method: string, params: Record<string, unknown>) => {
    try {
      return await raw(method, params);
    } catch (e) {
      throw chatFailureOf(e);
    }
  };
  return {
    async send(chatId, m) {
      // sendMessage answers with the Message it sent.
      const response = (await call('sendMessage', { chat_id: Number(chatId), ...telegramParams(m) })) as { message_id: number };
      return { messageId: response.message_id };
    },
    async edit(chatId, messageId, m) {
      try {
        // Without reply_markup Telegram removes the buttons, which is what a post with nothing left to press needs.
        await raw('editMessageText', { chat_id: Number(chatId), message_id: messageId, ...telegramParams(m) });
      } catch (e) {
        if (!ALREADY_DONE.test((e as ApiFailure | undefined)?.description ?? '')) throw chatFailureOf(e);
      }
    },
    async sendLegacy(method, params) {
      return { messageId: messageIdOf(await call(method, params)) };
    },
  };
}
