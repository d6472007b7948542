// Shared zod schemas for the API: every route declares every status it can answer, and takes its ids,
// cursors and dates from here, so each is bounded to what the database can hold. Pure zod (no Fastify):
// the capabilities' schema modules build on it, and the console reads their types.
import { z } from 'zod';
import { addDays, isDateString, localMidnight } from '../core/calendar/local-time.ts';
import { isPeriodKey } from '../core/calendar/periods.ts';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('stable, localisable error code, e.g. auth.bad_credentials'),
      message: z.string().describe("in the caller's language (Accept-Language: kk or ru)"),
      details: z
        .array(
          z.object({
            path: z.string().describe('the refused field: body.login, query.period, body.items.0.label'),
            code: z.string().describe('what is wrong with it: field.required, field.too_short …, or a shared input.* code'),
            params: z
              .record(z.string(), z.union([z.string(), z.number()]))
              .optional()
              .describe('the limit the code names: { min: 3 }'),
            message: z.string().describe("the same in the caller's language, to show next to the field"),
          }),
        )
        .optional()
        .describe('one entry per refused field (validation errors)'),
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
/** The `limit` of a cursor-paged list. */
export const listLimit = z.coerce.number().int().min(1).max(200).default(50);
/** A yes/no filter in a query string. */
export const boolQuery = z.enum(['true', 'false']);
/** A zod enum of a Prisma enum's values (generated/prisma/enums.ts), in their declared order. */
export const enumOf = <T extends string>(values: Record<string, T>) => z.enum(Object.values(values) as [T, ...T[]]);
/** A PATCH body of optional fields (`.partial()` them first) that must name at least one. */
export const someChange = <T extends z.ZodObject>(body: T) => body.refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change');

/** An instant the API gives (ISO 8601), or null when it has not happened (yet): decided, cancelled, last sent … */
export const instantOrNull = z.string().nullable();

/** A text in Kazakh and in Russian, as one object. */
export const localizedText = z.object({ kk: z.string(), ru: z.string() });

/** When a call for stories or a poll's wave takes answers (ISO instants), as the API gives it. */
export const answerWindow = { opensAt: z.string(), closesAt: z.string() };

/** What the API tells of a stored file: its type and size, each null when unknown. */
export const storedFile = { mimeType: z.string().nullable(), fileSize: z.number().nullable() };

/** The region and district a list can be narrowed to (spread into a query schema). */
export const scopeQuery = { regionId: positiveId.optional(), districtId: positiveId.optional() };

/**
 * A field written in Kazakh and in Russian, `<prefix>Kk` then `<prefix>Ru`, of one schema (plain text
 * unless given): `...kkRu('name')` in an answer, `...kkRu('name', z.string().max(300))` in an input.
 */
export function kkRu<P extends string>(prefix: P): { [K in `${P}Kk` | `${P}Ru`]: z.ZodString };
export function kkRu<P extends string, T extends z.ZodType>(prefix: P, field: T): { [K in `${P}Kk` | `${P}Ru`]: T };
export function kkRu(prefix: string, field: z.ZodType = z.string()) {
  return { [`${prefix}Kk`]: field, [`${prefix}Ru`]: field };
}

/** A list the API gives in keyset pages: pass `nextCursor` back as `cursor` for the next one. */
export const cursorPageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
/** A list the API gives in offset pages, with the total. */
export const totalPageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });

/** The query of a QR-code PNG route, and the images a QR route answers with. */
export const qrSizeQuery = z.object({ size: z.coerce.number().int().min(128).max(2000).default(600).describe('pixels') });
export const pngBody = z.unknown().describe('image/png');
export const svgBody = z.unknown().describe('image/svg+xml');

/** The query of an export route; `.extend({ … })` it with the route's own filters (server/reply-export.ts sends the file). */
export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx').describe('xlsx (Excel workbook) or csv (UTF-8 with BOM)'),
  lang: z.enum(['kk', 'ru']).default('ru').describe('language of the headers and titles'),
});
/** The 200 body of an export route, for `withErrors({ 200: exportFileBody })`. */
export const exportFileBody = z.unknown().describe('the file: text/csv or an XLSX workbook');

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

/** A from/to filter on instants, each end inclusive: `what` names the instant ('created' at or after …). */
export const instantRange = (what: string) => ({
  from: dateTime.optional().describe(`${what} at or after`),
  to: dateTime.optional().describe(`${what} at or before`),
});

const DAY_OR_INSTANT = 'a date YYYY-MM-DD or a date-time such as 2026-03-02T10:30:00+05:00';
/** A date-time with its offset, or a day (taken as its start in Almaty). */
export const dayOrInstant = z
  .string()
  .regex(INSTANT_PATTERN, { message: DAY_OR_INSTANT, abort: true })
  .refine(isInstantString, { message: DAY_OR_INSTANT, params: { code: INPUT_CODES.date } })
  .transform((v) => (isDateString(v) ? localMidnight(v) : new Date(v)));

const DATE_TIME_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
/** ISO 8601 with a zone, or a bare date read in Almaty time (its start, or with `endOfDay` its last moment). */
export const zonedDateOrDay = (endOfDay: boolean) =>
  z
    .string()
    .refine((v) => isInstantString(v) && (isDateString(v) || DATE_TIME_WITH_ZONE.test(v)), 'expected ISO 8601 with an offset, e.g. 2026-11-23T00:00:00+05:00')
    .transform((v) => (!isDateString(v) ? new Date(v) : endOfDay ? new Date(localMidnight(addDays(v, 1)).getTime() - 1) : localMidnight(v)));

/** A reporting period's key (core/calendar/periods.ts). */
export const periodKey = z.string().refine(isPeriodKey, 'a period: 2026, 2026-H1, 2026-Q1 or 2026-03');
