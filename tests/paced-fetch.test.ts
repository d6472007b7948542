// The fetch under the bot's Bot API calls: messages to one chat are spaced, other chats are not held
// up, and flood control (429) is waited out and retried below whoever made the call.
import { describe, expect, it } from 'vitest';
import { pacedFetch } from '../bot/paced-fetch.ts';

const call = (method: string, body: unknown) => [`https://api.telegram.org/bot1:x/${method}`, { method: 'POST', body: JSON.stringify(body) }] as const;

function recorder(answers: Array<{ status: number; body: unknown }> = []) {
  const seen: Array<{ method: string; text: string; at: number }> = [];
  const base = (async (input: string | URL | Request, init?: RequestInit) => {
    seen.push({ method: String(input).split('/').pop()!, text: String((JSON.parse(String(init?.body)) as { text?: string }).text), at: Date.now() });
    const a = answers.shift() ?? { status: 200, body: { ok: true, result: {} } };
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { seen, base };
}

describe('paced fetch', () => {
  it('spaces messages to one chat by the interval but lets another chat through at once', async () => {
    const r = recorder();
    const f = pacedFetch({ perChatMs: 200, base: r.base });
    const started = Date.now();
    await Promise.all([
      f(...call('sendMessage', { chat_id: 1, text: 'a' })),
      f(...call('sendMessage', { chat_id: 1, text: 'b' })),
      f(...call('sendMessage', { chat_id: 2, text: 'c' })),
    ]);
    const at = (text: string) => r.seen.find((s) => s.text === text)!.at - started;
    const [a, b, c] = [at('a'), at('b'), at('c')];
    expect(b! - a!).toBeGreaterThanOrEqual(190);
    expect(c!).toBeLessThan(150);
  });

  it('does not pace calls that send nothing to a chat (edits, answers, getUpdates)', async () => {
    const r = recorder();
    const f = pacedFetch({ perChatMs: 500, base: r.base });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await f(...call('editMessageText', { chat_id: 1, message_id: 1, text: String(i) }));
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('waits out a 429 and retries, so the caller sees only the success', async () => {
    const r = recorder([
      { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } },
    ]);
    const f = pacedFetch({ perChatMs: 0, base: r.base });
    const res = await f(...call('sendMessage', { chat_id: 7, text: 'x' }));
    expect(res.status).toBe(200);
    expect(r.seen).toHaveLength(2);
    expect(r.seen[1]!.at - r.seen[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('hands back a 429 that asks for a longer wait than it may take', async () => {
    const r = recorder([
      { status: 429, body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 120', parameters: { retry_after: 120 } } },
    ]);
    const f = pacedFetch({ perChatMs: 0, maxRetryAfterSeconds: 30, base: r.base });
    expect((await f(...call('sendMessage', { chat_id: 7, text: 'x' }))).status).toBe(429);
    expect(r.seen).toHaveLength(1);
  });
});
