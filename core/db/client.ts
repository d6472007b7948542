// Opens the one database the process uses: embedded PGlite by default, PostgreSQL when a URL is given.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.ts';

export type { PrismaClient };
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The same driver adapter serves the app and the schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Where it lives, without credentials, for logs. */
  describe: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent the embedded database is used */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throw-away database */
  pgliteDir?: string;
  /** pg pool size */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const adapterFactory = new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter: adapterFactory });
    await prisma.$connect();
    return {
      kind: 'postgres',
      prisma,
      adapterFactory,
      describe: redactUrl(options.url),
      close: () => prisma.$disconnect(),
    };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'pglite',
    prisma,
    adapterFactory,
    describe: dir.startsWith('memory://') ? 'PGlite (in memory)' : `PGlite at ${dir}`,
    close: async () => {
      await prisma.$disconnect();
      // PGlite flushes its files on close; skipping this can lose the last writes.
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
