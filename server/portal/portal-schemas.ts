// The portal's inputs. Filters are codes (region=astana, category=roads-sidewalks), never ids. A value that does
// not parse is dropped (the page says so) rather than refused: a shared link with a stale filter still opens.
import { z } from 'zod';
import { INT4_MAX, periodKey } from '../schemas.ts';

export const PORTAL_LANGS = ['kk', 'ru'] as const;
export type PortalLang = (typeof PORTAL_LANGS)[number];

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/)
  .optional()
  .catch(undefined);

/** `<ms since 1970>-<id>` of the last report of the previous page. */
const cursor = z
  .string()
  .regex(/^\d{1,15}-\d{1,10}$/)
  .transform((s) => {
    const [ms, id] = s.split('-').map(Number) as [number, number];
    return { createdAt: new Date(ms), id };
  })
  .refine((c) => c.id <= INT4_MAX && !Number.isNaN(c.createdAt.getTime()))
  .optional()
  .catch(undefined);

export const listQuery = z.object({
  region: code,
  district: code,
  category: code,
  status: z.enum(['open', 'resolved', 'closed']).optional().catch(undefined),
  period: periodKey.optional().catch(undefined),
  before: cursor,
});
export type ListQuery = z.infer<typeof listQuery>;

/** Any short text: a malformed number gets the same 404 page as an unknown one. */
export const reportParams = z.object({ number: z.string().max(60) });

export const langSwitchParams = z.object({ lang: z.enum(PORTAL_LANGS) });
export const langSwitchQuery = z.object({ next: z.string().max(2000).optional().catch(undefined) });

export const statsQuery = z.object({
  period: periodKey.optional().catch(undefined),
  region: code,
  district: code,
  category: code,
});
