// A Database whose Prisma client and raw-SQL port count the transactions they commit, as PostgreSQL's
// xact_commit counts them: each statement outside a transaction is one, and each transaction (interactive or
// batch) is one. Counted at the driver adapter and the port, so the figure is the same on PGlite and
// PostgreSQL and does not wait for the statistics collector.
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client.ts';
import type { Database } from '../../core/db/client.ts';

export interface CountingDatabase {
  db: Database;
  /** transactions since the start (or the last reset) */
  count(): number;
  reset(): void;
}

export function countingDatabase(base: Database): CountingDatabase {
  let n = 0;
  const counted = (adapter: SqlDriverAdapter): SqlDriverAdapter =>
    new Proxy(adapter, {
      get(a, p, r) {
        const v = Reflect.get(a, p, r) as unknown;
        if (p === 'startTransaction' || p === 'queryRaw' || p === 'executeRaw')
          return (...args: unknown[]) => {
            n++;
            return (v as (...x: unknown[]) => unknown).apply(a, args);
          };
        return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(a) : v;
      },
    });
  const factory = new Proxy(base.adapterFactory as SqlDriverAdapterFactory, {
    get(f, p, r) {
      if (p !== 'connect') return Reflect.get(f, p, r) as unknown;
      return async () => counted(await f.connect());
    },
  });
  const prisma = new PrismaClient({ adapter: factory });
  // A statement through the raw-SQL port (core/db/raw-sql.ts) is a transaction of its own too; not a PREPARE,
  // made once per statement shape on PGlite (core/chat-state), which PostgreSQL does within the first execution.
  const sql: Database['sql'] = {
    query: (...args) => {
      if (!args[0].startsWith('PREPARE ')) n++;
      return base.sql.query(...args);
    },
  };
  return {
    db: { ...base, prisma, sql, close: () => prisma.$disconnect() },
    count: () => n,
    reset: () => (n = 0),
  };
}
