// Opens the one database the process uses: embedded PGlite by default, PostgreSQL when a URL is given.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { lockDataDir, type DataDirLock, type DataDirLockOptions } from './data-dir-lock.ts';

export type { PrismaClient };
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** The same driver adapter serves the app and the schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Where it lives, without credentials, for logs. */
  describe: string;
  /** the PostgreSQL connection string (postgres only): one-off sessions such as the migration lock's */
  url?: string;
  /** the embedded database's directory (pglite on disk only) */
  dir?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent the embedded database is used */
  url?: string;
  /** PGlite data directory, or 'memory://' for a throw-away database */
  pgliteDir?: string;
  /** pg pool size */
  poolSize?: number;
  /**
   * The lock on `pgliteDir`, when the caller took it already (the demo, before emptying the directory);
   * otherwise it is taken here. Either way close() releases it.
   */
  lock?: DataDirLock;
  /** how the lock is taken when it is taken here */
  lockOptions?: DataDirLockOptions;
}

/**
 * PostgreSQL's settings for a small server. The default 128 MB of shared_buffers is about half of what the
 * embedded database costs in memory; 16 MB keeps the working set of a city's data while the operating system's
 * file cache holds the rest. Passed at every start (never written into postgresql.conf), so an existing data
 * directory is not changed and a bigger server can open it with other settings.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

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
      url: options.url,
      close: () => prisma.$disconnect(),
    };
  }
  const dir = options.pgliteDir ?? 'memory://';
  const inMemory = dir.startsWith('memory://');
  // Taken before PGlite touches the directory, held as long as the Database lives.
  const lock = inMemory ? undefined : (options.lock ?? (await lockDataDir(dir, options.lockOptions)));
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dir, { startParams: PGLITE_START_PARAMS });
  } catch (e) {
    await lock?.release();
    throw e;
  }
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'pglite',
    prisma,
    adapterFactory,
    describe: inMemory ? 'PGlite (in memory)' : `PGlite at ${dir}`,
    ...(inMemory ? {} : { dir }),
    close: async () => {
      try {
        await prisma.$disconnect();
        // PGlite flushes its files on close; skipping this can lose the last writes.
        if (!pglite.closed) await pglite.close();
      } finally {
        await lock?.release();
      }
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
