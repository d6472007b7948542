// Opens the one database the process uses: embedded PGlite by default, PostgreSQL when a URL is given.
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { lockDataDir, type DataDirLock, type DataDirLockOptions } from './data-dir-lock.ts';
import { createPgPool, pgliteRawSql, pgRawSql, type RawSql } from './raw-sql.ts';

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

/**
 * PostgreSQL's settings for a small server. The default 128 MB of shared_buffers is about half of what the
 * embedded database costs in memory; 16 MB keeps the working set of a city's data while the operating system's
 * file cache holds the rest. Passed at every start (never written into postgresql.conf), so an existing data
 * directory is not changed and a bigger server can open it with other settings.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Whether `dir` holds a PostgreSQL data directory already. */
const hasDatabase = (dir: string) => existsSync(path.join(dir, 'PG_VERSION'));

/** Empties a directory that a failed start from the template left behind, so initdb finds it empty. */
function emptyDir(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(path.join(dir, entry), { recursive: true, force: true });
}

/**
 * Copies the template's data directory into `dir` (empty: the lock created it): into a sibling first, then renamed
 * into place in one step, so a start interrupted halfway leaves no half-copied database that would pass for one.
 * A plain copy, not PGlite's loadDataDir: unpacking a tarball through PGlite cost 0.3 s more CPU and left about
 * 100 MB more in the process (bench/FIXES.md, section 5).
 */
function copyTemplate(source: string, dir: string): boolean {
  const staging = `${dir}.template-${process.pid}`;
  try {
    rmSync(staging, { recursive: true, force: true });
    cpSync(source, staging, { recursive: true });
    renameSync(staging, dir);
    return true;
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return false;
  }
}

async function openPGlite(
  dir: string,
  inMemory: boolean,
  { template, loadDataDir }: Pick<OpenDatabaseOptions, 'template' | 'loadDataDir'>,
): Promise<{ pglite: PGlite; origin: Database['origin'] }> {
  const options = { startParams: PGLITE_START_PARAMS };
  if (inMemory) return { pglite: await PGlite.create(dir, { ...options, ...(loadDataDir ? { loadDataDir } : {}) }), origin: undefined };
  if (hasDatabase(dir)) return { pglite: await PGlite.create(dir, options), origin: 'existing' };
  const source = await template?.();
  if (source && copyTemplate(source, dir)) {
    try {
      return { pglite: await PGlite.create(dir, options), origin: 'template' };
    } catch {
      // A template that cannot be opened (damaged, or from another PGlite) is no reason not to start.
      emptyDir(dir);
    }
  }
  return { pglite: await PGlite.create(dir, options), origin: 'initdb' };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = createPgPool(options.url, options.poolSize ?? 10);
    const adapterFactory = new PrismaPg(pool);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    await prisma.$connect();
    return {
      kind: 'postgres',
      prisma,
      sql: pgRawSql(pool),
      adapterFactory,
      describe: redactUrl(options.url),
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
  const dir = options.pgliteDir ?? 'memory://';
  const inMemory = dir.startsWith('memory://');
  // Taken before PGlite touches the directory, held as long as the Database lives.
  const lock = inMemory ? undefined : (options.lock ?? (await lockDataDir(dir, options.lockOptions)));
  let pglite: PGlite;
  let origin: Database['origin'];
  try {
    ({ pglite, origin } = await openPGlite(dir, inMemory, options));
  } catch (e) {
    await lock?.release();
    throw e;
  }
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'pglite',
    prisma,
    sql: pgliteRawSql(pglite),
    adapterFactory,
    describe: inMemory ? 'PGlite (in memory)' : `PGlite at ${dir}`,
    ...(inMemory ? {} : { dir }),
    origin,
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
