// Server rendering of portal pages with preact-render-to-string: escaping is structural (every text is a child or
// an attribute, never raw HTML), and the cost only matters on a cache miss.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A translator bound to the page's language with `portal` as the default namespace. */
export type PortalText = (key: string, options?: Record<string, unknown>) => string;

export const renderDocument = (root: VNode): string => `<!doctype html>${renderToString(root)}`;
