// Shared zod schemas for the API: every route declares every status it can answer.
import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('stable, localisable error code, e.g. auth.bad_credentials'),
      message: z.string().describe("in the caller's language (Accept-Language: kk or ru)"),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .describe('Error');

type Responses = Record<number, z.ZodType>;

/** Adds the error statuses every authenticated route can answer. */
export function withErrors<R extends Responses>(ok: R) {
  return { ...ok, 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody, 429: errorBody, 500: errorBody };
}

/** A positive integer id in a path or query string. */
export const positiveId = z.coerce.number().int().positive();
export const idParam = z.object({ id: positiveId });
/** offset/limit paging of the lists that show a total (spread into a query schema) */
export const pageQuery = { offset: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(200).default(50) };
export const okBody = z.object({ ok: z.literal(true) });
