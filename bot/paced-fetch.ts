// The fetch under every Bot API call of the bot, including calls made inside conversations (the
// conversations plugin builds its own Api objects, which do not carry the bot's API transformers).
// It keeps messages to one chat about a second apart and all of them within Telegram's ~30 a second
// (conversations' calls bypass the bot's throttler, so a crowd entering a flow at once used to
// collect 429s until the retries ran out and the citizens got no answer), and waits out flood
// control (429) itself, so a flow that answers with two messages in a row never fails, and a
// replayed conversation never sees the 429 at all (it is stored only after this layer).
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
  base?: typeof fetch;
}

export function pacedFetch({
  perChatMs = 1050,
  perSecond = 30,
  maxRetryAfterSeconds = 30,
  maxRetries = 3,
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
    for (let attempt = 0; ; attempt += 1) {
      if (chat) await waitForSlot(chat);
      const res = await base(input, init);
      if (res.status !== 429 || attempt >= maxRetries) return res;
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
}
