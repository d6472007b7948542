// The fetch under the bot's Bot API calls, on undici's `request`. grammY's default (node-fetch with an http.Agent)
// costs about 0.08 ms of CPU a call and Node's own fetch, which the paced fetch wrapped, 0.25–0.29 ms; `request`
// on the same kept-alive connections 0.04 ms (bench/FIXES.md 9, issue 23). grammY reads only `json()` of the
// answer and the paced fetch `status`, `clone().json()` and `body.cancel()`, so the answer is read whole and
// handed over in that shape rather than as a WHATWG Response, whose streams cost more than the call.
import type { Dispatcher } from 'undici';
import { request } from 'undici';

type Init = { method?: string; headers?: Record<string, string>; body?: unknown; signal?: unknown };

export function lightFetch(dispatcher: Dispatcher): typeof fetch {
  return (async (input: Parameters<typeof fetch>[0], init?: Init) => {
    const url = input instanceof Request ? input.url : String(input);
    const res = await request(url, {
      dispatcher,
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      ...(init?.headers ? { headers: init.headers } : {}),
      ...(init?.body !== undefined ? { body: init.body as string } : {}),
      ...(init?.signal ? { signal: init.signal as AbortSignal } : {}),
    });
    const text = await res.body.text();
    const answer = {
      status: res.statusCode,
      ok: res.statusCode >= 200 && res.statusCode < 300,
      json: async () => JSON.parse(text) as unknown,
      text: async () => text,
      clone: () => answer,
      body: { cancel: async () => {} },
    };
    return answer as unknown as Response;
  }) as typeof fetch;
}
