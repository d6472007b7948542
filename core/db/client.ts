// Opens the one database the process uses: embedded PGlite by default, PostgreSQL when a URL is given.
// Each kind's driver is imported when it is opened (open-postgres.ts, open-pglite.ts): a process on PostgreSQL
// never loads PGlite, and an embedded one never loads Prisma's pg adapter.
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { DataDirLock, DataDirLockOptions } from './data-dir-lock.ts';
import type { RawSql } from './raw-sql.ts';
import { tierWasmForSmallServer } from './wasm-tiering.ts';

export type { PrismaClient };
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Raw SQL straight to the driver, on the same connections as Prisma (core/db/raw-sql.ts): the hot paths. */
  sql: RawSql;
  /** The same driver adapter serves the app and the schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Where it lives, without credentials, for logs. */
  describe: string;
  /** the PostgreSQL connection string (postgres only): one-off sessions such as the migration lock's */
  url?: string;
  /** the embedded database's directory (pglite on disk only) */
  dir?: string;
  /** How an embedded database came to be: it was there, it was copied from the template, or initdb made it. */
  origin?: 'existing' | 'template' | 'initdb';
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
  /**
   * A ready data directory to copy into `pgliteDir` instead of running initdb (the template, core/db/template.ts);
   * asked for only when `pgliteDir` holds no database yet. Undefined: initdb.
   */
  template?: () => Promise<string | undefined>;
  /**
   * A dump (PGlite's dumpDataDir) to start an in-memory database from instead of initdb: the tests' migrated and
   * seeded template, about 0.4 s against 4 s for initdb, migrations and the seed.
   */
  loadDataDir?: Blob;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  tierWasmForSmallServer();
  const { url } = options;
  if (url) return (await import('./open-postgres.ts')).openPostgres({ ...options, url, describe: redactUrl(url) });
  return (await import('./open-pglite.ts')).openEmbedded(options);
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
