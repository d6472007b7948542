// How core reaches a chat without knowing the chat's protocol: a message is text (plain, or HTML with
// the few tags Telegram allows) and what it offers to press. The bot's Telegram layer implements this
// (bot/telegram/chat-port.ts) and says how a refusal should be taken, as a ChatFailure.
import type { Offers } from '../offers/button.ts';

export interface ChatMessage {
  text: string;
  /** the text is HTML (Telegram's subset), not plain */
  html?: boolean;
  offers?: Offers;
}

export interface ChatPort {
  send(chatId: bigint, m: ChatMessage): Promise<{ messageId: number }>;
  /** Replaces a message sent before; nothing to change, or a message deleted meanwhile, both count as done. */
  edit(chatId: bigint, messageId: number, m: ChatMessage): Promise<void>;
  /**
   * A message queued by a release before messages were neutral ({method, params} outbox payloads),
   * sent as it was stored. `params` includes chat_id.
   */
  sendLegacy(method: string, params: Record<string, unknown>): Promise<{ messageId: number | null }>;
}

/**
 * A refusal, by what to do about it:
 * - flood: asked to send nothing for `retryAfterMs`;
 * - gone: the chat is closed to us (blocked, deleted, the bot removed from it);
 * - transient: the network or the chat service failed, worth trying again;
 * - rejected: this message was refused, and would be again.
 */
export type ChatFailureKind = 'flood' | 'gone' | 'transient' | 'rejected';

export class ChatFailure extends Error {
  constructor(
    readonly kind: ChatFailureKind,
    /** the service's own words, for the log and the outbox row */
    description: string,
    readonly retryAfterMs?: number,
  ) {
    super(description);
    this.name = 'ChatFailure';
  }
}

/** Anything a send threw, as a ChatFailure: what is not one already (a bug, a lost connection) is worth a retry. */
export function asChatFailure(e: unknown): ChatFailure {
  if (e instanceof ChatFailure) return e;
  return new ChatFailure('transient', e instanceof Error ? e.message : String(e));
}
