// "The same SQL through plain pg": the API answers each kind of request once in this process with a
// Prisma client that logs its queries, and the bench replays exactly those statements (the session
// check of the auth plugin included) through a plain `pg` pool at the same concurrency.
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../../generated/prisma/client.ts';
import type { Database } from '../../core/db/client.ts';
import type { RawSql } from '../../core/db/raw-sql.ts';
import { createPgPool, pgRawSql } from '../../core/db/raw-sql-pg.ts';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** the port's prepared statement name, replayed as one too */
  name?: string;
}

export interface CapturingDatabase {
  db: Database;
  /** the queries since the last call */
  take(): CapturedQuery[];
}

export function capturingDatabase(url: string): CapturingDatabase {
  let queries: CapturedQuery[] = [];
  // Prisma logs COMMIT but not the BEGIN a driver adapter issues: mark where each transaction starts.
  const pool = createPgPool(url, 2);
  const base = new PrismaPg(pool);
  const adapterFactory = new Proxy(base, {
    get(target, prop, receiver) {
      if (prop !== 'connect') return Reflect.get(target, prop, receiver) as unknown;
      return async () => {
        const adapter = await target.connect();
        return new Proxy(adapter, {
          get(a, p, r) {
            if (p !== 'startTransaction') return Reflect.get(a, p, r) as unknown;
            return (...args: Parameters<typeof adapter.startTransaction>) => {
              queries.push({ sql: 'BEGIN', params: [] });
              return a.startTransaction(...args);
            };
          },
        });
      };
    },
  });
  const prisma = new PrismaClient({ adapter: adapterFactory, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (e) => {
    queries.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  // The raw-SQL port's statements are captured too (sent as the port sends them: Dates as UTC text).
  const direct = pgRawSql(pool);
  const sql: RawSql = {
    query(text, values = [], opts) {
      queries.push({ sql: text, params: values.map((v) => (v instanceof Date ? v.toISOString() : v)), ...(opts?.name ? { name: opts.name } : {}) });
      return direct.query(text, values, opts);
    },
  };
  return {
    db: {
      kind: 'postgres',
      prisma,
      sql,
      adapterFactory,
      describe: 'bench capture',
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    },
    take() {
      const q = queries;
      queries = [];
      return q;
    },
  };
}

const TX_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;

/**
 * Runs the captured statements on one pooled connection, in a transaction when the original had one,
 * with `substitute` mapping each parameter (e.g. the report id of this request).
 */
export async function replay(pool: pg.Pool, queries: CapturedQuery[], substitute: (p: unknown) => unknown = (p) => p): Promise<void> {
  const client = await pool.connect();
  try {
    for (const q of queries) {
      if (TX_CONTROL.test(q.sql)) await client.query(q.sql);
      else await client.query({ text: q.sql, values: q.params.map(substitute), ...(q.name ? { name: q.name } : {}) });
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
