// The raw-SQL port on PostgreSQL (raw-sql.ts says what it is): apart, so only a process on PostgreSQL loads `pg`.
import pg from 'pg';
import { PARSERS, utcValue, type RawQueryOptions, type RawSql } from './raw-sql.ts';

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

export function pgRawSql(pool: pg.Pool): RawSql {
  return {
    async query<T extends object>(text: string, values: readonly unknown[] = [], opts?: RawQueryOptions) {
      const { rows } = await pool.query<T>({ text, values: values.map(utcValue), ...(opts?.name ? { name: opts.name } : {}) });
      return rows;
    },
  };
}
