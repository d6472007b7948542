// What backup and restore share: their results, the refusals a restore can give, and the check that a
// backup was not made by a newer Azamat (whose tables this code would not know).
import path from 'node:path';
import { readMigrations } from '../db/migrate.ts';
import { BackupFileError, type Manifest } from './archive.ts';

export interface BackupResult {
  file: string;
  manifest: Manifest;
}

export interface RestoreOptions {
  file: string;
  /** restore into a target that holds data, moving (embedded) or dropping (PostgreSQL) what is there */
  force?: boolean;
  /** check the file and stop */
  verifyOnly?: boolean;
  now?: () => Date;
}

export interface RestoreResult {
  manifest: Manifest;
  restored: boolean;
  /** where --force moved the data that was in the way (embedded database) */
  movedAside: string[];
}

export class RestoreTargetNotEmptyError extends Error {
  constructor(readonly occupied: string[]) {
    super(
      `Not restoring: the target already holds data (${occupied.join(', ')}).\n` +
        'A restore never overwrites by accident. Restore into an empty DATA_DIR (or an empty database), or add --force:\n' +
        'the embedded database and evidence files in the way are then moved aside (nothing deleted), a PostgreSQL database is emptied.',
    );
    this.name = 'RestoreTargetNotEmptyError';
  }
}

export class RestoreMismatchError extends Error {
  constructor(target: string, problems: string[]) {
    super(`The restored database in ${target} does not match the backup:\n  ${problems.join('\n  ')}`);
    this.name = 'RestoreMismatchError';
  }
}

/** A backup whose migrations this code does not have comes from a newer version: restore it with that version. */
export async function checkMigrationsKnown(file: string, manifest: Manifest): Promise<void> {
  const known = new Set((await readMigrations()).migrationDirectories.map((d) => path.basename(d.path)));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length > 0) {
    throw new BackupFileError(
      file,
      `it was made by a newer version of Azamat (migrations this one lacks: ${unknown.join(', ')}); update the code, then restore`,
    );
  }
}

export const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
