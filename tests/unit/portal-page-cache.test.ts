// The portal's page cache without a database: one render for a crowd of concurrent misses, a 503 instead of an
// unbounded queue of renders, and the encoding each client can read.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createPageCache, negotiate, PortalBusyError, type RenderedPage } from '../../server/portal/page-cache.ts';

const page = (html: string): RenderedPage => ({ status: 200, html, maxAge: 60, staleWhileRevalidate: 300 });

describe('portal page cache', () => {
  it('renders a page once for fifty visitors arriving together', async () => {
    const cache = createPageCache({ headers: {} });
    const app = Fastify();
    let renders = 0;
    app.get('/p', (req, reply) =>
      cache.send(req, reply, 'p', async () => {
        renders++;
        await new Promise((r) => setTimeout(r, 20));
        return page('<p>viral</p>');
      }),
    );
    const replies = await Promise.all(Array.from({ length: 50 }, () => app.inject({ method: 'GET', url: '/p' })));
    expect(replies.every((r) => r.statusCode === 200 && r.body === '<p>viral</p>')).toBe(true);
    expect(renders).toBe(1);
    await app.close();
  });

  it('refuses a render beyond the waiting limit instead of queueing it, and keeps nothing of it', async () => {
    const cache = createPageCache({ headers: {}, concurrency: 1, maxWaiting: 1 });
    const app = Fastify();
    app.setErrorHandler((err, _req, reply) => reply.code(err instanceof PortalBusyError ? 503 : 500).send(String(err)));
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    app.get('/:k', (req, reply) =>
      cache.send(req, reply, (req.params as { k: string }).k, async () => {
        await gate;
        return page('<p>ok</p>');
      }),
    );
    const running = app.inject({ method: 'GET', url: '/a' });
    await new Promise((r) => setTimeout(r, 10));
    const waiting = app.inject({ method: 'GET', url: '/b' });
    await new Promise((r) => setTimeout(r, 10));
    expect((await app.inject({ method: 'GET', url: '/c' })).statusCode).toBe(503);
    release();
    expect((await running).statusCode).toBe(200);
    expect((await waiting).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/c' })).statusCode).toBe(200);
    await app.close();
  });

  it('sends Brotli, else gzip, else plain text, and honours q=0', () => {
    expect(negotiate('gzip, deflate, br')).toBe('br');
    expect(negotiate('gzip')).toBe('gzip');
    expect(negotiate('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(negotiate('identity')).toBe('identity');
    expect(negotiate(undefined)).toBe('identity');
  });
});
