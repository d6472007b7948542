// `npm run backup [-- --out <file or folder>]`: the whole database and the evidence files in one .tar.gz.
// The embedded database is backed up with the app stopped (its lock says so if not); PostgreSQL online
// with pg_dump. Default folder: BACKUP_DIR (DATA_DIR/backups) (copy backups off the machine: see README, "Backups").
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pgliteDirOf } from './prepare-database.ts';
import { loadCliConfig } from './cli-config.ts';
import { backupFileName } from '../core/backup/archive.ts';
import { digestTotals } from '../core/backup/digest.ts';
import { backupPglite } from '../core/backup/pglite-backup.ts';
import { backupPostgres, ToolMissingError } from '../core/backup/postgres-backup.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';

const config = loadCliConfig();
const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
if (args.includes('--out') && !outArg) {
  console.error('Usage: npm run backup [-- --out <file.tar.gz or folder>]');
  process.exit(2);
}
const kind = config.DATABASE_URL ? 'postgres' : 'pglite';
const now = new Date();
const target = path.resolve(outArg ?? config.backupDir);
const out = target.endsWith('.tar.gz') || (existsSync(target) && statSync(target).isFile()) ? target : path.join(target, backupFileName(kind, now));

try {
  const started = Date.now();
  const { manifest } = config.DATABASE_URL
    ? await backupPostgres({ url: config.DATABASE_URL, storageDir: config.storageDir, out, now: () => now })
    : await backupPglite({ pgliteDir: pgliteDirOf(config), storageDir: config.storageDir, out, now: () => now });
  const t = digestTotals(manifest.digest);
  const mb = (statSync(out).size / 1024 / 1024).toFixed(1);
  console.log(`Backup written: ${out} (${mb} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(
    `  ${kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}: ${t.tables} tables, ${t.rows} rows, ${t.sequences} sequences; ${manifest.files} evidence files`,
  );
  console.log(`  check it at any time with: npm run restore -- --verify-only ${out}`);
  process.exit(0);
} catch (e) {
  if (e instanceof DataDirLockedError) {
    console.error(
      `${e.message}\n\nThe embedded database is backed up while the app is stopped: a copy taken under a running app could be\ninconsistent. Stop it, back up, start it again (README, "Backups"); with PostgreSQL, backups run online.`,
    );
  } else if (e instanceof ToolMissingError) {
    console.error(e.message);
  } else {
    console.error(`Backup failed: ${(e as Error).message}`);
  }
  process.exit(1);
}
