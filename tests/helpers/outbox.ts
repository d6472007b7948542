// What an outbox row becomes at Telegram: the sendMessage parameters (without chat_id) that the bot's
// ChatPort renders from the stored neutral message, or the stored parameters of a legacy row. Tests that
// read what a citizen would receive assert these, so the buttons' callback data is checked as Telegram gets it.
import { isLegacy, type LegacyPayload, type StoredMessage } from '../../core/outbox/outbox-repository.ts';
import { telegramParams } from '../../bot/telegram/chat-port.ts';

export interface SentParams {
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
  [key: string]: unknown;
}

export function sentParams(row: { payload: unknown }): SentParams {
  const p = row.payload as StoredMessage | LegacyPayload;
  return (isLegacy(p) ? p.params : telegramParams(p)) as SentParams;
}

/** The callback data of every button under the message, row by row flattened. */
export const sentButtons = (row: { payload: unknown }): string[] => (sentParams(row).reply_markup?.inline_keyboard ?? []).flat().map((b) => b.callback_data);
