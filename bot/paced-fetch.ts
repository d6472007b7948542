// The fetch under every Bot API call of the bot, including calls made inside conversations (the
// conversations plugin builds its own Api objects, which do not carry the bot's API transformers).
// It keeps messages to one chat about a second apart and waits out flood control (429) itself, so
// a flow that answers with two messages in a row never fails, and a replayed conversation never
// sees the 429 at all (it is stored only after this layer).
const PACED = /^(send(?!ChatAction)\w+|copyMessages?|forwardMessages?)$/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PacedFetchOptions {
  perChatMs?: number;
  /** a 429 asking to wait longer than this is returned to the caller instead of waited out */
  maxRetryAfterSeconds?: number;
  maxRetries?: number;
  base?: typeof fetch;
}

export function pacedFetch({ perChatMs = 1050, maxRetryAfterSeconds = 30, maxRetries = 3, base = globalThis.fetch }: PacedFetchOptions = {}): typeof fetch {
  const nextSlot = new Map<string, number>();

  async function waitForSlot(chat: string): Promise<void> {
    const now = Date.now();
    if (nextSlot.size > 10_000) for (const [k, at] of nextSlot) if (at < now) nextSlot.delete(k);
    const at = Math.max(now, nextSlot.get(chat) ?? 0);
    nextSlot.set(chat, at + perChatMs);
    if (at > now) await sleep(at - now);
  }

  return async (input, init) => {
    const method = String(input instanceof Request ? input.url : input).split('/').pop() ?? '';
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
      const body = (await res.clone().json().catch(() => null)) as { parameters?: { retry_after?: number } } | null;
      const after = body?.parameters?.retry_after ?? 1;
      if (after > maxRetryAfterSeconds) return res;
      if (chat) nextSlot.set(chat, Date.now() + after * 1000);
      await sleep(after * 1000);
    }
  };
}
