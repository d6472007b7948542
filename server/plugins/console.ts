// The staff console: the built single-page app under /console/ (any unknown path below it gets the
// page, which routes itself), `/` redirecting there, and the small public config the page needs before
// sign-in. The page holds no data: everything comes from the admin API with the session cookie.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buildConsole, DEFAULT_OUT_DIR, isBuilt, isStale } from '../../web/build.mjs';
import { configBody } from './console-schemas.ts';

export interface ConsoleOptions {
  mapTileUrl: string;
  mapAttribution: string;
  /** where the built console is; web/dist by default */
  distDir?: string;
}

/** The tile server's origin for the page's CSP: https://{s}.tile.example.org/… → https://*.tile.example.org */
export function tileOrigin(template: string): string {
  const m = /^(https?:\/\/[^/]+)/.exec(template.replace(/\{s\}/g, '*'));
  return m ? m[1]! : "'self'";
}

export function consolePolicy(mapTileUrl: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Leaflet positions tiles and markers with inline styles.
    "style-src 'self' 'unsafe-inline'",
    // Only our own images and the map's tiles: evidence an outside app gave as a link (Open311 media_url)
    // is shown as a link, and no image from elsewhere may tell its server who on the staff looks and when.
    `img-src 'self' data: ${tileOrigin(mapTileUrl)}`,
    "media-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const ASSET = /^[A-Za-z0-9_-]+\.(js|css|svg|png|ico)$/;

export const consoleRoutes =
  (opts: ConsoleOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const root = opts.distDir ?? DEFAULT_OUT_DIR;
    // A checkout that skipped the install scripts still gets a console, a second slower to start. An
    // existing build is never rebuilt here: in production the folder may be read-only, and the API
    // must start whatever happens to the console.
    if (!isBuilt(root)) {
      app.log.info({ dir: root }, 'building the staff console');
      try {
        await buildConsole({ outDir: root });
      } catch (err) {
        app.log.error({ err, dir: root }, 'the staff console could not be built: run `npm run build:web`; the API works without it');
      }
    } else if (isStale(root)) {
      app.log.warn({ dir: root }, 'the staff console is older than its sources: run `npm run build:web` to update it');
    }
    // Without a build (it failed above) the page answers 503; the static plugin would refuse the folder.
    if (isBuilt(root)) await app.register(fastifyStatic, { root, serve: false });
    const policy = consolePolicy(opts.mapTileUrl);
    const config = { mapTileUrl: opts.mapTileUrl, mapAttribution: opts.mapAttribution };

    app.get(
      '/api/console/config',
      {
        schema: {
          tags: ['console'],
          summary: 'What the console page needs before sign-in (public: no staff data)',
          response: { 200: configBody },
        },
      },
      async () => config,
    );

    // The public portal answers `/` when it is on (PORTAL_HOME); otherwise `/` is the console's.
    if (!app.hasRoute({ method: 'GET', url: '/' })) app.get('/', { schema: { hide: true } }, (_req, reply) => reply.redirect('/console/', 302));
    app.get('/console', { schema: { hide: true } }, (_req, reply) => reply.redirect('/console/', 301));
    app.get('/console/*', { schema: { hide: true } }, (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      if (!isBuilt(root))
        return reply
          .status(503)
          .header('cache-control', 'no-store')
          .type('text/plain; charset=utf-8')
          .send('The staff console is not built: run `npm run build:web` on the server.');
      if (ASSET.test(file) && existsSync(path.join(root, file))) {
        // Names are fixed and the page asks for ?v=<content hash>: cache those for long, others briefly.
        const versioned = typeof (req.query as Record<string, unknown>).v === 'string';
        return reply.header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file, { cacheControl: false });
      }
      return reply
        .header('content-security-policy', policy)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .sendFile('index.html', { cacheControl: false });
    });
  };
