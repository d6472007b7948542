import type { BotCommand, BotCommandScope, Chat, ChatMember, Message, ResponseParameters, Update, User, UserFromGetMe } from 'grammy/types';
import type { UploadedFile } from './body-parser.js';

export type { UploadedFile };

export interface FakeTelegramLimits {
  /** Messages per sliding second across all chats (Telegram: ~30). */
  globalPerSecond?: number;
  /** Messages per sliding second to one chat (Telegram: ~1). */
  perChatPerSecond?: number;
  /** Messages per sliding minute to one group/supergroup (Telegram: 20). */
  perGroupPerMinute?: number;
}

export interface FakeTelegramOptions {
  /** Default '123456:TEST'; the part before ':' becomes the bot's user id. */
  token?: string;
  /** Reject send*, copyMessage and forwardMessage beyond Telegram's flood limits with 429. */
  enforceLimits?: boolean;
  /** Override the limit values used when enforceLimits is on. */
  limits?: FakeTelegramLimits;
  /** Share (0..1) of send*, copyMessage and forwardMessage calls answered with 429/500/502 instead of being delivered. */
  failureRate?: number;
  /** Seed for failureRate so a flaky scenario replays identically. Default 1. */
  seed?: number;
  /** Delay added before every API response. */
  latencyMs?: number;
  /** Answer 400 'chat not found' for chats the fake has never seen (real Telegram does). Default false. */
  strictChats?: boolean;
  /**
   * Deliver updates to the webhook the bot registered, as Telegram does: one update of a chat at a time, in
   * order, resent when the bot does not answer 2xx within `timeoutMs` (the first attempt may still be running
   * then: Telegram's retry after a timeout). Off by default (tests then call postToWebhook themselves).
   */
  webhookDelivery?: WebhookDeliveryOptions;
}

export interface WebhookDeliveryOptions {
  /** where to POST instead of the registered URL (Telegram wants https://; tests serve http) */
  url?: string;
  /** how long an attempt may take before the update is sent again; default 10 s */
  timeoutMs?: number;
  /** pause before a failed or timed-out update is sent again; default 200 ms */
  retryDelayMs?: number;
  /** updates in flight at once, across chats (Telegram's max_connections); default 40 */
  maxConnections?: number;
}

export interface WebhookAttempt {
  updateId: number;
  /** 1 for the first delivery, 2 for the first retry … */
  attempt: number;
  /** HTTP status, or 'timeout' / 'error' */
  outcome: number | 'timeout' | 'error';
  at: number;
}

/** One kind of failure, for the next `times` calls that match. */
export interface FaultSpec {
  /** a method name, or a test on the call; default: every method (getUpdates never) */
  method?: string | ((method: string, payload: Record<string, unknown>) => boolean);
  /**
   * 'error': answer `status` (and retry_after for 429); 'timeout': never answer, until the client gives up;
   * 'slow': carry the call out, answering after `delayMs`
   */
  kind: 'error' | 'timeout' | 'slow';
  /** for 'slow' */
  delayMs?: number;
  /** for 'error': 500, 502, 429 …; default 500 */
  status?: number;
  /** for 429: seconds; default 1 */
  retryAfter?: number;
  /** how many matching calls fail; default 1 */
  times?: number;
}

export interface InjectedFault {
  /** calls that met this fault so far */
  readonly hits: number;
  /** true once all its `times` are used */
  readonly spent: boolean;
}

export type ApiResponse =
  { ok: true; result: unknown; description?: string } | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export interface RecordedCall {
  method: string;
  /** Request parameters after decoding (form values coerced like the Bot API does). Uploaded files appear as 'attach://<field>'. */
  payload: Record<string, unknown>;
  /** Arrival time, epoch ms. */
  at: number;
  response: ApiResponse;
  /** HTTP status returned. */
  status: number;
  /** File parts of a multipart request. */
  uploads: UploadedFile[];
  /** Why a failure was produced artificially, if it was ('fault' and 'timeout': injectFault). */
  injected?: 'rate-limit' | 'failure' | 'fault' | 'timeout';
  /** True when the call came back in a webhook response body instead of an HTTP request. */
  viaWebhookReply?: boolean;
}

export interface DeliveredMessage {
  method: string;
  chatId: number;
  message: Message;
  payload: Record<string, unknown>;
  at: number;
}

export interface WebhookState {
  url: string;
  secretToken?: string;
  allowedUpdates?: string[];
  maxConnections?: number;
}

export interface WaitForOptions {
  /** Default 3000. */
  timeoutMs?: number;
  /** Only consider calls with index >= fromIndex in `fake.calls` (e.g. `fake.calls.length` taken earlier). Default 0. */
  fromIndex?: number;
}

export interface ScriptedUserOptions {
  /** Default: a fresh id from 100000001 upwards. */
  id?: number;
  /** Default 'Test'. */
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: true;
  /** Used when the user presses a request_contact reply button. Default derived from the id. */
  phone_number?: string;
}

export interface UserMediaOptions {
  caption?: string;
  mediaGroupId?: string;
}

