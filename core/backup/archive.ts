// The backup file: one gzipped tar holding a manifest (what was backed up, and the digest of the database
// at that moment), the database itself (PGlite's data directory as a tar, or pg_dump's custom format) and
// the stored evidence files under storage/. It is written under a temporary name and renamed when whole,
// so a backup cut short never looks like a finished one.
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { DatabaseDigest } from './digest.ts';

export const MANIFEST = 'azamat-backup.json';
export const PGLITE_FILE = 'pglite.tar';
export const POSTGRES_FILE = 'postgres.dump';
export const STORAGE = 'storage';
const FORMAT = 1;

export interface Manifest {
  format: number;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** the migrations applied to the backed-up database, oldest first */
  migrations: string[];
  digest: DatabaseDigest;
  /** evidence files included */
  files: number;
}

export class BackupFileError extends Error {
  constructor(file: string, reason: string) {
    super(`${file} is not a usable Azamat backup: ${reason}`);
    this.name = 'BackupFileError';
  }
}

/**
 * A scratch directory, removed by the returned function. When unpacking a damaged archive fails, tar's last
 * file writes may still be closing while the directory is removed (ENOTEMPTY): Node's own retries wait for them,
 * so the reason the restore stopped is what the user reads, not the clean-up's error.
 */
export async function scratchDir(label: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `azamat-${label}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 }) };
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && !e.name.endsWith('.tmp')) n += 1;
  return n;
}

/**
 * Writes the archive `out` from a staging directory that already holds the database file, with the
 * manifest and the storage directory (if it exists) added. Returns the manifest as written.
 */
export async function writeArchive(stage: string, out: string, manifest: Omit<Manifest, 'format' | 'files'>, storageDir: string): Promise<Manifest> {
  const withStorage = existsSync(storageDir);
  const full: Manifest = { format: FORMAT, ...manifest, files: withStorage ? countFiles(storageDir) : 0 };
  await writeFile(path.join(stage, MANIFEST), `${JSON.stringify(full, null, 2)}\n`);
  const dbFile = manifest.kind === 'pglite' ? PGLITE_FILE : POSTGRES_FILE;
  // storage/ enters through a link in the staging directory, followed when archived: no copy of the files.
  if (withStorage) await symlink(path.resolve(storageDir), path.join(stage, STORAGE), 'dir');
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const partial = `${out}.partial`;
  await tar.create(
    {
      gzip: true,
      file: partial,
      cwd: stage,
      follow: true,
      portable: true,
      // half-written evidence downloads (renamed into place when whole) are left out
      filter: (p) => !p.endsWith('.tmp'),
    },
    [MANIFEST, dbFile, ...(withStorage ? [STORAGE] : [])],
  );
  await rename(partial, out);
  return full;
}

/**
 * Unpacks the archive into `into` (which reads it whole: a damaged gzip or tar fails here) and returns its
 * manifest, checked for shape.
 */
export async function readArchive(file: string, into: string): Promise<Manifest> {
  if (!existsSync(file)) throw new BackupFileError(file, 'the file does not exist');
  try {
    await tar.extract({ file, cwd: into, strict: true });
  } catch (e) {
    throw new BackupFileError(file, `it cannot be unpacked (${(e as Error).message}); the file is damaged or not a .tar.gz`);
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(into, MANIFEST), 'utf8')) as Manifest;
  } catch {
    throw new BackupFileError(file, `it has no readable ${MANIFEST}`);
  }
  if (manifest.format !== FORMAT) throw new BackupFileError(file, `its format ${manifest.format} is not the one this version reads (${FORMAT})`);
  if (manifest.kind !== 'pglite' && manifest.kind !== 'postgres') throw new BackupFileError(file, `unknown kind ${String(manifest.kind)}`);
  if (!manifest.digest?.tables) throw new BackupFileError(file, 'its manifest has no digest of the database');
  const dbFile = manifest.kind === 'pglite' ? PGLITE_FILE : POSTGRES_FILE;
  if (!existsSync(path.join(into, dbFile))) throw new BackupFileError(file, `${dbFile} is missing`);
  return manifest;
}

/** A default file name: azamat-<kind>-<UTC date and time>.tar.gz */
export function backupFileName(kind: Manifest['kind'], at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', '-');
  return `azamat-${kind}-${stamp}.tar.gz`;
}
