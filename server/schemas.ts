// Shared zod schemas for the API: every route declares every status it can answer, and takes its ids,
// cursors and dates from here, so each is bounded to what the database can hold.
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDateString } from '../core/calendar/local-time.ts';

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

/**
 * The error code an input issue carries (zod `params.code`): the error handler answers with it and a
 * localised message (errors.json `input.*`) instead of the generic `validation`.
 */
export const INPUT_CODES = { control: 'input.control_characters', date: 'input.bad_date' } as const;

/** PostgreSQL `integer` (INT4), the type of every Int id and count: larger numbers fail the query, not the check. */
export const INT4_MAX = 2_147_483_647;
/** PostgreSQL `bigint` (INT8): the audit log's ids. */
export const INT8_MAX = 9_223_372_036_854_775_807n;

/** A positive integer id in a path or query string (an Int column). */
export const positiveId = z.coerce.number().int().positive().max(INT4_MAX);
export const idParam = z.object({ id: positiveId });
/** A positive integer id in a JSON body (no text accepted there). */
export const bodyId = z.number().int().positive().max(INT4_MAX);
/** offset/limit paging of the lists that show a total (spread into a query schema) */
export const pageQuery = { offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0), limit: z.coerce.number().int().min(1).max(200).default(50) };
/** The keyset cursor of a list ordered by an Int id: the `nextCursor` of the previous page. */
export const idCursor = z
  .string()
  .regex(/^\d{1,10}$/, { message: 'a number', abort: true })
  .refine((v) => Number(v) <= INT4_MAX, `at most ${INT4_MAX}`)
  .transform(Number)
  .describe('nextCursor of the previous page');
/** The keyset cursor of a list ordered by a BigInt id (the audit log). */
export const bigIdCursor = z
  .string()
  .regex(/^\d{1,19}$/, { message: 'a number', abort: true })
  .refine((v) => BigInt(v) <= INT8_MAX, `at most ${INT8_MAX}`)
  .transform((v) => BigInt(v))
  .describe('nextCursor of the previous page');
export const okBody = z.object({ ok: z.literal(true) });

/**
 * Years a date may name. PostgreSQL has no year 0 and JavaScript none past 275760; nothing the akimat
 * records lies outside these.
 */
export const YEARS = { min: 1900, max: 2199 } as const;
const inYears = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= YEARS.min && year <= YEARS.max;
};
const badDate = { message: `a real date YYYY-MM-DD, years ${YEARS.min}–${YEARS.max}`, params: { code: INPUT_CODES.date } };

/** A calendar day 'YYYY-MM-DD' that exists (no 30 February), kept as text. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'YYYY-MM-DD', abort: true })
  .refine((v) => isDateString(v) && inYears(v), badDate)
  .describe('YYYY-MM-DD');

/** The shape of an instant (documented as the pattern); isInstantString also checks the day exists. */
export const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?)?$/;
/**
 * Whether the text is an instant the API accepts, ISO 8601: a day ('2026-03-01') or a date-time
 * ('2026-03-01T10:30:00+05:00'). The day must exist: JavaScript would read 30 February as 2 March.
 */
export function isInstantString(v: string): boolean {
  const m = INSTANT_PATTERN.exec(v);
  return !!m && isDateString(m[1]!) && inYears(m[1]!) && !Number.isNaN(Date.parse(v));
}

/** An instant (isInstantString); a bare day is its UTC midnight, as `z.coerce.date()` read it before. */
export const dateTime = z
  .string()
  .regex(INSTANT_PATTERN, { message: 'ISO 8601, e.g. 2026-03-01 or 2026-03-01T10:30:00+05:00', abort: true })
  .refine(isInstantString, badDate)
  .transform((v) => new Date(v))
  .describe('ISO 8601: 2026-03-01 or 2026-03-01T10:30:00+05:00');

// C0 controls but tab, line feed and carriage return; DEL and the C1 controls; halves of a surrogate pair.
// PostgreSQL cannot store NUL at all, and the rest have no business in what people type.
// eslint-disable-next-line no-control-regex -- control characters are exactly what input validation refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/** Where the value holds a string (or an object key) with a control character; iterative, for any depth. */
export function controlCharacterPaths(value: unknown): Array<Array<string | number>> {
  const found: Array<Array<string | number>> = [];
  const stack: Array<[unknown, Array<string | number>]> = [[value, []]];
  while (stack.length && found.length < 20) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (CONTROL.test(v)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (CONTROL.test(k)) found.push([...path, k]);
        else stack.push([item, [...path, k]]);
      }
    }
  }
  return found;
}

const noControlCharacters = z.unknown().superRefine((value, ctx) => {
  for (const path of controlCharacterPaths(value)) {
    ctx.addIssue({ code: 'custom', path, message: 'must not contain control characters', params: { code: INPUT_CODES.control } });
  }
});

/**
 * The validator of every route: control characters are refused in any string of the params, query or
 * body before the route's own schema runs, so no route can forget it (the route schemas, and so the
 * OpenAPI document, stay as written).
 */
export const guardedValidatorCompiler: typeof validatorCompiler = (route) =>
  validatorCompiler({ ...route, schema: noControlCharacters.pipe(route.schema as z.ZodType) });
