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

export interface PortalKit {
  services: Services;
  /** the portal's stylesheet */
  cssHref: string;
  text(lang: PortalLang): PortalText;
  /** the whole document: layout, header, footer, around `body` */
  page(lang: PortalLang, meta: PageMeta, body: VNode): string;
  /** the page under `key` from the cache, rendered on a miss */
  send(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>, headers?: Record<string, string>): Promise<FastifyReply>;
  notFound(lang: PortalLang, back?: 'reports' | 'discussions' | 'projects' | 'initiatives'): RenderedPage;
  samePath(path: (l: PortalLang) => string): Record<PortalLang, string>;
  /** drop cached pages whose key starts with the prefix */
  purge(prefix: string): void;
}

/** The Fastify instance the portal's plugin registers on (zod type provider). */
export type PortalApp = Parameters<FastifyPluginAsyncZod>[0];
