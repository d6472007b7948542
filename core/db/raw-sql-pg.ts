// The raw-SQL port on PostgreSQL (raw-sql.ts says what it is): apart, so only a process on PostgreSQL loads `pg`.
import pg from 'pg';
import { isStaleStatement, PARSERS, utcValue, type RawQueryOptions, type RawSql } from './raw-sql.ts';

/**
 * The PostgreSQL pool the app shares between Prisma (PrismaPg accepts a Pool instance) and this port: one set of
 * connections, sized once. The parsers are this pool's own (`types`), not pg's global ones, so nothing else in the
 * process changes; Prisma's adapter passes its own parsers with each of its queries and is not affected either.
 */
export function createPgPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        (format ?? 'text') === 'text' && PARSERS[oid] ? PARSERS[oid] : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server dropped (a restart) is discarded by the pool and replaced on the next query;
  // without a listener its 'error' event would end the process whenever Prisma's own listener is not attached.
  pool.on('error', () => {});
  return pool;
}

/**
 * `pg` parses a named statement once per connection and from then on only executes it by name, so a stale one
 * would fail on that connection for as long as the process runs. Instead its text is given a new name (a
 * generation: `name~1`, `name~2`, …) and run once more: every connection parses it afresh under that name, once.
 */
export function pgRawSql(pool: pg.Pool): RawSql {
  const generation = new Map<string, number>();
  const current = (name: string) => {
    const g = generation.get(name);
    return g === undefined ? name : `${name}~${g}`;
  };
  return {
    async query<T extends object>(text: string, values: readonly unknown[] = [], opts?: RawQueryOptions) {
      const sent = values.map(utcValue);
      if (!opts?.name) return (await pool.query<T>({ text, values: sent })).rows;
      const name = current(opts.name);
      try {
        return (await pool.query<T>({ text, values: sent, name })).rows;
      } catch (e) {
        if (!isStaleStatement(e)) throw e;
        // Statements that failed at once under the same name move it on once, together.
        if (current(opts.name) === name) generation.set(opts.name, (generation.get(opts.name) ?? 0) + 1);
        return (await pool.query<T>({ text, values: sent, name: current(opts.name) })).rows;
      }
    },
  };
}
