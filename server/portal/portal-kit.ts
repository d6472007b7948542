// What every group of portal pages needs from the portal's frame (server/portal/routes.tsx): the translator of a
// language, the layout around a page's body, the page cache's send, the 404 page. Each group of pages lives in its
// own file and gets this, so adding pages never grows one routes file.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import type { Services } from '../../core/services.ts';
import type { RenderedPage } from './page-cache.ts';
import type { PortalLang } from './portal-schemas.ts';
import type { PortalText } from './render.tsx';
import { idParams, parseId } from './public-schemas.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** the same page's path in each language */
  paths: Record<PortalLang, string>;
  /** og:type: article for one report, topic or project */
  article?: boolean;
  /** a script of our own the page loads (only the map) */
  script?: string;
  /** extra stylesheets of our own (only the map's) */
  styles?: string[];
}

/** The portal's sections with a list to go back to. */
export type Section = 'reports' | 'discussions' | 'projects' | 'initiatives';

export interface PortalKit {
  services: Services;
  /** the portal's stylesheet */
  cssHref: string;
  text(lang: PortalLang): PortalText;
  /** the whole document: layout, header, footer, around `body` */
  page(lang: PortalLang, meta: PageMeta, body: VNode): string;
  /** the page under `key` from the cache, rendered on a miss */
  send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>, headers?: Record<string, string>): Promise<FastifyReply>;
  notFound(lang: PortalLang, back?: Section): RenderedPage;
  samePath(path: (l: PortalLang) => string): Record<PortalLang, string>;
  /** drop cached pages whose key starts with the prefix */
  purge(prefix: string): void;
  /** adds a group's pages once for each portal language, with that language's texts */
  eachLang(add: (lang: PortalLang, t: PortalText) => void): void;
}

/** The Fastify instance the portal's plugin registers on (zod type provider). */
export type PortalApp = Parameters<FastifyPluginAsyncZod>[0];

type Directive = 'default-src' | 'script-src' | 'style-src' | 'img-src' | 'connect-src' | 'object-src' | 'base-uri' | 'form-action' | 'frame-ancestors';
const DIRECTIVES: Directive[] = [
  'default-src',
  'script-src',
  'style-src',
  'img-src',
  'connect-src',
  'object-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
];
/** No script at all, styles from here only, nothing fetched, framed or posted elsewhere. */
const PORTAL_DIRECTIVES: Partial<Record<Directive, string>> = {
  'default-src': "'self'",
  'script-src': "'none'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};

/** The portal's content security policy, with the directives a page needs otherwise (the map, the widget). */
export function portalPolicy(changes: Partial<Record<Directive, string>> = {}): string {
  const policy = { ...PORTAL_DIRECTIVES, ...changes };
  return DIRECTIVES.filter((d) => policy[d] !== undefined)
    .map((d) => `${d} ${policy[d]}`)
    .join('; ');
}

interface RecordPage<T> {
  section: Exclude<Section, 'reports'>;
  /** the page cache's key of a record: `<key>:<id>:<lang>` */
  key: string;
  ttl: { maxAge: number; staleWhileRevalidate: number };
  /** the public record, or null when there is none */
  load(id: number): Promise<T | null>;
}

/**
 * /<lang>/<section>/:id, the page of one public record made by `render` (its meta and body); a malformed id or one
 * that names nothing gets the section's 404.
 */
export function recordPage<T>(
  app: PortalApp,
  kit: PortalKit,
  lang: PortalLang,
  o: RecordPage<T>,
  render: (record: T, id: number) => Promise<{ meta: PageMeta; body: VNode }>,
): void {
  app.get(`/${lang}/${o.section}/:id`, { schema: { hide: true, params: idParams } }, async (req, reply) => {
    const id = parseId(req.params.id);
    if (id === null) return kit.send(req, reply, `${o.key}-bad:${lang}`, async () => kit.notFound(lang, o.section));
    return kit.send(req, reply, `${o.key}:${id}:${lang}`, async () => {
      const record = await o.load(id);
      if (!record) return kit.notFound(lang, o.section);
      const { meta, body } = await render(record, id);
      return { status: 200, html: kit.page(lang, meta, body), ...o.ttl };
    });
  });
}
