import type { Chat, InlineKeyboardButton, KeyboardButton, Message, MessageEntity, PhotoSize, Update, User } from 'grammy/types';
import { unixNow } from './clock.js';
import type { FileKind } from './fake-files.js';
import { mimeFromName } from './fake-files.js';
import type { ScriptedUser, UserMediaOptions, WaitForReplyOptions } from './types.js';

/** A message as the fake keeps it: the live object plus what the bot asked for. */
export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  /** Bumped on send and on edit, so "latest keyboard" follows what the user last saw change. */
  seq: number;
  deleted: boolean;
  /** reply_markup as sent; reply keyboards never appear on Message objects, so they live here. */
  markup?: unknown;
}

export interface UserFileSpec {
  size?: number;
  mime_type?: string;
  file_name?: string;
  width?: number;
  height?: number;
  duration?: number;
}

/** What a scripted user needs from the fake server. */
export interface UserHost {
  readonly botUser: User;
  enqueue(update: Omit<Update, 'update_id'>): Update;
  /** Builds (but does not store) a message from the user in their private chat. */
  incoming(chatId: number, from: User, content: Record<string, unknown>, replyTo?: number): Message;
  registerUserFile(kind: FileKind, spec: UserFileSpec): { file_id: string; file_unique_id: string; file_size: number };
  userPhoto(width: number, height: number): PhotoSize[];
  stored(chatId: number): StoredMessage[];
  newCallbackQueryId(): string;
  outbox(chatId: number): Message[];
  waitForOutbox(
    chatId: number,
    fromIndex: number,
    accept: (m: Message) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<{ message: Message; index: number }>;
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Entities Telegram itself attaches to what users type; bots route commands by them. */
export function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  const scan = (re: RegExp, type: 'bot_command' | 'url' | 'email' | 'mention', group = 0): void => {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const prefix = group === 0 ? 0 : (m[1] ?? '').length;
      const value = m[group === 0 ? 0 : 2] ?? '';
      found.push({ type, offset: m.index + prefix, length: value.length } as MessageEntity);
    }
  };
  scan(/(^|\s)(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?)(?=$|\s)/g, 'bot_command', 2);
  scan(/\bhttps?:\/\/[^\s]+/g, 'url');
  scan(/\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, 'email');
  scan(/(^|[^\w@.])(@[A-Za-z][A-Za-z0-9_]{4,31})\b/g, 'mention', 2);
  found.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const result: MessageEntity[] = [];
  let end = -1;
  for (const e of found) {
    if (e.offset >= end) {
      result.push(e);
      end = e.offset + e.length;
    }
  }
  return result;
}

function inlineRows(message: Message): InlineKeyboardButton[][] {
  return message.reply_markup?.inline_keyboard ?? [];
}

function replyRows(markup: unknown): KeyboardButton[][] | undefined {
  if (typeof markup !== 'object' || markup === null || !('keyboard' in markup)) return undefined;
  const rows = (markup as { keyboard: unknown }).keyboard;
  return Array.isArray(rows) ? (rows as KeyboardButton[][]) : undefined;
}

function isRemoval(markup: unknown): boolean {
  return typeof markup === 'object' && markup !== null && 'remove_keyboard' in markup;
}

function replyLabel(button: KeyboardButton): string {
  return typeof button === 'string' ? button : button.text;
}

function labelMatches(text: string, label: string | RegExp): boolean {
  return typeof label === 'string' ? text === label : label.test(text);
}

function formatRows(rows: string[][]): string {
  return `[${rows.map((r) => `[${r.map((l) => JSON.stringify(l)).join(', ')}]`).join(', ')}]`;
}

// Astana, so location-based flows get a plausible Kazakhstan coordinate.
const DEFAULT_LOCATION = { latitude: 51.128207, longitude: 71.430411 };

export class ScriptedUserImpl implements ScriptedUser {
  blocked = false;
  /** Index into this user's outbox where waitForReply starts looking. */
  mark = 0;

  constructor(
    private readonly host: UserHost,
    readonly info: User,
    readonly chat: Chat.PrivateChat,
    private readonly phone: string,
  ) {}

  get id(): number {
    return this.info.id;
  }

  private commit(content: Record<string, unknown>, replyTo?: number): Update {
    const message = this.host.incoming(this.id, this.info, compact(content), replyTo);
    this.mark = this.host.outbox(this.id).length;
    return this.host.enqueue({ message: message as Update['message'] });
  }

  async send(text: string, opts: { replyTo?: number } = {}): Promise<Update> {
    if (text.trim() === '') throw new Error('fake-telegram: Telegram clients cannot send an empty message');
    const entities = detectEntities(text);
    return this.commit({ text, entities: entities.length > 0 ? entities : undefined }, opts.replyTo);
  }

