// The embedded half of openDatabase (client.ts), imported only without DATABASE_URL: PGlite (its module, its
// WebAssembly) and its Prisma adapter are read then, never by a process on PostgreSQL.
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.ts';
import type { Database, OpenDatabaseOptions } from './client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { pgliteRawSql } from './raw-sql.ts';

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

export async function openEmbedded(options: OpenDatabaseOptions): Promise<Database> {
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
