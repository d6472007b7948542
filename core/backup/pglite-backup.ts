// Backup and restore of the embedded database (PGlite). PGlite lives inside one process and offers no
// connection from outside, so a copy taken beside a running app could catch its files between two writes:
// the backup takes the data directory's lock instead, like any process that opens it, and is refused while
// the app runs. With the app stopped the copy is exact (CHECKPOINT, then PGlite's own dumpDataDir), and
// nothing is lost meanwhile: Telegram keeps the citizens' messages until the bot is back.
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir, type DataDirLockOptions } from '../db/data-dir-lock.ts';
import { BackupFileError, PGLITE_FILE, readArchive, scratchDir, STORAGE, writeArchive, type Manifest } from './archive.ts';
import { compareDigests, digestDatabase, type QueryRows } from './digest.ts';
import {
  checkMigrationsKnown,
  RestoreMismatchError,
  RestoreTargetNotEmptyError,
  stampOf,
  type BackupResult,
  type RestoreOptions,
  type RestoreResult,
} from './restore-rules.ts';

const rowsOf =
  (pg: PGlite): QueryRows =>
  async <T>(sql: string) =>
    (await pg.query<T>(sql)).rows;

export async function appliedMigrations(query: QueryRows): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.name);
}

const hasEntries = (dir: string) => existsSync(dir) && readdirSync(dir).length > 0;

export async function backupPglite(opts: {
  pgliteDir: string;
  storageDir: string;
  out: string;
  now?: () => Date;
  lockOptions?: DataDirLockOptions;
}): Promise<BackupResult> {
  const now = opts.now ?? (() => new Date());
  if (!existsSync(path.join(opts.pgliteDir, 'PG_VERSION')))
    throw new Error(`There is no embedded database in ${opts.pgliteDir} to back up (is DATA_DIR right?).`);
  // Refused at once, naming the holder, while the app (or anything else) has the database open.
  const lock = await lockDataDir(opts.pgliteDir, { command: 'npm run backup', ...opts.lockOptions });
  const stage = await scratchDir('backup');
  try {
    const pg = await PGlite.create(opts.pgliteDir);
    let manifest: Manifest;
    try {
      await pg.exec('CHECKPOINT');
      const digest = await digestDatabase(rowsOf(pg));
      const migrations = await appliedMigrations(rowsOf(pg));
      const tarball = await pg.dumpDataDir('none');
      await writeFile(path.join(stage.dir, PGLITE_FILE), Buffer.from(await tarball.arrayBuffer()));
      manifest = await writeArchive(stage.dir, opts.out, { kind: 'pglite', createdAt: now().toISOString(), migrations, digest }, opts.storageDir);
    } finally {
      await pg.close();
    }
    return { file: opts.out, manifest };
  } finally {
    await stage.remove();
    await lock.release();
  }
}

/** Opens the archive's database in memory and compares it with the archive's manifest: the file is sound. */
async function verifyInMemory(file: string, manifest: Manifest, tarball: Buffer): Promise<void> {
  const pg = await PGlite.create({ loadDataDir: new Blob([tarball as Uint8Array<ArrayBuffer>]) });
  try {
    const problems = compareDigests(manifest.digest, await digestDatabase(rowsOf(pg)));
    if (problems.length > 0) throw new BackupFileError(file, `its database does not match its own manifest:\n  ${problems.join('\n  ')}`);
  } finally {
    await pg.close();
  }
}

export async function restorePglite(
  opts: RestoreOptions & { pgliteDir: string; storageDir: string; lockOptions?: DataDirLockOptions },
): Promise<RestoreResult> {
  const stage = await scratchDir('restore');
  try {
    const manifest = await readArchive(opts.file, stage.dir);
    if (manifest.kind !== 'pglite') {
      throw new BackupFileError(opts.file, 'it is a PostgreSQL backup: restore it with DATABASE_URL set to the database to restore into');
    }
    await checkMigrationsKnown(opts.file, manifest);
    const tarball = await readFile(path.join(stage.dir, PGLITE_FILE));
    await verifyInMemory(opts.file, manifest, tarball);
    if (opts.verifyOnly) return { manifest, restored: false, movedAside: [] };

    const lock = await lockDataDir(opts.pgliteDir, { command: 'npm run restore', ...opts.lockOptions });
    try {
      const occupied = [opts.pgliteDir, opts.storageDir].filter(hasEntries);
      if (occupied.length > 0 && !opts.force) throw new RestoreTargetNotEmptyError(occupied);
      // --force never deletes: what was there is moved beside it, to be removed by hand once the restore is checked.
      const movedAside: string[] = [];
      for (const dir of occupied) {
        const aside = `${dir}.before-restore-${stampOf(opts.now?.() ?? new Date())}`;
        await rename(dir, aside);
        movedAside.push(aside);
      }
      await mkdir(opts.pgliteDir, { recursive: true });
      const pg = await PGlite.create(opts.pgliteDir, { loadDataDir: new Blob([tarball as Uint8Array<ArrayBuffer>]) });
      try {
        const problems = compareDigests(manifest.digest, await digestDatabase(rowsOf(pg)));
        if (problems.length > 0) throw new RestoreMismatchError(opts.pgliteDir, problems);
      } finally {
        await pg.close();
      }
      if (existsSync(path.join(stage.dir, STORAGE))) await cp(path.join(stage.dir, STORAGE), opts.storageDir, { recursive: true });
      return { manifest, restored: true, movedAside };
    } finally {
      await lock.release();
    }
  } finally {
    await stage.remove();
  }
}
