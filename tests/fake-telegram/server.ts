/**
 * A fake Telegram Bot API server for tests. Telegram is unreachable from CI, so
 * the real grammY bot talks to this instead via `client: { apiRoot }`:
 *
 *   const fake = await startFakeTelegram();
 *   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
 *   const user = fake.user({ id: 1, first_name: 'Азамат', language_code: 'kk' });
 *   await user.send('/start');
 *   const reply = await user.waitForReply();
 *
 * It keeps per-chat message state (ids, edits, deletions, keyboards) and mimics
 * Telegram's answers, including its error texts, so bot code exercises the same
 * paths it will hit in production.
 */
import { Buffer } from 'node:buffer';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, BotCommandScope, Chat, ChatMember, Message, PhotoSize, ResponseParameters, Update, User, UserFromGetMe } from 'grammy/types';
import { botInfoOf } from './bot-info.js';
import { BodyParseError, parseBody, parseSearchParams, readBody, type ParsedBody, type UploadedFile } from './body-parser.js';
import { cancel, later, now, sleep, soon, unixNow, type TimerHandle } from './clock.js';
import {
  FILE_DIRS,
  FILE_ID_PREFIX,
  defaultMime,
  extensionFor,
  fakeFileBytes,
  fakeJpeg,
  imageSize,
  mimeFromName,
  mulberry32,
  type FileKind,
} from './fake-files.js';
import { FaultPlan } from './faults.js';
import { FormattingError, renderText, type FormattedText } from './formatting.js';
import { WebhookDelivery } from './webhook-delivery.js';
import { ScriptedUserImpl, type StoredMessage, type UserFileSpec, type UserHost } from './scripted-user.js';
import type {
  ApiResponse,
  DeliveredMessage,
  FakeTelegram,
  FakeTelegramOptions,
  FaultSpec,
  InjectedFault,
  RecordedCall,
  ScriptedUser,
  ScriptedUserOptions,
  WaitForOptions,
  WebhookAttempt,
  WebhookState,
} from './types.js';

export type { FakeTelegram, FakeTelegramOptions, FaultSpec, RecordedCall, ScriptedUser, WebhookDeliveryOptions } from './types.js';

type Payload = Record<string, unknown>;
type Handler = (payload: Payload, uploads: UploadedFile[]) => unknown;

interface Outcome {
  status: number;
  response: ApiResponse;
  injected?: RecordedCall['injected'];
}

interface ChatState {
  chat: Chat;
  nextMessageId: number;
  messages: Map<number, StoredMessage>;
}

interface FakeFile {
  file_id: string;
  file_unique_id: string;
  kind: FileKind;
  file_path: string;
  size: number;
  seed: number;
  mime_type?: string;
  file_name?: string;
  width?: number;
  height?: number;
  duration?: number;
  data?: Buffer;
  photoSet?: PhotoSize[];
}

interface OutboxEntry {
  kind: 'send' | 'edit';
  method: string;
  message: Message;
  at: number;
}

interface Poller {
  limit: number;
  finish(outcome: Outcome | undefined): void;
}

interface Waiter {
  check(): boolean;
  fail(error: Error): void;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

const badRequest = (description: string): ApiError => new ApiError(400, `Bad Request: ${description}`);

// Real bots may not download files above this size through the Bot API.
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;
const MAX_LONG_POLL_SECONDS = 600;

// Telegram leaves these out unless a bot asks for them explicitly.
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

/** Calls that create a message, hence subject to flood limits and failure injection. */
const SEND_METHODS = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendVideo',
  'sendAudio',
  'sendVoice',
  'sendAnimation',
  'sendVideoNote',
  'sendSticker',
  'sendLocation',
  'sendVenue',
  'sendContact',
  'sendDice',
  'sendMediaGroup',
  'copyMessage',
  'forwardMessage',
]);
/** Calls that fail in a chat whose user blocked the bot. */
const CHAT_WRITE_METHODS = new Set([
  ...SEND_METHODS,
  'sendChatAction',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'setMessageReaction',
]);

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const INLINE_BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
  'disabled',
];

const TYPE_NAMES: Record<FileKind, string> = {
  photo: 'Photo',
  video: 'Video',
  voice: 'VoiceNote',
  audio: 'Audio',
  document: 'Document',
  sticker: 'Sticker',
  animation: 'Animation',
  video_note: 'VideoNote',
};

/** Message fields that copyMessage/forwardMessage carry over. */
const CONTENT_KEYS = [
  'text',
  'entities',
  'photo',
  'document',
  'video',
  'audio',
  'voice',
  'sticker',
  'animation',
  'video_note',
  'location',
  'venue',
  'contact',
  'dice',
  'poll',
  'caption',
  'caption_entities',
  'has_media_spoiler',
  'link_preview_options',
] as const;

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

function snapshot<T>(value: T): T {
  return structuredClone(value);
}

function ok(result: unknown, description?: string): Outcome {
  return { status: 200, response: description ? { ok: true, result, description } : { ok: true, result } };
}

function failure(error: ApiError, injected?: RecordedCall['injected']): Outcome {
  const response: ApiResponse = compact({
    ok: false as const,
    error_code: error.code,
    description: error.description,
    parameters: error.parameters,
  });
  return { status: error.code, response, injected };
}

function tooManyRequests(retryAfter: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
}

function updateType(update: Update): string | undefined {
  return Object.keys(update).find((k) => k !== 'update_id');
}

function validUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

class SlidingWindow {
  private stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until one more event fits, 0 if it fits now. */
  waitMs(at: number): number {
    while (this.stamps.length > 0 && (this.stamps[0] as number) <= at - this.windowMs) this.stamps.shift();
    if (this.stamps.length < this.limit) return 0;
    return (this.stamps[this.stamps.length - this.limit] as number) + this.windowMs - at;
  }

  add(at: number): void {
    this.stamps.push(at);
  }
}