export interface WaitForReplyOptions {
  timeoutMs?: number;
  /** Substring or pattern the text/caption must match. */
  match?: string | RegExp;
}

export interface ScriptedUser {
  readonly id: number;
  readonly info: User;
  readonly chat: Chat.PrivateChat;
  readonly blocked: boolean;
  /** Text message; '/cmd' and '/cmd payload' get a bot_command entity. */
  send(text: string, opts?: { replyTo?: number }): Promise<Update>;
  /** Callback query with this data, attached to the bot's latest message carrying it (else the bot's latest message). */
  press(callbackData: string, opts?: { messageId?: number }): Promise<Update>;
  /** Presses a button of the latest inline keyboard by label; falls back to the active reply keyboard (sends its text, contact or location). */
  pressButton(label: string | RegExp): Promise<Update>;
  sendPhoto(opts?: UserMediaOptions & { width?: number; height?: number }): Promise<Update>;
  sendVideo(opts?: UserMediaOptions & { duration?: number; width?: number; height?: number }): Promise<Update>;
  sendVoice(opts?: { duration?: number; caption?: string }): Promise<Update>;
  sendAudio(opts?: UserMediaOptions & { duration?: number; title?: string; performer?: string; fileName?: string }): Promise<Update>;
  sendDocument(opts?: UserMediaOptions & { fileName?: string; mimeType?: string; fileSize?: number }): Promise<Update>;
  sendSticker(opts?: { emoji?: string }): Promise<Update>;
  sendLocation(latitude: number, longitude: number): Promise<Update>;
  sendContact(contact: { phone_number: string; user_id?: number; first_name?: string; last_name?: string }): Promise<Update>;
  /** From now on the bot gets 403 for this chat. Enqueues a my_chat_member update unless notify is false. */
  block(opts?: { notify?: boolean }): Promise<Update | undefined>;
  unblock(opts?: { notify?: boolean }): Promise<Update | undefined>;
  /** Messages the bot sent (or edited) to this user, oldest first. */
  messages(): Message[];
  /** Texts and captions of messages(). */
  texts(): string[];
  lastMessage(): Message | undefined;
  /** Labels of the latest keyboard (inline or reply) the bot showed this user; [] if none or removed. */
  lastKeyboard(): string[][];
  /** Next bot message to this user after the user's latest action (or matching `match`). */
  waitForReply(opts?: WaitForReplyOptions): Promise<Message>;
}

export interface FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly port: number;
  readonly botInfo: UserFromGetMe;
  /** Every API call in completion order (live array). */
  readonly calls: RecordedCall[];
  /** Successful send*, copyMessage and forwardMessage results, one entry per message (live array). */
  readonly delivered: DeliveredMessage[];
  /** Updates queued and not yet acknowledged through getUpdates' offset. */
  readonly pendingUpdates: readonly Update[];
  readonly webhook: WebhookState | undefined;
  callsTo(method: string): RecordedCall[];
  /** Messages the bot sent to that chat, including editMessage* results, in order. */
  sentTo(chatId: number): Message[];
  lastMessageTo(chatId: number): Message | undefined;
  /** Current state of the chat as a user would see it: both sides, edits applied, deletions removed. */
  visibleMessages(chatId: number): Message[];
  waitFor(predicate: string | ((call: RecordedCall) => boolean), opts?: WaitForOptions): Promise<RecordedCall>;
  /** Forgets calls, deliveries, pending updates, rate windows and blocks; keeps users, chats, messages, files, webhook and commands. */
  reset(): void;
  user(opts?: ScriptedUserOptions): ScriptedUser;
  /** Enqueue a raw update; update_id is assigned when missing. Messages and files in it become known to the fake. */
  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update;
  /** POST the update to the URL from setWebhook with the recorded secret header; returns the HTTP status. */
  postToWebhook(update: Update): Promise<number>;
  /** Every webhook delivery attempt made by `webhookDelivery` (live array). */
  readonly webhookAttempts: WebhookAttempt[];
  /** The next `times` calls matching the spec fail as it says (see FaultSpec). */
  injectFault(spec: FaultSpec): InjectedFault;
  /** Forgets every injected fault not yet used up. */
  clearFaults(): void;
  /** Bytes behind a file_id, as served by the download endpoint. */
  fileBytes(fileId: string): Buffer | undefined;
  /** What getChatMember answers for (chatId, userId); default is 'member'. */
  setChatMember(chatId: number, member: ChatMember): void;
  /**
   * Telegram down: while true every Bot API call but getUpdates answers 502 Bad Gateway (nothing is
   * delivered); false brings it back.
   */
  setDown(down: boolean): void;
  /** Commands stored by setMyCommands for that scope/language. */
  myCommands(opts?: { scope?: BotCommandScope; language_code?: string }): BotCommand[];
  /** Give a group/supergroup/channel a proper title/username (ids < 0 are otherwise auto-named). */
  registerChat(chat: Chat): void;
  close(): Promise<void>;
}
