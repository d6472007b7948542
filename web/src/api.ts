// The one way the console talks to the server: the admin API with the session cookie, the CSRF header
// on every write, and the reader's language. Errors come back as ApiError with a message to show.
/** A refused field: its path in the request, the reason's code (field.required …) and the message in the reader's language. */
export interface ErrorDetail {
  path: string;
  code?: string;
  params?: Record<string, string | number>;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiOptions {
  /** kk, ru or en: sent as Accept-Language (the API answers errors in that language) */
  locale(): string;
  csrf(): string | null;
  /** a 401 on a call made while signed in: the session ended elsewhere */
  onUnauthorized(): void;
  /** the message to show for an error: the server's, or the console's own when there was no answer */
  localise(code: string, serverMessage: string, details: ErrorDetail[]): string;
  /** hands a downloaded file to the user (the page saves it through a link; tests may record it) */
  saveFile(blob: Blob, name: string): void;
  fetch?: typeof fetch;
}

/** What fetch accepts as a body (a string, a Blob, FormData …); named without the DOM library. */
export type RawBody = NonNullable<RequestInit['body']>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

export interface Api {
  get<T>(url: string, query?: Query): Promise<T>;
  post<T>(url: string, body?: unknown): Promise<T>;
  patch<T>(url: string, body: unknown): Promise<T>;
  put<T>(url: string, body: unknown): Promise<T>;
  del<T>(url: string): Promise<T>;
  /** a write whose body is not JSON (a CSV list, a file), with the same session, CSRF and errors; `headers` adds
   *  what such a body cannot carry itself (a file's name in x-file-name) */
  send<T>(method: string, url: string, body: RawBody, contentType: string, headers?: Record<string, string>): Promise<T>;
  /** GET a file (an export, an annex) with the session and save it under the server's name */
  download(url: string, query?: Query): Promise<void>;
}

export function createApi(opts: ApiOptions): Api {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));

  async function failure(res: Response | null, cause?: unknown): Promise<ApiError> {
    if (!res) return new ApiError(0, 'network', opts.localise('network', String(cause ?? ''), []));
    type ErrorAnswer = { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
    let body: ErrorAnswer | null;
    try {
      body = (await res.json()) as ErrorAnswer;
    } catch {
      body = null;
    }
    const code = body?.error?.code ?? (res.status >= 500 ? 'internal' : 'http');
    if (res.status === 401) opts.onUnauthorized();
    const details = body?.error?.details ?? [];
    return new ApiError(res.status, code, opts.localise(code, body?.error?.message ?? `HTTP ${res.status}`, details), details);
  }

  async function call(
    method: string,
    url: string,
    body?: unknown,
    raw?: { body: RawBody; contentType: string; headers?: Record<string, string> },
  ): Promise<Response> {
    // the caller's extra headers first, so they can never replace the session's own (language, CSRF)
    const headers: Record<string, string> = { ...raw?.headers, accept: 'application/json', 'accept-language': opts.locale() };
    if (raw) headers['content-type'] = raw.contentType;
    else if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = opts.csrf();
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    let res: Response;
    try {
      res = await doFetch(url, { method, headers, credentials: 'same-origin', body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw await failure(null, e);
    }
    if (!res.ok) throw await failure(res);
    return res;
  }

  const json = async <T>(method: string, url: string, body?: unknown): Promise<T> => (await call(method, url, body)).json() as Promise<T>;

  return {
    get: (url, query) => json('GET', withQuery(url, query)),
    post: (url, body) => json('POST', url, body),
    patch: (url, body) => json('PATCH', url, body),
    put: (url, body) => json('PUT', url, body),
    del: (url) => json('DELETE', url),
    send: async <T>(method: string, url: string, body: RawBody, contentType: string, headers?: Record<string, string>) =>
      (await call(method, url, undefined, { body, contentType, headers })).json() as Promise<T>,
    async download(url, query) {
      const res = await call('GET', withQuery(url, query));
      const blob = await res.blob();
      const disposition = res.headers.get('content-disposition') ?? '';
      const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
      const plain = /filename="?([^";]+)"?/i.exec(disposition);
      const name = star ? decodeURIComponent(star[1]!) : (plain?.[1] ?? url.split('/').pop() ?? 'download');
      opts.saveFile(blob, name);
    },
  };
}
