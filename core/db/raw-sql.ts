// The raw-SQL port: one statement straight to the driver, beside Prisma and on the same connections. Hot paths
// use it where Prisma's runtime (building, compiling and mapping a query, even a $queryRaw) costs more CPU than
// the database's work (bench/FIXES.md, sections 9 and 10). PostgreSQL's side is raw-sql-pg.ts, so an embedded
// database's process never loads `pg`.
import type { PGlite } from '@electric-sql/pglite';

export interface RawQueryOptions {
  /**
   * A name makes it a prepared statement on PostgreSQL: parsed and planned once per connection, then only bound
   * and executed. The same name must always carry the same text. PGlite has no use for it (see pgliteRawSql).
   * Its text lists its columns (`columnsOf`), never `*`: a migration that adds a column while the statement is
   * prepared changes a `*`'s result, which PostgreSQL refuses for a prepared plan (the port then prepares it
   * again under a new name, raw-sql-pg.ts, but only after that failure).
   */
  name?: string;
}

export interface RawSql {
  /**
   * Runs one statement with $1… parameters and returns its rows as objects, typed as Prisma's $queryRaw types
   * them where our code relies on it: timestamp (without time zone) and date as UTC Dates, int8 as bigint,
   * json and jsonb parsed, enums as their text. numeric comes back as its text (Prisma: a Decimal): cast in SQL
   * (`::float8`, `::int`) where a number is wanted. Dates passed in are sent as UTC.
   */
  query<T extends object = Record<string, unknown>>(text: string, values?: readonly unknown[], opts?: RawQueryOptions): Promise<T[]>;
}

/**
 * A table's columns for a statement's select list, `alias."col", …`, from Prisma's generated scalar field enum
 * (`Prisma.ReportScalarFieldEnum`): a column a migration adds is read from the next build on, never by a plan a
 * running process prepared before the migration (which `*` would be; see RawQueryOptions.name).
 */
export const columnsOf = (fields: Record<string, string>, alias: string): string =>
  Object.values(fields)
    .map((f) => `${alias}."${f}"`)
    .join(', ');

/** Prisma stores DateTime as timestamp(3) without time zone holding UTC; `pg` and PGlite would read it as local time. */
const utcTimestamp = (s: string): Date => new Date(`${s.replace(' ', 'T')}Z`);
const utcDate = (s: string): Date => new Date(`${s}T00:00:00Z`);
const int8 = (s: string): bigint => BigInt(s);

const OID = { int8: 20, date: 1082, timestamp: 1114 } as const;
/** The SQLSTATE of a database error (PGlite's and pg's errors carry it as `code`). */
export const sqlState = (e: unknown): unknown => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);

/**
 * A prepared statement that cannot run again as it was prepared: its cached plan's result changed (0A000, a
 * migration altered a table it reads while this process ran: a rolling upgrade) or the session forgot it (26000).
 */
export const isStaleStatement = (e: unknown): boolean => {
  const state = sqlState(e);
  return state === '0A000' || state === '26000';
};

export const PARSERS: Record<number, (s: string) => unknown> = { [OID.int8]: int8, [OID.date]: utcDate, [OID.timestamp]: utcTimestamp };

/**
 * Dates go as ISO text in UTC: `pg` would send the process's local time with its offset, which a timestamp without
 * time zone drops, and PGlite a Date's toString() where the parameter's type is not a timestamp.
 */
export const utcValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : Array.isArray(v) ? v.map(utcValue) : v);

/**
 * On PGlite, one connection serves everything, and Prisma's transactions on it are PGlite's `transaction()`
 * (pglite-prisma-adapter: BEGIN … COMMIT held under PGlite's transaction mutex until Prisma commits). PGlite's
 * public `query()` takes that same mutex first, so a statement from here waits for any open transaction to end
 * and never runs inside another caller's (it would see its uncommitted rows, and its error would abort that
 * transaction). So this goes through `query()`, never through a lower-level entry that skips the mutex.
 * `name` is ignored: PGlite parses every statement afresh in the same process, and has no named statements.
 */
export function pgliteRawSql(pglite: PGlite): RawSql {
  return {
    async query<T extends object>(text: string, values: readonly unknown[] = []) {
      const { rows } = await pglite.query<T>(text, values.map(utcValue), { parsers: PARSERS });
      return rows;
    },
  };
}