  private botMessages(): StoredMessage[] {
    return this.host
      .stored(this.id)
      .filter((s) => s.fromBot && !s.deleted)
      .sort((a, b) => a.seq - b.seq);
  }

  async press(callbackData: string, opts: { messageId?: number } = {}): Promise<Update> {
    let target: StoredMessage | undefined;
    if (opts.messageId !== undefined) {
      target = this.host.stored(this.id).find((s) => s.message.message_id === opts.messageId);
      if (!target || target.deleted) {
        throw new Error(`fake-telegram: user ${this.id} cannot press on message ${opts.messageId}: it does not exist or was deleted`);
      }
    } else {
      const mine = this.botMessages();
      target =
        [...mine].reverse().find((s) => inlineRows(s.message).some((row) => row.some((b) => 'callback_data' in b && b.callback_data === callbackData))) ??
        mine[mine.length - 1];
    }
    if (!target) {
      throw new Error(`fake-telegram: user ${this.id} has no message from the bot to press "${callbackData}" on`);
    }
    const query = {
      id: this.host.newCallbackQueryId(),
      from: this.info,
      message: clone(target.message),
      chat_instance: String(-(7_000_000_000 + Math.abs(this.id))),
      data: callbackData,
    };
    this.mark = this.host.outbox(this.id).length;
    return this.host.enqueue({ callback_query: query as Update['callback_query'] });
  }

  private latestInline(): StoredMessage | undefined {
    return [...this.botMessages()].reverse().find((s) => inlineRows(s.message).length > 0);
  }

  /** The reply keyboard a client would currently display, unless a later message removed it. */
  private activeReplyKeyboard(): KeyboardButton[][] | undefined {
    const all = this.host
      .stored(this.id)
      .filter((s) => s.fromBot)
      .sort((a, b) => b.seq - a.seq);
    for (const s of all) {
      const rows = replyRows(s.markup);
      if (rows) return rows;
      if (isRemoval(s.markup)) return undefined;
    }
    return undefined;
  }

  async pressButton(label: string | RegExp): Promise<Update> {
    const inline = this.latestInline();
    if (inline) {
      for (const row of inlineRows(inline.message)) {
        for (const button of row) {
          if (!labelMatches(button.text, label)) continue;
          if ('callback_data' in button) return this.press(button.callback_data, { messageId: inline.message.message_id });
          throw new Error(
            `fake-telegram: button ${JSON.stringify(button.text)} has no callback_data (${JSON.stringify(button)}); only callback buttons produce updates`,
          );
        }
      }
    }
    const reply = this.activeReplyKeyboard();
    for (const row of reply ?? []) {
      for (const button of row) {
        if (!labelMatches(replyLabel(button), label)) continue;
        if (typeof button !== 'string' && 'request_contact' in button && button.request_contact) {
          return this.sendContact({ phone_number: this.phone });
        }
        if (typeof button !== 'string' && 'request_location' in button && button.request_location) {
          return this.sendLocation(DEFAULT_LOCATION.latitude, DEFAULT_LOCATION.longitude);
        }
        return this.send(replyLabel(button));
      }
    }
    const inlineLabels = inline ? inlineRows(inline.message).map((r) => r.map((b) => b.text)) : undefined;
    const replyLabels = reply?.map((r) => r.map(replyLabel));
    throw new Error(
      `fake-telegram: user ${this.id} sees no button matching ${String(label)}. ` +
        `Latest inline keyboard${inline ? ` (message ${inline.message.message_id})` : ''}: ${inlineLabels ? formatRows(inlineLabels) : 'none'}; ` +
        `reply keyboard: ${replyLabels ? formatRows(replyLabels) : 'none'}`,
    );
  }

  async sendPhoto(opts: UserMediaOptions & { width?: number; height?: number } = {}): Promise<Update> {
    const photo = this.host.userPhoto(opts.width ?? 1280, opts.height ?? 960);
    return this.commit({ photo, caption: opts.caption, media_group_id: opts.mediaGroupId });
  }

  async sendVideo(opts: UserMediaOptions & { duration?: number; width?: number; height?: number } = {}): Promise<Update> {
    const width = opts.width ?? 1280;
    const height = opts.height ?? 720;
    const duration = opts.duration ?? 5;
    const file = this.host.registerUserFile('video', { width, height, duration, mime_type: 'video/mp4', size: 48_213 });
    return this.commit({
      video: { ...file, width, height, duration, mime_type: 'video/mp4' },
      caption: opts.caption,
      media_group_id: opts.mediaGroupId,
    });
  }

  async sendVoice(opts: { duration?: number; caption?: string } = {}): Promise<Update> {
    const duration = opts.duration ?? 3;
    const file = this.host.registerUserFile('voice', { duration, mime_type: 'audio/ogg', size: 6_144 });
    return this.commit({ voice: { ...file, duration, mime_type: 'audio/ogg' }, caption: opts.caption });
  }

