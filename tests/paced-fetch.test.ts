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

  it('retries a server error below the caller, so a flow never sees it', async () => {
    const r = recorder([
      { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } },
      { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } },
    ]);
    const f = pacedFetch({ perChatMs: 0, backoffMs: 10, base: r.base });
    const res = await f(...call('sendMessage', { chat_id: 7, text: 'x' }));
    expect(res.status).toBe(200);
    expect(r.seen).toHaveLength(3);
  });

  it('gives a persisting server error back once its retries are spent', async () => {
    const fail = { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
    const r = recorder([fail, fail, fail]);
    const f = pacedFetch({ perChatMs: 0, backoffMs: 10, maxServerRetries: 2, base: r.base });
    expect((await f(...call('sendMessage', { chat_id: 7, text: 'x' }))).status).toBe(500);
    expect(r.seen).toHaveLength(3);
  });

  it('abandons a call Telegram does not answer and sends it again', async () => {
    let calls = 0;
    const base = ((_input: string | URL | Request, init?: RequestInit) => {
      calls += 1;
      if (calls === 1) {
        // never answers: only the attempt's abort ends it
        return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
      }
      return Promise.resolve(new Response(JSON.stringify({ ok: true, result: {} }), { status: 200 }));
    }) as typeof fetch;
    const f = pacedFetch({ perChatMs: 0, attemptTimeoutMs: 100, backoffMs: 10, base });
    expect((await f(...call('sendMessage', { chat_id: 7, text: 'x' }))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('does not retry when the caller itself gave up', async () => {
    let calls = 0;
    const base = ((_input: string | URL | Request, init?: RequestInit) => {
      calls += 1;
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    }) as typeof fetch;
    const f = pacedFetch({ perChatMs: 0, attemptTimeoutMs: 5000, backoffMs: 10, base });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 50);
    const [url, init] = call('sendMessage', { chat_id: 7, text: 'x' });
    await expect(f(url, { ...init, signal: caller.signal })).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
