// Telegram's side of a webhook: queued updates are POSTed to the bot, one update of a chat at a time and in
// order, many chats at once; an update that is not answered 2xx in time is sent again (with the same
// update_id) while the first attempt may still be running, which is how a bot receives an update twice.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import type { Update } from 'grammy/types';
import { later, now } from './clock.js';
import type { WebhookAttempt, WebhookDeliveryOptions, WebhookState } from './types.js';

export interface DeliveryHost {
  webhook(): WebhookState | undefined;
  /** queued updates the bot subscribed to, oldest first */
  deliverable(): Update[];
  /** a 2xx came back: the update leaves the queue, and a method in the body is executed */
  delivered(update: Update, body: string): void;
}

/** The chat an update belongs to: Telegram keeps one chat's updates in order. */
function chatKey(u: Update): string {
  const chat = u.message?.chat ?? u.edited_message?.chat ?? u.callback_query?.message?.chat ?? u.my_chat_member?.chat ?? u.chat_member?.chat;
  if (chat) return `c${chat.id}`;
  const from = u.callback_query?.from ?? u.inline_query?.from;
  return from ? `u${from.id}` : `x${u.update_id}`;
}

function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; text: string } | 'timeout' | 'error'> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve('error'));
    });
    // Telegram gives up on the connection; the bot may go on handling the update regardless.
    req.setTimeout(timeoutMs, () => {
      resolve('timeout');
      req.destroy();
    });
    req.on('error', () => resolve('error'));
    req.end(body);
  });
}

export class WebhookDelivery {
  readonly attempts: WebhookAttempt[] = [];
  private readonly busyChats = new Set<string>();
  private readonly tries = new Map<number, number>();
  private inFlight = 0;
  private closed = false;

  constructor(
    private readonly host: DeliveryHost,
    private readonly options: WebhookDeliveryOptions,
  ) {}

  pump(): void {
    const hook = this.host.webhook();
    if (this.closed || !hook) return;
    const max = this.options.maxConnections ?? 40;
    for (const update of this.host.deliverable()) {
      if (this.inFlight >= max) return;
      const key = chatKey(update);
      if (this.busyChats.has(key)) continue;
      this.busyChats.add(key);
      this.inFlight += 1;
      void this.deliver(update, key, hook);
    }
  }

  private async deliver(update: Update, key: string, hook: WebhookState): Promise<void> {
    const attempt = (this.tries.get(update.update_id) ?? 0) + 1;
    this.tries.set(update.update_id, attempt);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (hook.secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = hook.secretToken;
    const result = await post(this.options.url ?? hook.url, JSON.stringify(update), headers, this.options.timeoutMs ?? 10_000);
    const outcome = typeof result === 'string' ? result : result.status;
    this.attempts.push({ updateId: update.update_id, attempt, outcome, at: now() });
    this.inFlight -= 1;
    if (typeof result !== 'string' && result.status >= 200 && result.status < 300) {
      this.tries.delete(update.update_id);
      this.host.delivered(update, result.text);
      this.busyChats.delete(key);
      this.pump();
      return;
    }
    // The chat stays blocked: its later updates wait until this one gets through, as on Telegram.
    later(() => {
      this.busyChats.delete(key);
      this.pump();
    }, this.options.retryDelayMs ?? 200);
  }

  close(): void {
    this.closed = true;
  }
}
