// Inputs of the portal's discussion, project, map and widget pages. As on the report list, a value that does not
// parse is dropped rather than refused: a shared link with a stale parameter still opens.
import { z } from 'zod';

const page = z.coerce.number().int().min(1).max(500).optional().catch(undefined);

export const discussionListQuery = z.object({ tab: z.enum(['open', 'ended', 'reviewed']).optional().catch(undefined), page });

/** Any short text: a malformed id gets the same 404 page as an unknown one. */
export const idParams = z.object({ id: z.string().max(20) });
export const parseId = (s: string): number | null => (/^[1-9]\d{0,8}$/.test(s) ? Number(s) : null);

export const projectListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined), page });
