// The fetch under every Bot API call of the bot, including calls made inside conversations (the
// conversations plugin builds its own Api objects, which do not carry the bot's API transformers).
// It keeps messages to one chat about a second apart and all of them within Telegram's ~30 a second
// (conversations' calls bypass the bot's throttler, so a crowd entering a flow at once used to
// collect 429s until the retries ran out and the citizens got no answer), and waits out flood
// control (429) itself, so a flow that answers with two messages in a row never fails, and a
// replayed conversation never sees the 429 at all (it is stored only after this layer).
// For the same reason it retries what Telegram fails for a moment (500, 502, 503, 504, a dropped
// connection, no answer within `attemptTimeoutMs`): a conversation that saw the failure would end
// with it, and the citizen would have to start the flow again from the menu. A retried send that
// Telegram had in fact delivered shows the citizen one message twice, never a lost step.
import { JITTER_MARGIN, SendSlots } from '../core/outbox/send-slots.ts';

const PACED = /^(send(?!ChatAction)\w+|copyMessages?|forwardMessages?)$/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PacedFetchOptions {
  perChatMs?: number;
  /** messages a second overall, with a 3 % margin for jitter */
  perSecond?: number;
  /** a 429 asking to wait longer than this is returned to the caller instead of waited out */
  maxRetryAfterSeconds?: number;
  maxRetries?: number;
  /** a call (other than getUpdates, which waits on purpose) not answered within this is abandoned and retried */
  attemptTimeoutMs?: number;
  /** retries of a server error, dropped connection or timeout, after 1 s, 2 s, 4 s … (`backoffMs` doubling) */
  maxServerRetries?: number;
  backoffMs?: number;
  base?: typeof fetch;
}

const TRANSIENT = new Set([500, 502, 503, 504]);

class AttemptTimeout extends Error {}

export function pacedFetch({
  perChatMs = 1050,
  perSecond = 30,
  maxRetryAfterSeconds = 30,
  maxRetries = 3,
  attemptTimeoutMs = 15_000,
  maxServerRetries = 3,
  backoffMs = 1000,
  base = globalThis.fetch,
}: PacedFetchOptions = {}): typeof fetch {
  const slots = new SendSlots((1000 / perSecond) * JITTER_MARGIN, perChatMs);

  async function waitForSlot(chat: string): Promise<void> {
    const wait = slots.take(chat) - Date.now();
    if (wait > 0) await sleep(wait);
  }

  return async (input, init) => {
    const method =
      String(input instanceof Request ? input.url : input)
        .split('/')
        .pop() ?? '';
    let chat: string | undefined;
    if (PACED.test(method) && typeof init?.body === 'string') {
      try {
        chat = String((JSON.parse(init.body) as { chat_id?: unknown }).chat_id ?? '') || undefined;
      } catch {
        chat = undefined;
      }
    }
    // A streamed body (a file upload) cannot be sent a second time.
    const resendable = init?.body === undefined || typeof init.body === 'string';
    const outer = init?.signal ?? undefined;
    let floods = 0;
    let failures = 0;
    for (;;) {
      if (chat) await waitForSlot(chat);
      let res: Response;
      try {
        // An upload may rightly take long, and could not be sent again anyway: grammY's own timeout governs it.
        res = await attemptOnce(input, init, method === 'getUpdates' || !resendable ? undefined : attemptTimeoutMs);
      } catch (e) {
        // The caller's own timeout or abort ends it; a dropped connection or our attempt timeout is retried.
        if (outer?.aborted || !resendable || failures >= maxServerRetries)
          throw e instanceof AttemptTimeout ? new Error(`Telegram did not answer ${method} within ${attemptTimeoutMs} ms`) : e;
        await sleep(backoffMs * 2 ** failures++);
        continue;
      }
      if (TRANSIENT.has(res.status) && resendable && failures < maxServerRetries && method !== 'getUpdates') {
        await res.body?.cancel().catch(() => {});
        await sleep(backoffMs * 2 ** failures++);
        continue;
      }
      if (res.status !== 429 || floods >= maxRetries) return res;
      floods += 1;
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { parameters?: { retry_after?: number } } | null;
      const after = body?.parameters?.retry_after ?? 1;
      if (after > maxRetryAfterSeconds) return res;
      if (chat) slots.holdChat(chat, Date.now() + after * 1000);
      await sleep(after * 1000);
    }
  };

  /** One request, abandoned after `timeoutMs`, and at once when the caller aborts. */
  async function attemptOnce(input: Parameters<typeof fetch>[0], init: RequestInit | undefined, timeoutMs: number | undefined): Promise<Response> {
    const outer = init?.signal ?? undefined;
    if (timeoutMs === undefined) return base(input, init);
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    // grammY's signal comes from a polyfill: listened to, not passed on.
    outer?.addEventListener('abort', onAbort);
    if (outer?.aborted) controller.abort();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      return await base(input, { ...init, signal: controller.signal });
    } catch (e) {
      throw timedOut && !outer?.aborted ? new AttemptTimeout() : e;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }
}
