// The PostgreSQL half of openDatabase (client.ts), imported only when DATABASE_URL is set: `pg` and Prisma's pg
// adapter are read then, and an embedded start never loads them for this.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.ts';
import type { Database, OpenDatabaseOptions } from './client.ts';
import { createPgPool, pgRawSql } from './raw-sql-pg.ts';

/** `describe`: the URL without its password (client.ts redactUrl). */
export async function openPostgres(options: OpenDatabaseOptions & { url: string; describe: string }): Promise<Database> {
  const pool = createPgPool(options.url, options.poolSize ?? 10);
  const adapterFactory = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  await prisma.$connect();
  return {
    kind: 'postgres',
    prisma,
    sql: pgRawSql(pool),
    adapterFactory,
    describe: options.describe,
    url: options.url,
    close: async () => {
      try {
        await prisma.$disconnect();
      } finally {
        // The pool is ours, not the adapter's (it ends only a pool it created).
        await pool.end();
      }
    },
  };
}
