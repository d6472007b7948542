// The console's API client: every write, JSON or not (a CSV list), carries the session's CSRF token and
// the reader's language, and a refused one comes back as the server's localised message; a 401 asks
// to sign in again instead of losing the screen.
import { describe, expect, it } from 'vitest';
import { ApiError, createApi } from '../web/src/api.ts';

function client(answer: Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  let unauthorized = 0;
  const api = createApi({
    locale: () => 'en',
    csrf: () => 'csrf-1',
    onUnauthorized: () => unauthorized++,
    localise: (code, message) => (code === 'network' ? 'offline' : message),
    saveFile: () => undefined,
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return answer.clone();
    }) as typeof fetch,
  });
  return { api, calls, unauthorized: () => unauthorized };
}

describe('console API client', () => {
  it('sends a CSV body as it is, with the CSRF token and the language, and reads the JSON answer', async () => {
    const c = client(new Response(JSON.stringify({ rows: 2 }), { status: 200, headers: { 'content-type': 'application/json' } }));
    const r = await c.api.send<{ rows: number }>('POST', '/api/projects/1/beneficiaries/import', 'ФИО;телефон\nА;1', 'text/csv');
    expect(r).toEqual({ rows: 2 });
    const { init } = c.calls[0]!;
    expect(init.body).toBe('ФИО;телефон\nА;1');
    expect(init.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': 'csrf-1', 'accept-language': 'en' });
  });

  it("sends a file with its name in a header, which cannot replace the session's CSRF token", async () => {
    const c = client(new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } }));
    await c.api.send('POST', '/api/impact/indicators/1/values/2026-Q1/evidence', 'bytes', 'application/octet-stream', {
      'x-file-name': encodeURIComponent('акт.pdf'),
      'x-csrf-token': 'forged',
    });
    expect(c.calls[0]!.init.headers).toMatchObject({
      'content-type': 'application/octet-stream',
      'x-file-name': '%D0%B0%D0%BA%D1%82.pdf',
      'x-csrf-token': 'csrf-1',
    });
  });

  it("turns a refusal into the server's message and a 401 into a request to sign in again", async () => {
    const c = client(new Response(JSON.stringify({ error: { code: 'auth.unauthenticated', message: 'Please sign in.' } }), { status: 401 }));
    const err = await c.api.send('POST', '/api/x', 'a', 'text/csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('Please sign in.');
    expect(c.unauthorized()).toBe(1);
  });
});