  async sendAudio(opts: UserMediaOptions & { duration?: number; title?: string; performer?: string; fileName?: string } = {}): Promise<Update> {
    const duration = opts.duration ?? 180;
    const fileName = opts.fileName ?? 'audio.mp3';
    const mime = mimeFromName(fileName) ?? 'audio/mpeg';
    const file = this.host.registerUserFile('audio', { duration, mime_type: mime, file_name: fileName, size: 32_768 });
    return this.commit({
      audio: compact({ ...file, duration, title: opts.title, performer: opts.performer, file_name: fileName, mime_type: mime }),
      caption: opts.caption,
      media_group_id: opts.mediaGroupId,
    });
  }

  async sendDocument(opts: UserMediaOptions & { fileName?: string; mimeType?: string; fileSize?: number } = {}): Promise<Update> {
    const fileName = opts.fileName ?? 'document.pdf';
    const mime = opts.mimeType ?? mimeFromName(fileName) ?? 'application/octet-stream';
    const file = this.host.registerUserFile('document', { mime_type: mime, file_name: fileName, size: opts.fileSize ?? 2_048 });
    return this.commit({
      document: { ...file, file_name: fileName, mime_type: mime },
      caption: opts.caption,
      media_group_id: opts.mediaGroupId,
    });
  }

  async sendSticker(opts: { emoji?: string } = {}): Promise<Update> {
    const file = this.host.registerUserFile('sticker', { width: 512, height: 512, mime_type: 'image/webp', size: 4_096 });
    return this.commit({
      sticker: {
        ...file,
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        emoji: opts.emoji ?? '👍',
        set_name: 'AzamatFakeStickers',
      },
    });
  }

  async sendLocation(latitude: number, longitude: number): Promise<Update> {
    return this.commit({ location: { latitude, longitude } });
  }

  async sendContact(contact: { phone_number: string; user_id?: number; first_name?: string; last_name?: string }): Promise<Update> {
    return this.commit({
      contact: compact({
        phone_number: contact.phone_number,
        first_name: contact.first_name ?? this.info.first_name,
        last_name: contact.last_name ?? (contact.first_name === undefined ? this.info.last_name : undefined),
        user_id: contact.user_id ?? this.id,
      }),
    });
  }

  private memberUpdate(oldStatus: 'member' | 'kicked', newStatus: 'member' | 'kicked'): Update {
    const date = unixNow();
    const member = (status: 'member' | 'kicked') =>
      status === 'kicked' ? { status, user: this.host.botUser, until_date: 0 } : { status, user: this.host.botUser };
    return this.host.enqueue({
      my_chat_member: {
        chat: this.chat,
        from: this.info,
        date,
        old_chat_member: member(oldStatus),
        new_chat_member: member(newStatus),
      },
    });
  }

  async block(opts: { notify?: boolean } = {}): Promise<Update | undefined> {
    if (this.blocked) return undefined;
    this.blocked = true;
    return opts.notify === false ? undefined : this.memberUpdate('member', 'kicked');
  }

  async unblock(opts: { notify?: boolean } = {}): Promise<Update | undefined> {
    if (!this.blocked) return undefined;
    this.blocked = false;
    return opts.notify === false ? undefined : this.memberUpdate('kicked', 'member');
  }

  messages(): Message[] {
    return this.host.outbox(this.id);
  }

  texts(): string[] {
    return this.messages()
      .map((m) => m.text ?? m.caption)
      .filter((t): t is string => t !== undefined);
  }

  lastMessage(): Message | undefined {
    const all = this.messages();
    return all[all.length - 1];
  }

  lastKeyboard(): string[][] {
    const all = this.host
      .stored(this.id)
      .filter((s) => s.fromBot)
      .sort((a, b) => b.seq - a.seq);
    for (const s of all) {
      const inline = s.deleted ? [] : inlineRows(s.message);
      if (inline.length > 0) return inline.map((r) => r.map((b) => b.text));
      const reply = replyRows(s.markup);
      if (reply) return reply.map((r) => r.map(replyLabel));
      if (isRemoval(s.markup)) return [];
    }
    return [];
  }

  async waitForReply(opts: WaitForReplyOptions = {}): Promise<Message> {
    const { match } = opts;
    const accept = (m: Message): boolean => {
      if (match === undefined) return true;
      const text = m.text ?? m.caption ?? '';
      return typeof match === 'string' ? text.includes(match) : match.test(text);
    };
    const what = match === undefined ? 'any message' : `a message matching ${String(match)}`;
    const { message, index } = await this.host.waitForOutbox(this.id, this.mark, accept, opts.timeoutMs ?? 3000, what);
    this.mark = index + 1;
    return message;
  }
}