function postJson(target: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const url = new URL(target);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Lets a handler attach the `description` Telegram puts next to some results. */
class DescribedResult {
  constructor(
    readonly value: unknown,
    readonly description: string,
  ) {}
}

let nextUpdateIdRange = 100_000_001;
function takeUpdateIdRange(): number {
  const first = nextUpdateIdRange;
  nextUpdateIdRange += 10_000_000;
  return first;
}

class FakeTelegramServer implements FakeTelegram, UserHost {
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  readonly botUser: User;
  readonly calls: RecordedCall[] = [];
  readonly delivered: DeliveredMessage[] = [];

  private readonly server: http.Server;
  private portNumber = 0;
  private closed = false;

  private queue: Update[] = [];
  // Each fake in a process numbers its updates apart from the previous ones: the bot remembers the ids it
  // has handled (an update delivered twice is handled once), and suites reuse a database across fakes.
  private nextUpdateId = takeUpdateIdRange();
  private allowedUpdates: Set<string> | undefined;
  private poller: Poller | undefined;
  private webhookState: WebhookState | undefined;

  private readonly chats = new Map<number, ChatState>();
  private readonly knownChats = new Set<number>();
  private readonly outboxes = new Map<number, OutboxEntry[]>();
  private readonly users = new Map<number, ScriptedUserImpl>();
  private nextUserId = 100_000_001;
  private seq = 0;

  private readonly files = new Map<string, FakeFile>();
  private readonly filesByPath = new Map<string, FakeFile>();
  private fileCounter = 0;
  private mediaGroupCounter = 0;

  private readonly pendingCallbacks = new Set<string>();
  private callbackCounter = 0;
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<string, unknown>();
  private readonly members = new Map<string, ChatMember>();

  private readonly waiters = new Set<Waiter>();
  private down = false;
  private readonly faults = new FaultPlan();
  private readonly delivery: WebhookDelivery | undefined;
  private readonly rng: () => number;
  private globalWindow: SlidingWindow;
  private chatWindows = new Map<number, SlidingWindow>();
  private groupWindows = new Map<number, SlidingWindow>();

  constructor(private readonly options: FakeTelegramOptions) {
    this.token = options.token ?? '123456:TEST';
    const botId = Number(this.token.split(':')[0]);
    this.botInfo = botInfoOf(Number.isSafeInteger(botId) && botId > 0 ? botId : 123456, 'Azamat Test', 'azamat_test_bot', true);
    this.botUser = { id: this.botInfo.id, is_bot: true, first_name: 'Azamat Test', username: 'azamat_test_bot' };
    this.rng = mulberry32(options.seed ?? 1);
    this.globalWindow = new SlidingWindow(options.limits?.globalPerSecond ?? 30, 1000);
    this.server = http.createServer((req, res) => {
      void this.onRequest(req, res);
    });
    if (options.webhookDelivery) {
      this.delivery = new WebhookDelivery(
        {
          webhook: () => this.webhookState,
          deliverable: () => this.queue.filter((u) => this.isAllowed(u)),
          delivered: (update, body) => {
            this.queue = this.queue.filter((u) => u.update_id !== update.update_id);
            this.handleWebhookReply(body);
          },
        },
        options.webhookDelivery,
      );
    }
  }

  get webhookAttempts(): WebhookAttempt[] {
    return this.delivery?.attempts ?? [];
  }

  injectFault(spec: FaultSpec): InjectedFault {
    return this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.portNumber = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  get port(): number {
    return this.portNumber;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.portNumber}`;
  }

  get pendingUpdates(): readonly Update[] {
    return [...this.queue];
  }

  get webhook(): WebhookState | undefined {
    return this.webhookState ? { ...this.webhookState } : undefined;
  }

  // ---------------------------------------------------------------- HTTP

  private write(res: ServerResponse, status: number, body: string | Buffer, contentType = 'application/json'): void {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { 'content-type': contentType, 'content-length': String(Buffer.byteLength(body)) });
    res.end(body);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let methodForRecord = url.pathname;
    let payload: Payload = {};
    let uploads: UploadedFile[] = [];
    try {
      const fileRoute = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
      if (fileRoute) {
        await readBody(req);
        this.serveFile(res, fileRoute[1] ?? '', decodeURIComponent(fileRoute[2] ?? ''));
        return;
      }
      const apiRoute = /^\/bot([^/]*)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
      const body = await readBody(req);
      if (!apiRoute) {
        this.write(res, 404, JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
        return;
      }
      const token = apiRoute[1] ?? '';
      const rawMethod = apiRoute[2] ?? '';
      methodForRecord = this.canonicalMethod(rawMethod) ?? rawMethod;
      let parsed: ParsedBody;
      try {
        parsed = parseBody(req.headers['content-type'], body);
      } catch (err) {
        if (!(err instanceof BodyParseError)) throw err;
        await this.respond(res, methodForRecord, payload, uploads, at, failure(badRequest(err.message)));
        return;
      }
      payload = { ...parseSearchParams(url.searchParams), ...parsed.fields };
      uploads = parsed.uploads;
      if (token === this.token) {
        const fault = this.faults.take(methodForRecord, payload);
        if (fault?.kind === 'timeout') {
          // Never answered: the client's own timeout ends it. Recorded when the client gives up.
          res.on('close', () => this.record(methodForRecord, payload, uploads, at, { ...failure(new ApiError(504, 'Gateway Timeout: injected'), 'timeout') }));
          return;
        }
        if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 1000);
        else if (fault) {
          const status = fault.status ?? 500;
          const error =
            status === 429
              ? tooManyRequests(fault.retryAfter ?? 1)
              : new ApiError(status, status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Internal Server Error');
          await this.respond(res, methodForRecord, payload, uploads, at, failure(error, 'fault'));
          return;
        }
      }
      const outcome = await this.execute(token, rawMethod, payload, uploads, res);
      if (outcome === undefined) return; // the client went away (an aborted long poll)
      await this.respond(res, methodForRecord, payload, uploads, at, outcome);
    } catch (err) {
      // A crash inside the fake must be loud, not look like a Telegram outage.
      console.error('[fake-telegram] internal error', err);
      const message = err instanceof Error ? err.message : String(err);
      await this.respond(res, methodForRecord, payload, uploads, at, failure(new ApiError(500, `Internal Server Error: fake-telegram: ${message}`)));
    }
  }

  private async respond(res: ServerResponse, method: string, payload: Payload, uploads: UploadedFile[], at: number, outcome: Outcome): Promise<void> {
    if (this.options.latencyMs && this.options.latencyMs > 0) await sleep(this.options.latencyMs);
    this.record(method, payload, uploads, at, outcome);
    this.write(res, outcome.status, JSON.stringify(outcome.response));
  }

  private record(method: string, payload: Payload, uploads: UploadedFile[], at: number, outcome: Outcome, viaWebhookReply = false): void {
    const call: RecordedCall = { method, payload, at, response: outcome.response, status: outcome.status, uploads };
    if (outcome.injected) call.injected = outcome.injected;
    if (viaWebhookReply) call.viaWebhookReply = true;
    this.calls.push(call);
    this.notify();
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    if (token !== this.token) {
      this.write(res, 401, JSON.stringify({ ok: false, error_code: 401, description: 'Unauthorized' }));
      return;
    }
    const file = this.filesByPath.get(path);
    if (!file) {
      this.write(res, 404, JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    this.write(res, 200, this.bytesOf(file), file.mime_type ?? defaultMime(file.kind));
  }

  private canonicalMethod(raw: string): string | undefined {
    const lower = raw.toLowerCase();
    // The Bot API matches method names case-insensitively.
    return lower === 'getupdates' ? 'getUpdates' : Object.keys(this.handlers).find((m) => m.toLowerCase() === lower);
  }

  private async execute(token: string, rawMethod: string, payload: Payload, uploads: UploadedFile[], res: ServerResponse): Promise<Outcome | undefined> {
    if (token !== this.token) return failure(new ApiError(401, 'Unauthorized'));
    if (this.down && rawMethod.toLowerCase() !== 'getupdates') return failure(new ApiError(502, 'Bad Gateway'), 'failure');
    const method = this.canonicalMethod(rawMethod);
    if (method === undefined) return failure(new ApiError(404, 'Not Found: method not found'));
    if (method === 'getUpdates') return this.getUpdates(payload, res);
    return this.run(method, payload, uploads);
  }

  /** Synchronous from checks to state change, so limit bookkeeping cannot race. */
  private run(method: string, payload: Payload, uploads: UploadedFile[]): Outcome {
    const handler = this.handlers[method];
    if (!handler) return failure(new ApiError(404, 'Not Found: method not found'));
    try {
      if (CHAT_WRITE_METHODS.has(method) && payload['chat_id'] !== undefined) {
        this.checkWritable(this.resolveChatId(payload['chat_id']));
      }
      if (!SEND_METHODS.has(method)) return this.wrap(handler(payload, uploads));
      const chatId = this.resolveChatId(payload['chat_id']);
      const limited = this.checkLimits(chatId);
      if (limited) return failure(limited, 'rate-limit');
      const injected = this.maybeFail();
      if (injected) return failure(injected, 'failure');
      const result = handler(payload, uploads);
      this.consumeLimits(chatId);
      return this.wrap(result);
    } catch (err) {
      if (err instanceof ApiError) return failure(err);
      if (err instanceof FormattingError) return failure(badRequest(err.message));
      throw err;
    }
  }

  private wrap(result: unknown): Outcome {
    if (result instanceof DescribedResult) return ok(result.value, result.description);
    return ok(result);
  }

  // -------------------------------------------------------------- limits

  private checkLimits(chatId: number): ApiError | undefined {
    if (!this.options.enforceLimits) return undefined;
    const at = now();
    const waits = [this.globalWindow.waitMs(at), this.chatWindow(chatId).waitMs(at)];
    if (chatId < 0) waits.push(this.groupWindow(chatId).waitMs(at));
    const wait = Math.max(...waits);
    return wait > 0 ? tooManyRequests(Math.max(1, Math.ceil(wait / 1000))) : undefined;
  }

  private consumeLimits(chatId: number): void {
    if (!this.options.enforceLimits) return;
    const at = now();
    this.globalWindow.add(at);
    this.chatWindow(chatId).add(at);
    if (chatId < 0) this.groupWindow(chatId).add(at);
  }

  private chatWindow(chatId: number): SlidingWindow {
    let w = this.chatWindows.get(chatId);
    if (!w) {
      w = new SlidingWindow(this.options.limits?.perChatPerSecond ?? 1, 1000);
      this.chatWindows.set(chatId, w);
    }
    return w;
  }

  private groupWindow(chatId: number): SlidingWindow {
    let w = this.groupWindows.get(chatId);
    if (!w) {
      w = new SlidingWindow(this.options.limits?.perGroupPerMinute ?? 20, 60_000);
      this.groupWindows.set(chatId, w);
    }
    return w;
  }

  private maybeFail(): ApiError | undefined {
    const rate = this.options.failureRate ?? 0;
    if (!(rate > 0) || this.rng() >= rate) return undefined;
    const pick = this.rng();
    if (pick < 1 / 3) return tooManyRequests(1);
    if (pick < 2 / 3) return new ApiError(500, 'Internal Server Error');
    return new ApiError(502, 'Bad Gateway');
  }

  // ------------------------------------------------------------- updates

  private isAllowed(update: Update): boolean {
    const type = updateType(update);
    if (type === undefined) return false;
    return this.allowedUpdates ? this.allowedUpdates.has(type) : !OPT_IN_UPDATES.has(type);
  }

  private setAllowedUpdates(value: unknown): void {
    if (!Array.isArray(value)) return;
    // Like Telegram, an empty list means "back to the default set".
    this.allowedUpdates = value.length === 0 ? undefined : new Set(value.filter((v): v is string => typeof v === 'string'));
  }

  private takeUpdates(limit: number): Update[] {
    // Updates of types the bot did not subscribe to are discarded, never delivered later.
    this.queue = this.queue.filter((u) => this.isAllowed(u));
    return this.queue.slice(0, limit).map(snapshot);
  }

  private acknowledge(offset: number): void {
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);
  }

  private wake(): void {
    if (this.delivery) soon(() => this.delivery!.pump());
    soon(() => {
      const p = this.poller;
      if (!p) return;
      const ready = this.takeUpdates(p.limit);
      if (ready.length > 0) p.finish(ok(ready));
    });
  }

  private getUpdates(payload: Payload, res: ServerResponse): Promise<Outcome | undefined> {
    if (this.webhookState) {
      return Promise.resolve(
        failure(new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first")),
      );
    }
    const offset = num(payload['offset']);
    const limit = Math.min(100, Math.max(1, Math.trunc(num(payload['limit']) ?? 100)));
    const timeout = Math.min(MAX_LONG_POLL_SECONDS, Math.max(0, num(payload['timeout']) ?? 0));
    if (payload['allowed_updates'] !== undefined) this.setAllowedUpdates(payload['allowed_updates']);
    if (offset !== undefined) this.acknowledge(Math.trunc(offset));
    // A newer poll ends the older one, which is how Telegram reports two running bot instances.
    this.poller?.finish(failure(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running')));
    const ready = this.takeUpdates(limit);
    if (ready.length > 0 || timeout === 0 || this.closed) return Promise.resolve(ok(ready));
    return new Promise((resolve) => {
      let done = false;
      let timer: TimerHandle | undefined;
      const poller: Poller = {
        limit,
        finish: (outcome) => {
          if (done) return;
          done = true;
          cancel(timer);
          if (this.poller === poller) this.poller = undefined;
          resolve(outcome);
        },
      };
      timer = later(() => poller.finish(ok(this.takeUpdates(limit))), timeout * 1000);
      res.on('close', () => {
        if (!res.writableEnded) poller.finish(undefined);
      });
      this.poller = poller;
    });
  }

  pushUpdate(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId } as Update;
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    for (const key of ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_message'] as const) {
      const message = full[key];
      if (message) this.adoptMessage(message);
    }
    const query = full.callback_query;
    if (query) {
      this.pendingCallbacks.add(query.id);
      if (query.message && query.message.date !== 0) this.adoptMessage(query.message as Message, false);
    }
    this.queue.push(full);
    this.wake();
    return snapshot(full);
  }

  enqueue(update: Omit<Update, 'update_id'>): Update {
    return this.pushUpdate(update);
  }

  // --------------------------------------------------------------- chats

  private autoChat(id: number): Chat {
    const user = this.users.get(id);
    if (user) return user.chat;
    if (id > 0) return { id, type: 'private', first_name: `User ${id}` };
    if (id <= -1_000_000_000_000) return { id, type: 'supergroup', title: `Supergroup ${id}` };
    return { id, type: 'group', title: `Group ${id}` };
  }

  private chatState(id: number): ChatState {
    let state = this.chats.get(id);
    if (!state) {
      state = { chat: this.autoChat(id), nextMessageId: 1, messages: new Map() };
      this.chats.set(id, state);
    }
    return state;
  }

  registerChat(chat: Chat): void {
    this.chatState(chat.id).chat = { ...chat };
    this.knownChats.add(chat.id);
  }

  private resolveChatId(value: unknown): number {
    if (value === undefined || value === null || value === '') throw badRequest('chat_id is empty');
    if (typeof value === 'number' && Number.isInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
    if (typeof value === 'string' && value.startsWith('@')) {
      const name = value.slice(1).toLowerCase();
      for (const [id, state] of this.chats) {
        if (state.chat.username?.toLowerCase() === name) return id;
      }
    }
    throw badRequest('chat not found');
  }

  private checkWritable(chatId: number): void {
    if (this.options.strictChats && !this.knownChats.has(chatId)) throw badRequest('chat not found');
    if (this.users.get(chatId)?.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
  }

  private requireChatId(payload: Payload): number {
    const chatId = this.resolveChatId(payload['chat_id']);
    if (this.options.strictChats && !this.knownChats.has(chatId)) throw badRequest('chat not found');
    return chatId;
  }

  private store(chatId: number, message: Message, fromBot: boolean, markup?: unknown): StoredMessage {
    const state = this.chatState(chatId);
    const stored: StoredMessage = { message, fromBot, seq: ++this.seq, deleted: false };
    if (markup !== undefined) stored.markup = markup;
    state.messages.set(message.message_id, stored);
    state.nextMessageId = Math.max(state.nextMessageId, message.message_id + 1);
    return stored;
  }

  private adoptMessage(message: Message, isNew = true): void {
    const chatId = message.chat.id;
    if (!this.chats.has(chatId)) {
      this.chats.set(chatId, { chat: { ...message.chat }, nextMessageId: 1, messages: new Map() });
    }
    this.knownChats.add(chatId);
    const state = this.chatState(chatId);
    const existing = state.messages.get(message.message_id);
    const copy = snapshot(message);
    if (existing) {
      existing.message = copy;
      if (isNew) existing.seq = ++this.seq;
    } else {
      this.store(chatId, copy, message.from?.id === this.botInfo.id, copy.reply_markup);
    }
    this.adoptFiles(copy);
  }

  // --------------------------------------------------------------- files

  private newFile(kind: FileKind, spec: UserFileSpec & { data?: Buffer; file_id?: string; file_unique_id?: string }): FakeFile {
    const n = ++this.fileCounter;
    const rnd = mulberry32(n * 7919 + kind.length);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let tail = '';
    for (let i = 0; i < 40; i++) tail += alphabet[Math.floor(rnd() * alphabet.length)];
    const file_id = spec.file_id ?? `${FILE_ID_PREFIX[kind]}${String(n).padStart(4, '0')}${tail}`;
    const file_unique_id = spec.file_unique_id ?? `AQAD${String(n).padStart(4, '0')}${tail.slice(0, 6)}`;
    const ext = extensionFor(kind, spec.mime_type, spec.file_name);
    let data = spec.data;
    if (data === undefined && spec.size === undefined) {
      data = fakeFileBytes(kind, n, compact({ mimeType: spec.mime_type, width: spec.width, height: spec.height }));
    }
    const file: FakeFile = compact({
      file_id,
      file_unique_id,
      kind,
      file_path: `${FILE_DIRS[kind]}/file_${n}.${ext}`,
      size: data?.length ?? spec.size ?? 0,
      seed: n,
      mime_type: spec.mime_type ?? (kind === 'photo' ? 'image/jpeg' : undefined),
      file_name: spec.file_name,
      width: spec.width,
      height: spec.height,
      duration: spec.duration,
      data,
    });
    this.files.set(file.file_id, file);
    this.filesByPath.set(file.file_path, file);
    return file;
  }

  private bytesOf(file: FakeFile): Buffer {
    if (!file.data) {
      file.data = fakeFileBytes(file.kind, file.seed, compact({ size: file.size, mimeType: file.mime_type, width: file.width, height: file.height }));
    }
    return file.data;
  }

  fileBytes(fileId: string): Buffer | undefined {
    const file = this.files.get(fileId);
    return file ? this.bytesOf(file) : undefined;
  }

  private fileRef(file: FakeFile): { file_id: string; file_unique_id: string; file_size: number } {
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.size };
  }

  /** Telegram's usual ladder of thumbnails (90/320/800 px) plus the full-size photo. */
  private photoSet(width: number, height: number, original?: Buffer): { sizes: PhotoSize[]; largest: FakeFile } {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    const longest = Math.max(w, h);
    const made: FakeFile[] = [];
    for (const side of [90, 320, 800]) {
      if (side >= longest) continue;
      const sw = Math.max(1, Math.round((w * side) / longest));
      const sh = Math.max(1, Math.round((h * side) / longest));
      made.push(this.newFile('photo', { width: sw, height: sh, data: fakeJpeg(sw, sh, this.fileCounter + 1) }));
    }
    const largest = this.newFile('photo', { width: w, height: h, data: original ?? fakeJpeg(w, h, this.fileCounter + 1) });
    made.push(largest);
    const sizes = made.map((f) => ({ ...this.fileRef(f), width: f.width ?? w, height: f.height ?? h }));
    for (const f of made) f.photoSet = sizes;
    return { sizes, largest };
  }

  registerUserFile(kind: FileKind, spec: UserFileSpec): { file_id: string; file_unique_id: string; file_size: number } {
    return this.fileRef(this.newFile(kind, spec));
  }

  userPhoto(width: number, height: number): PhotoSize[] {
    return this.photoSet(width, height).sizes;
  }

  private adoptFiles(message: Message): void {
    const adopt = (obj: unknown, kind: FileKind): void => {
      if (!isRecord(obj) || typeof obj['file_id'] !== 'string' || this.files.has(obj['file_id'])) return;
      this.newFile(
        kind,
        compact({
          file_id: obj['file_id'],
          file_unique_id: typeof obj['file_unique_id'] === 'string' ? obj['file_unique_id'] : undefined,
          size: num(obj['file_size']) ?? 1024,
          mime_type: typeof obj['mime_type'] === 'string' ? obj['mime_type'] : undefined,
          file_name: typeof obj['file_name'] === 'string' ? obj['file_name'] : undefined,
          width: num(obj['width']),
          height: num(obj['height']),
        }),
      );
    };
    for (const size of message.photo ?? []) adopt(size, 'photo');
    const kinds: FileKind[] = ['video', 'voice', 'audio', 'document', 'sticker', 'animation', 'video_note'];
    for (const kind of kinds) adopt((message as unknown as Record<string, unknown>)[kind], kind);
  }

  private fileFromUpload(upload: UploadedFile, kind: FileKind): FakeFile {
    if (kind === 'photo') {
      const dims = imageSize(upload.data) ?? { width: 1280, height: 720 };
      return this.photoSet(dims.width, dims.height, upload.data).largest;
    }
    const declared = upload.contentType !== 'application/octet-stream' ? upload.contentType : undefined;
    const mime = mimeFromName(upload.filename) ?? declared ?? defaultMime(kind);
    const named = kind === 'document' || kind === 'audio' || kind === 'video' || kind === 'animation';
    const dims = kind === 'video' || kind === 'animation' ? { width: 1280, height: 720 } : {};
    return this.newFile(kind, { data: upload.data, mime_type: mime, file_name: named ? upload.filename : undefined, ...dims });
  }

  private resolveInputFile(value: unknown, kind: FileKind, field: string, uploads: UploadedFile[]): FakeFile {
    if (typeof value !== 'string' || value === '') throw badRequest(`there is no ${field} in the request`);
    if (value.startsWith('attach://')) {
      const upload = uploads.find((u) => u.field === value.slice('attach://'.length));
      if (!upload) throw badRequest('wrong file identifier/HTTP URL specified');
      return this.fileFromUpload(upload, kind);
    }
    if (/^https?:\/\//i.test(value)) {
      const name = decodeURIComponent(new URL(value).pathname.split('/').pop() ?? '') || undefined;
      if (kind === 'photo') return this.photoSet(1280, 720).largest;
      return this.newFile(kind, compact({ file_name: kind === 'document' ? name : undefined, mime_type: mimeFromName(name) ?? defaultMime(kind) }));
    }
    const known = this.files.get(value);
    if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
    if (known.kind !== kind && !(kind === 'document' && known.kind === 'animation')) {
      throw badRequest(`can't use file of type ${TYPE_NAMES[known.kind]} as ${TYPE_NAMES[kind]}`);
    }
    return known;
  }

  private mediaContent(kind: FileKind, file: FakeFile, payload: Payload): Record<string, unknown> {
    const ref = this.fileRef(file);
    const duration = num(payload['duration']) ?? file.duration ?? 5;
    switch (kind) {
      case 'photo':
        return { photo: file.photoSet ?? [{ ...ref, width: file.width ?? 1280, height: file.height ?? 720 }] };
      case 'video':
      case 'animation': {
        const media = compact({
          ...ref,
          width: num(payload['width']) ?? file.width ?? 1280,
          height: num(payload['height']) ?? file.height ?? 720,
          duration,
          file_name: file.file_name,
          mime_type: file.mime_type ?? 'video/mp4',
        });
        // Telegram duplicates animations into `document` for older clients.
        return kind === 'video' ? { video: media } : { animation: media, document: compact({ ...ref, file_name: file.file_name, mime_type: media.mime_type }) };
      }
      case 'audio':
        return {
          audio: compact({
            ...ref,
            duration: num(payload['duration']) ?? file.duration ?? 180,
            performer: typeof payload['performer'] === 'string' ? payload['performer'] : undefined,
            title: typeof payload['title'] === 'string' ? payload['title'] : undefined,
            file_name: file.file_name,
            mime_type: file.mime_type ?? 'audio/mpeg',
          }),
        };
      case 'voice':
        return { voice: { ...ref, duration: num(payload['duration']) ?? file.duration ?? 3, mime_type: 'audio/ogg' } };
      case 'document':
        return { document: compact({ ...ref, file_name: file.file_name, mime_type: file.mime_type }) };
      case 'sticker':
        return {
          sticker: compact({
            ...ref,
            type: 'regular',
            width: 512,
            height: 512,
            is_animated: false,
            is_video: false,
            emoji: typeof payload['emoji'] === 'string' ? payload['emoji'] : undefined,
          }),
        };
      case 'video_note':
        return { video_note: { ...ref, length: num(payload['length']) ?? 240, duration } };
    }
  }

  // ------------------------------------------------------------ messages

  private renderCaption(payload: Payload): Record<string, unknown> {
    const caption = payload['caption'];
    if (typeof caption !== 'string' || caption === '') return {};
    const f = renderText(caption, payload['parse_mode'], payload['caption_entities']);
    if (f.text.length > 1024) throw badRequest('message caption is too long');
    if (f.text === '') return {};
    return compact({
      caption: f.text,
      caption_entities: f.entities.length > 0 ? f.entities : undefined,
      show_caption_above_media: payload['show_caption_above_media'] === true ? true : undefined,
    });
  }

  private renderMessageText(value: unknown, payload: Payload): FormattedText {
    if (typeof value !== 'string' || value.trim() === '') throw badRequest('message text is empty');
    const f = renderText(value, payload['parse_mode'], payload['entities']);
    if (f.text === '') throw badRequest('message text is empty');
    if (f.text.length > 4096) throw badRequest('message is too long');
    return f;
  }

  private validateMarkup(markup: unknown): Record<string, unknown> | undefined {
    if (markup === undefined || markup === null) return undefined;
    if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
    if ('inline_keyboard' in markup) {
      const rows = markup['inline_keyboard'];
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
        throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
      }
      for (const row of rows as unknown[][]) {
        for (const button of row) {
          if (!isRecord(button) || typeof button['text'] !== 'string') {
            throw badRequest('can\'t parse inline keyboard button: Field "text" must be of type String');
          }
          const actions = INLINE_BUTTON_ACTIONS.filter((k) => button[k] !== undefined);
          if (actions.length === 0) {
            throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          }
          if (actions.length > 1) {
            throw badRequest(`can't parse inline keyboard button: only one of ${actions.join(', ')} may be specified`);
          }
          const data = button['callback_data'];
          // 64 bytes of UTF-8: Cyrillic/Kazakh text in callback_data overflows quickly.
          if (data !== undefined && (typeof data !== 'string' || Buffer.byteLength(data) < 1 || Buffer.byteLength(data) > 64)) {
            throw badRequest('BUTTON_DATA_INVALID');
          }
          const url = button['url'];
          if (url !== undefined && (typeof url !== 'string' || !validUrl(url, ['http:', 'https:', 'tg:']))) {
            throw badRequest(`inline keyboard button URL '${String(url)}' is invalid: Wrong HTTP URL`);
          }
        }
      }
      return markup;
    }
    if ('keyboard' in markup) {
      const rows = markup['keyboard'];
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
        throw badRequest('field "keyboard" of the ReplyKeyboardMarkup should be an Array of Arrays');
      }
      for (const row of rows as unknown[][]) {
        for (const button of row) {
          if (typeof button !== 'string' && !(isRecord(button) && typeof button['text'] === 'string')) {
            throw badRequest('can\'t parse keyboard button: Field "text" must be of type String');
          }
        }
      }
      return markup;
    }
    if ('remove_keyboard' in markup || 'force_reply' in markup) return markup;
    throw badRequest("can't parse reply keyboard markup JSON object");
  }

  private replyTarget(state: ChatState, payload: Payload): Message | undefined {
    const params = isRecord(payload['reply_parameters']) ? payload['reply_parameters'] : undefined;
    const id = num(params?.['message_id']) ?? num(payload['reply_to_message_id']);
    if (id === undefined) return undefined;
    const target = state.messages.get(id);
    if (!target || target.deleted) {
      const allow = params?.['allow_sending_without_reply'] ?? payload['allow_sending_without_reply'];
      if (allow === true) return undefined;
      throw badRequest('message to be replied not found');
    }
    const copy = snapshot(target.message);
    delete copy.reply_to_message;
    return copy;
  }

  /** Validates the common parameters, assigns the next message id of the chat and records the delivery. */
  private commitOutgoing(method: string, chatId: number, payload: Payload, content: Record<string, unknown>): Message {
    const markup = this.validateMarkup(payload['reply_markup']);
    const state = this.chatState(chatId);
    const reply = this.replyTarget(state, payload);
    const message = compact({
      message_id: state.nextMessageId,
      message_thread_id: num(payload['message_thread_id']),
      from: this.botUser,
      chat: state.chat,
      date: unixNow(),
      reply_to_message: reply,
      ...content,
      has_protected_content: payload['protect_content'] === true ? true : undefined,
      // Only inline keyboards are part of a Message; reply keyboards live in the client.
      reply_markup: markup && 'inline_keyboard' in markup ? markup : undefined,
    }) as unknown as Message;
    this.store(chatId, message, true, markup);
    this.deliver(method, chatId, message, payload);
    return snapshot(message);
  }

  private deliver(method: string, chatId: number, message: Message, payload: Payload): void {
    const at = now();
    const copy = snapshot(message);
    this.outboxList(chatId).push({ kind: 'send', method, message: copy, at });
    this.delivered.push({ method, chatId, message: copy, payload, at });
    this.notify();
  }

  private recordEdit(method: string, chatId: number, message: Message): void {
    this.outboxList(chatId).push({ kind: 'edit', method, message: snapshot(message), at: now() });
    this.notify();
  }

  private outboxEntries(chatId: number): OutboxEntry[] {
    return this.outboxes.get(chatId) ?? [];
  }

  private outboxList(chatId: number): OutboxEntry[] {
    let list = this.outboxes.get(chatId);
    if (!list) {
      list = [];
      this.outboxes.set(chatId, list);
    }
    return list;
  }

  outbox(chatId: number): Message[] {
    return this.outboxEntries(chatId).map((e) => snapshot(e.message));
  }

  private sendMedia(kind: FileKind, field: string, method: string): Handler {
    return (payload, uploads) => {
      const chatId = this.requireChatId(payload);
      const caption = this.renderCaption(payload);
      const file = this.resolveInputFile(payload[field], kind, field, uploads);
      const content = { ...this.mediaContent(kind, file, payload), ...caption };
      if (payload['has_spoiler'] === true && (kind === 'photo' || kind === 'video' || kind === 'animation')) {
        Object.assign(content, { has_media_spoiler: true });
      }
      return this.commitOutgoing(method, chatId, payload, content);
    };
  }

  private sourceMessage(payload: Payload, action: 'copy' | 'forward'): Message {
    const fromChat = this.resolveChatId(payload['from_chat_id']);
    const id = num(payload['message_id']);
    const stored = id === undefined ? undefined : this.chats.get(fromChat)?.messages.get(id);
    if (!stored || stored.deleted) throw badRequest(`message to ${action} not found`);
    return stored.message;
  }

  private copyContent(source: Message): Record<string, unknown> {
    const content: Record<string, unknown> = {};
    const record = source as unknown as Record<string, unknown>;
    for (const key of CONTENT_KEYS) if (record[key] !== undefined) content[key] = snapshot(record[key]);
    if (Object.keys(content).length === 0) throw badRequest("message can't be copied");
    return content;
  }

  private editable(payload: Payload): StoredMessage | undefined {
    if (payload['inline_message_id'] !== undefined) return undefined;
    const chatId = this.resolveChatId(payload['chat_id']);
    const id = num(payload['message_id']);
    if (id === undefined) throw badRequest('message identifier is not specified');
    const stored = this.chats.get(chatId)?.messages.get(id);
    if (!stored || stored.deleted) throw badRequest('message to edit not found');
    if (!stored.fromBot) throw badRequest("message can't be edited");
    return stored;
  }

  private applyEdit(method: string, stored: StoredMessage, changes: Record<string, unknown>, markup: unknown): Message {
    const message = stored.message as unknown as Record<string, unknown>;
    const inline = isRecord(markup) && 'inline_keyboard' in markup ? markup : undefined;
    const before = JSON.stringify([Object.keys(changes).map((k) => message[k]), message['reply_markup']]);
    const after = JSON.stringify([Object.keys(changes).map((k) => changes[k]), inline]);
    if (before === after) throw badRequest(NOT_MODIFIED);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) delete message[key];
      else message[key] = value;
    }
    // Omitting reply_markup in an edit removes the inline keyboard, as on Telegram.
    if (inline) message['reply_markup'] = inline;
    else delete message['reply_markup'];
    message['edit_date'] = unixNow();
    stored.seq = ++this.seq;
    stored.markup = inline;
    const chatId = (stored.message.chat as Chat).id;
    this.recordEdit(method, chatId, stored.message);
    return snapshot(stored.message);
  }

  incoming(chatId: number, from: User, content: Record<string, unknown>, replyTo?: number): Message {
    const state = this.chatState(chatId);
    let reply: Message | undefined;
    if (replyTo !== undefined) {
      const target = state.messages.get(replyTo);
      if (!target || target.deleted) throw new Error(`fake-telegram: message ${replyTo} does not exist in chat ${chatId}`);
      reply = snapshot(target.message);
      delete reply.reply_to_message;
    }
    return compact({
      message_id: state.nextMessageId,
      from,
      chat: state.chat,
      date: unixNow(),
      reply_to_message: reply,
      ...content,
    }) as unknown as Message;
  }

  stored(chatId: number): StoredMessage[] {
    return [...(this.chats.get(chatId)?.messages.values() ?? [])];
  }

  newCallbackQueryId(): string {
    return `58${String(++this.callbackCounter).padStart(17, '0')}`;
  }

  // ------------------------------------------------------------- methods

  private readonly handlers: Record<string, Handler> = {
    getMe: () => this.botInfo,
    logOut: () => true,
    close: () => true,

    getWebhookInfo: () =>
      compact({
        url: this.webhookState?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: this.queue.length,
        max_connections: this.webhookState?.maxConnections,
        allowed_updates: this.allowedUpdates ? [...this.allowedUpdates] : undefined,
      }),

    setWebhook: (payload) => {
      const url = payload['url'];
      if (typeof url !== 'string') throw badRequest('bad webhook: Webhook URL must be specified');
      if (payload['drop_pending_updates'] === true) this.queue = [];
      if (payload['allowed_updates'] !== undefined) this.setAllowedUpdates(payload['allowed_updates']);
      if (url === '') {
        this.webhookState = undefined;
        return new DescribedResult(true, 'Webhook was deleted');
      }
      // Real Telegram insists on HTTPS; local test servers are plain HTTP, so both pass here.
      if (!validUrl(url, ['http:', 'https:'])) throw badRequest('bad webhook: Invalid URL');
      const secret = payload['secret_token'];
      if (secret !== undefined && (typeof secret !== 'string' || !/^[A-Za-z0-9_-]{1,256}$/.test(secret))) {
        throw badRequest('bad webhook: secret token contains unallowed characters');
      }
      this.webhookState = compact({
        url,
        secretToken: typeof secret === 'string' ? secret : undefined,
        allowedUpdates: this.allowedUpdates ? [...this.allowedUpdates] : undefined,
        maxConnections: num(payload['max_connections']),
      });
      this.poller?.finish(ok([]));
      this.wake();
      return new DescribedResult(true, 'Webhook was set');
    },

    deleteWebhook: (payload) => {
      if (payload['drop_pending_updates'] === true) this.queue = [];
      const had = this.webhookState !== undefined;
      this.webhookState = undefined;
      return new DescribedResult(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
    },

    setMyCommands: (payload) => {
      const commands = payload['commands'];
      if (!Array.isArray(commands)) throw badRequest("can't parse commands JSON object");
      if (commands.length > 100) throw badRequest('too many commands specified');
      for (const c of commands) {
        if (!isRecord(c) || typeof c['command'] !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c['command'])) {
          throw badRequest('BOT_COMMAND_INVALID');
        }
        if (typeof c['description'] !== 'string' || c['description'].length < 1 || c['description'].length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      this.commands.set(
        this.commandKey(payload),
        commands.map((c: BotCommand) => ({ command: c.command, description: c.description })),
      );
      return true;
    },
    getMyCommands: (payload) => this.commands.get(this.commandKey(payload)) ?? [],
    deleteMyCommands: (payload) => {
      this.commands.delete(this.commandKey(payload));
      return true;
    },

    setChatMenuButton: (payload) => {
      const key = payload['chat_id'] === undefined ? 'default' : String(this.resolveChatId(payload['chat_id']));
      this.menuButtons.set(key, payload['menu_button'] ?? { type: 'default' });
      return true;
    },
    getChatMenuButton: (payload) => {
      const key = payload['chat_id'] === undefined ? 'default' : String(this.resolveChatId(payload['chat_id']));
      return this.menuButtons.get(key) ?? this.menuButtons.get('default') ?? { type: 'default' };
    },

    sendMessage: (payload) => {
      const chatId = this.requireChatId(payload);
      const f = this.renderMessageText(payload['text'], payload);
      const content = compact({
        text: f.text,
        entities: f.entities.length > 0 ? f.entities : undefined,
        link_preview_options: isRecord(payload['link_preview_options']) ? payload['link_preview_options'] : undefined,
      });
      return this.commitOutgoing('sendMessage', chatId, payload, content);
    },
    sendPhoto: this.sendMedia('photo', 'photo', 'sendPhoto'),
    sendDocument: this.sendMedia('document', 'document', 'sendDocument'),
    sendVideo: this.sendMedia('video', 'video', 'sendVideo'),
    sendAudio: this.sendMedia('audio', 'audio', 'sendAudio'),
    sendVoice: this.sendMedia('voice', 'voice', 'sendVoice'),
    sendAnimation: this.sendMedia('animation', 'animation', 'sendAnimation'),
    sendVideoNote: this.sendMedia('video_note', 'video_note', 'sendVideoNote'),
    sendSticker: this.sendMedia('sticker', 'sticker', 'sendSticker'),

    sendLocation: (payload) => {
      const chatId = this.requireChatId(payload);
      const location = this.location(payload);
      return this.commitOutgoing('sendLocation', chatId, payload, { location });
    },
    sendVenue: (payload) => {
      const chatId = this.requireChatId(payload);
      const location = this.location(payload);
      const title = payload['title'];
      const address = payload['address'];
      if (typeof title !== 'string' || typeof address !== 'string') throw badRequest('venue title and address must be specified');
      return this.commitOutgoing('sendVenue', chatId, payload, { location, venue: { location, title, address } });
    },
    sendContact: (payload) => {
      const chatId = this.requireChatId(payload);
      const phone = payload['phone_number'];
      const firstName = payload['first_name'];
      if (typeof phone !== 'string' || phone === '') throw badRequest('phone number must be non-empty');
      if (typeof firstName !== 'string' || firstName === '') throw badRequest('first name must be non-empty');
      const contact = compact({
        phone_number: phone,
        first_name: firstName,
        last_name: typeof payload['last_name'] === 'string' ? payload['last_name'] : undefined,
        vcard: typeof payload['vcard'] === 'string' ? payload['vcard'] : undefined,
      });
      return this.commitOutgoing('sendContact', chatId, payload, { contact });
    },
    sendDice: (payload) => {
      const chatId = this.requireChatId(payload);
      const emoji = typeof payload['emoji'] === 'string' ? payload['emoji'] : '🎲';
      const max = emoji === '🎰' ? 64 : emoji === '🏀' || emoji === '⚽' ? 5 : 6;
      return this.commitOutgoing('sendDice', chatId, payload, { dice: { emoji, value: 1 + Math.floor(this.rng() * max) } });
    },

    sendMediaGroup: (payload, uploads) => {
      const chatId = this.requireChatId(payload);
      const media = payload['media'];
      if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
        throw badRequest('wrong number of messages to send: media group must include 2-10 items');
      }
      const types = new Set(media.map((item: unknown) => (isRecord(item) ? item['type'] : undefined)));
      if ((types.has('document') || types.has('audio')) && types.size > 1) {
        throw badRequest('documents and audio files can be only grouped in an album with messages of the same type');
      }
      const groupId = `13${String(++this.mediaGroupCounter).padStart(16, '0')}`;
      const prepared = media.map((item: unknown, index) => {
        if (!isRecord(item) || typeof item['type'] !== 'string') throw badRequest(`can't parse InputMedia at index ${index}`);
        const kind = item['type'];
        if (kind !== 'photo' && kind !== 'video' && kind !== 'document' && kind !== 'audio') {
          throw badRequest(`unsupported media type "${kind}" in a media group`);
        }
        const file = this.resolveInputFile(item['media'], kind, 'media', uploads);
        return { ...this.mediaContent(kind, file, item), ...this.renderCaption(item), media_group_id: groupId };
      });
      // Albums cannot carry keyboards; Telegram silently ignores one.
      const { reply_markup: _ignored, ...rest } = payload;
      return prepared.map((content) => this.commitOutgoing('sendMediaGroup', chatId, rest, content));
    },

    copyMessage: (payload) => {
      const chatId = this.requireChatId(payload);
      const source = this.sourceMessage(payload, 'copy');
      const content = this.copyContent(source);
      // A new caption replaces the original one; text messages have no caption to replace.
      if (payload['caption'] !== undefined && content['text'] === undefined) {
        delete content['caption'];
        delete content['caption_entities'];
        Object.assign(content, this.renderCaption(payload));
      }
      const message = this.commitOutgoing('copyMessage', chatId, payload, content);
      return { message_id: message.message_id };
    },
    forwardMessage: (payload) => {
      const chatId = this.requireChatId(payload);
      const source = this.sourceMessage(payload, 'forward');
      const origin = source.forward_origin ?? {
        type: 'user',
        sender_user: source.from ?? this.botUser,
        date: source.date,
      };
      const { reply_markup: _dropped, ...rest } = payload;
      return this.commitOutgoing('forwardMessage', chatId, rest, { forward_origin: origin, ...this.copyContent(source) });
    },

    editMessageText: (payload) => {
      const stored = this.editable(payload);
      const f = this.renderMessageText(payload['text'], payload);
      const markup = this.validateMarkup(payload['reply_markup']);
      if (!stored) return true;
      if (stored.message.text === undefined) throw badRequest('there is no text in the message to edit');
      return this.applyEdit(
        'editMessageText',
        stored,
        {
          text: f.text,
          entities: f.entities.length > 0 ? f.entities : undefined,
        },
        markup,
      );
    },
    editMessageCaption: (payload) => {
      const stored = this.editable(payload);
      const caption = this.renderCaption(payload);
      const markup = this.validateMarkup(payload['reply_markup']);
      if (!stored) return true;
      if (stored.message.text !== undefined) throw badRequest('there is no caption in the message to edit');
      return this.applyEdit(
        'editMessageCaption',
        stored,
        {
          caption: caption['caption'],
          caption_entities: caption['caption_entities'],
        },
        markup,
      );
    },
    editMessageReplyMarkup: (payload) => {
      const stored = this.editable(payload);
      const markup = this.validateMarkup(payload['reply_markup']);
      if (!stored) return true;
      return this.applyEdit('editMessageReplyMarkup', stored, {}, markup);
    },

    deleteMessage: (payload) => {
      const chatId = this.resolveChatId(payload['chat_id']);
      const stored = this.chats.get(chatId)?.messages.get(num(payload['message_id']) ?? -1);
      if (!stored || stored.deleted) throw badRequest('message to delete not found');
      stored.deleted = true;
      return true;
    },
    deleteMessages: (payload) => {
      const chatId = this.resolveChatId(payload['chat_id']);
      const ids = Array.isArray(payload['message_ids']) ? payload['message_ids'] : [];
      for (const id of ids) {
        const stored = this.chats.get(chatId)?.messages.get(num(id) ?? -1);
        if (stored) stored.deleted = true;
      }
      return true;
    },

    answerCallbackQuery: (payload) => {
      const id = payload['callback_query_id'];
      if (typeof id !== 'string' || !this.pendingCallbacks.has(id)) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      const text = payload['text'];
      if (typeof text === 'string' && text.length > 200) throw badRequest('MESSAGE_TOO_LONG');
      this.pendingCallbacks.delete(id);
      return true;
    },

    sendChatAction: (payload) => {
      this.requireChatId(payload);
      if (typeof payload['action'] !== 'string' || !CHAT_ACTIONS.has(payload['action'])) {
        throw badRequest('wrong parameter action in request');
      }
      return true;
    },

    setMessageReaction: (payload) => {
      const chatId = this.resolveChatId(payload['chat_id']);
      const stored = this.chats.get(chatId)?.messages.get(num(payload['message_id']) ?? -1);
      if (!stored || stored.deleted) throw badRequest('message to react not found');
      return true;
    },

    getFile: (payload) => {
      const id = payload['file_id'];
      const file = typeof id === 'string' ? this.files.get(id) : undefined;
      if (!file) throw badRequest('invalid file_id');
      if (file.size > MAX_DOWNLOAD_BYTES) throw badRequest('file is too big');
      return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.size, file_path: file.file_path };
    },

    getChat: (payload) => {
      const chatId = this.requireChatId(payload);
      return {
        ...this.chatState(chatId).chat,
        accent_color_id: 0,
        max_reaction_count: 11,
        accepted_gift_types: {
          unlimited_gifts: false,
          limited_gifts: false,
          unique_gifts: false,
          premium_subscription: false,
          gifts_from_channels: false,
        },
      };
    },

    getChatMember: (payload) => {
      const chatId = this.requireChatId(payload);
      const userId = num(payload['user_id']);
      if (userId === undefined) throw badRequest('user_id is empty');
      const preset = this.members.get(`${chatId}:${userId}`);
      if (preset) return preset;
      const user = userId === this.botInfo.id ? this.botUser : (this.users.get(userId)?.info ?? { id: userId, is_bot: false, first_name: `User ${userId}` });
      return { status: 'member', user };
    },
  };

  private location(payload: Payload): { latitude: number; longitude: number } & Record<string, unknown> {
    const latitude = num(payload['latitude']);
    const longitude = num(payload['longitude']);
    if (latitude === undefined || latitude < -90 || latitude > 90) throw badRequest('wrong latitude specified');
    if (longitude === undefined || longitude < -180 || longitude > 180) throw badRequest('wrong longitude specified');
    return compact({
      latitude,
      longitude,
      horizontal_accuracy: num(payload['horizontal_accuracy']),
      live_period: num(payload['live_period']),
      heading: num(payload['heading']),
      proximity_alert_radius: num(payload['proximity_alert_radius']),
    });
  }

  private commandKey(payload: Payload | { scope?: BotCommandScope; language_code?: string }): string {
    const p = payload as Payload;
    const scope = isRecord(p['scope']) ? p['scope'] : { type: 'default' };
    const sorted = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
    const lang = typeof p['language_code'] === 'string' ? p['language_code'] : '';
    return `${JSON.stringify(sorted)}|${lang}`;
  }

  // ------------------------------------------------------------ test API

  setDown(down: boolean): void {
    this.down = down;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  sentTo(chatId: number): Message[] {
    return this.outbox(chatId);
  }

  lastMessageTo(chatId: number): Message | undefined {
    const list = this.outboxEntries(chatId);
    const last = list[list.length - 1];
    return last ? snapshot(last.message) : undefined;
  }

  visibleMessages(chatId: number): Message[] {
    return this.stored(chatId)
      .filter((s) => !s.deleted)
      .sort((a, b) => a.message.message_id - b.message.message_id)
      .map((s) => snapshot(s.message));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private describeRecentCalls(): string {
    const interesting = this.calls.filter(
      (c) => !(c.method === 'getUpdates' && c.response.ok && Array.isArray(c.response.result) && c.response.result.length === 0),
    );
    const recent = interesting.slice(-15);
    if (recent.length === 0) return '  (no API calls recorded)';
    return recent
      .map((c) => {
        const text = c.payload['text'] ?? c.payload['caption'];
        const outcome = c.response.ok ? 'ok' : `${c.response.error_code} ${c.response.description}`;
        const chat = c.payload['chat_id'] !== undefined ? ` chat=${String(c.payload['chat_id'])}` : '';
        const shown = typeof text === 'string' ? ` text=${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)}` : '';
        return `  #${this.calls.indexOf(c)} ${c.method}${chat}${shown} -> ${outcome}`;
      })
      .join('\n');
  }

  private wait<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let timer: TimerHandle | undefined;
      const waiter: Waiter = {
        check: () => {
          const found = find();
          if (found === undefined) return false;
          this.waiters.delete(waiter);
          cancel(timer);
          resolve(found);
          return true;
        },
        fail: (error) => {
          this.waiters.delete(waiter);
          cancel(timer);
          reject(error);
        },
      };
      if (waiter.check()) return;
      if (this.closed) {
        reject(new Error('fake-telegram: server is closed'));
        return;
      }
      this.waiters.add(waiter);
      timer = later(() => waiter.fail(new Error(describe())), timeoutMs);
    });
  }

  waitFor(predicate: string | ((call: RecordedCall) => boolean), opts: WaitForOptions = {}): Promise<RecordedCall> {
    const test = typeof predicate === 'string' ? (c: RecordedCall) => c.method === predicate : predicate;
    const from = opts.fromIndex ?? 0;
    const timeoutMs = opts.timeoutMs ?? 3000;
    const what = typeof predicate === 'string' ? `method ${predicate}` : predicate.toString().replace(/\s+/g, ' ').slice(0, 160);
    return this.wait(
      () => this.calls.slice(from).find(test),
      timeoutMs,
      () =>
        `fake-telegram: waitFor timed out after ${timeoutMs}ms waiting for ${what}` +
        `\nPending updates: ${this.queue.length}. Recent calls:\n${this.describeRecentCalls()}`,
    );
  }

  waitForOutbox(
    chatId: number,
    fromIndex: number,
    accept: (m: Message) => boolean,
    timeoutMs: number,
    what: string,
  ): Promise<{ message: Message; index: number }> {
    return this.wait(
      () => {
        const list = this.outboxEntries(chatId);
        for (let i = fromIndex; i < list.length; i++) {
          const entry = list[i] as OutboxEntry;
          if (accept(entry.message)) return { message: snapshot(entry.message), index: i };
        }
        return undefined;
      },
      timeoutMs,
      () => {
        const sent = this.outboxEntries(chatId)
          .map((e, i) => `  [${i}] ${e.method}: ${JSON.stringify(e.message.text ?? e.message.caption ?? '(no text)')}`)
          .join('\n');
        return (
          `fake-telegram: no reply to user ${chatId} within ${timeoutMs}ms (wanted ${what} at index >= ${fromIndex})` +
          `\nBot messages to this chat:\n${sent || '  (none)'}\nRecent calls:\n${this.describeRecentCalls()}`
        );
      },
    );
  }

  reset(): void {
    this.calls.length = 0;
    this.delivered.length = 0;
    this.outboxes.clear();
    this.queue = [];
    this.globalWindow = new SlidingWindow(this.options.limits?.globalPerSecond ?? 30, 1000);
    this.chatWindows = new Map();
    this.groupWindows = new Map();
    for (const user of this.users.values()) {
      user.blocked = false;
      user.mark = 0;
    }
  }

  user(opts: ScriptedUserOptions = {}): ScriptedUser {
    const id = opts.id ?? this.nextUserId++;
    const existing = this.users.get(id);
    if (existing) return existing;
    const first_name = opts.first_name ?? 'Test';
    const info: User = compact({
      id,
      is_bot: false,
      first_name,
      last_name: opts.last_name,
      username: opts.username,
      language_code: opts.language_code,
      is_premium: opts.is_premium,
    });
    const chat: Chat.PrivateChat = compact({
      id,
      type: 'private' as const,
      first_name,
      last_name: opts.last_name,
      username: opts.username,
    });
    const phone = opts.phone_number ?? `+77${String(id % 1_000_000_000).padStart(9, '0')}`;
    const user = new ScriptedUserImpl(this, info, chat, phone);
    this.users.set(id, user);
    this.chatState(id).chat = chat;
    this.knownChats.add(id);
    return user;
  }

  setChatMember(chatId: number, member: ChatMember): void {
    this.members.set(`${chatId}:${member.user.id}`, snapshot(member));
  }

  myCommands(opts: { scope?: BotCommandScope; language_code?: string } = {}): BotCommand[] {
    return snapshot(this.commands.get(this.commandKey(opts)) ?? []);
  }

  async postToWebhook(update: Update): Promise<number> {
    const hook = this.webhookState;
    if (!hook) throw new Error('fake-telegram: postToWebhook() needs the bot to call setWebhook first');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (hook.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = hook.secretToken;
    const { status, text } = await postJson(hook.url, JSON.stringify(update), headers);
    if (status >= 200 && status < 300) {
      // Delivered updates leave the queue, as on Telegram.
      this.queue = this.queue.filter((u) => u.update_id !== update.update_id);
      this.handleWebhookReply(text);
    }
    return status;
  }

  /** grammY can answer a webhook with a method call in the response body; Telegram executes it. */
  private handleWebhookReply(text: string): void {
    if (text.trim() === '') return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(body) || typeof body['method'] !== 'string') return;
    const { method: raw, ...payload } = body;
    const method = this.canonicalMethod(raw as string);
    const at = now();
    const outcome = method === undefined || method === 'getUpdates' ? failure(new ApiError(404, 'Not Found: method not found')) : this.run(method, payload, []);
    this.record(method ?? (raw as string), payload, [], at, outcome, true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.delivery?.close();
    this.poller?.finish(ok([]));
    for (const waiter of [...this.waiters]) waiter.fail(new Error('fake-telegram: server closed while waiting'));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // Keep-alive sockets from grammY's agent would otherwise hold close() open.
      this.server.closeAllConnections();
    });
  }
}

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const fake = new FakeTelegramServer(options);
  await fake.listen();
  return fake;
}
