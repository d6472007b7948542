// The portal's pages held in memory, already compressed, so a viral spike is served without touching the
// database or compressing anything (issue 17: p95 < 50 ms at 50 connections on two cores leaves ~0.6 ms of
// event-loop time per request, which only a hit can meet). A page is rendered once per key and TTL: concurrent
// misses of one key wait for one render (lru-cache's fetchMethod), a stale page is served while one refresh runs,
// and renders that query the database are limited to a few at once; a crowd on random URLs beyond that queue
// gets a 503 with Retry-After instead of taking the database down.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';

export interface RenderedPage {
  status: 200 | 404;
  html: string;
  /** seconds a browser or proxy may keep it, and serve it stale while refreshing */
  maxAge: number;
  staleWhileRevalidate: number;
  /** headers of this page over the cache's own (the map's and the widgets' Content-Security-Policy) */
  headers?: Record<string, string>;
  /** the body's media type; HTML by default */
  type?: string;
}

interface Entry {
  status: number;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  cacheControl: string;
  headers: Record<string, string>;
  type: string;
  /** after this (ms since 1970) the page is too old even to be served stale while it is refreshed */
  staleUntil: number;
}

export interface PageCacheOptions {
  /** bytes of pages kept (all three encodings count) */
  maxBytes?: number;
  /** renders that may query the database at once */
  concurrency?: number;
  /** renders allowed to wait for one of those; beyond it the request gets a 503 */
  maxWaiting?: number;
  /** extra headers of every page (the Content-Security-Policy) */
  headers: Record<string, string>;
}

export class PortalBusyError extends Error {}

function entryOf(page: RenderedPage, now: number): Entry {
  const identity = Buffer.from(page.html, 'utf8');
  return {
    status: page.status,
    etag: `W/"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    // Quality 5: most of Brotli's gain over gzip at a fraction of the time of 11; paid once per render.
    br: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    cacheControl: `public, max-age=${page.maxAge}, stale-while-revalidate=${page.staleWhileRevalidate}`,
    headers: page.headers ?? {},
    type: page.type ?? 'text/html; charset=utf-8',
    staleUntil: now + (page.maxAge + page.staleWhileRevalidate) * 1000,
  };
}

/** The encoding to send: Brotli, else gzip, else none (q=0 refuses one). */
export function negotiate(acceptEncoding: string | undefined): 'br' | 'gzip' | 'identity' {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set(
    acceptEncoding
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === etag.slice(2) || t.trim() === '*');

export function createPageCache(opts: PageCacheOptions) {
  const limit = pLimit(opts.concurrency ?? 4);
  const maxWaiting = opts.maxWaiting ?? 200;
  const cache = new LRUCache<string, Entry, () => Promise<RenderedPage>>({
    maxSize: opts.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (e) => e.identity.length + e.gzip.length + e.br.length + 200,
    ttl: 30_000,
    allowStale: true,
    // A refresh that fails keeps the old page rather than failing the crowd reading it.
    allowStaleOnFetchRejection: true,
    fetchMethod: async (_key, _stale, { options, context }) => {
      const page = await limit(context);
      options.ttl = page.maxAge * 1000;
      return entryOf(page, Date.now());
    },
  });

  return {
    /** Sends the page under `key`, rendering it with `render` when it is missing or stale. */
    async send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>): Promise<FastifyReply> {
      // lru-cache keeps a stale page until it is evicted: one left unread for hours is dropped, not served.
      const held = cache.peek(key, { allowStale: true });
      if (held && held.staleUntil < Date.now()) cache.delete(key);
      // A page nobody has (not even a stale copy) while the render queue is full: refuse rather than queue.
      if (limit.pendingCount >= maxWaiting && cache.peek(key, { allowStale: true }) === undefined)
        throw new PortalBusyError('too many pages waiting to be rendered');
      const entry = await cache.fetch(key, { context: render });
      if (!entry) throw new Error(`portal page ${key} was not rendered`);
      reply.headers({ ...opts.headers, ...entry.headers, 'cache-control': entry.cacheControl, etag: entry.etag, vary: 'Accept-Encoding' });
      if (entry.status === 200 && matches(req.headers['if-none-match'], entry.etag)) return reply.code(304).send();
      const encoding = negotiate(req.headers['accept-encoding']);
      reply.code(entry.status).type(entry.type);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply.send(entry[encoding]);
    },
    /** Drops every page whose key starts with `prefix` (a report hidden, a file withheld). */
    purge(prefix = ''): void {
      for (const key of cache.keys()) if (key.startsWith(prefix)) cache.delete(key);
    },
    get size(): number {
      return cache.size;
    },
  };
}
