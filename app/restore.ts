// `npm run restore -- <file> [--force] [--verify-only]`: checks a backup, then restores it into the configured
// DATA_DIR (embedded database and evidence files) or DATABASE_URL, refusing a target that holds data unless
// --force, and checks the result table by table against the backup's manifest.
import { pgliteDirOf } from './prepare-database.ts';
import { loadCliConfig } from './cli-config.ts';
import { BackupFileError } from '../core/backup/archive.ts';
import { digestTotals } from '../core/backup/digest.ts';
import { restorePglite } from '../core/backup/pglite-backup.ts';
import { restorePostgres, ToolMissingError } from '../core/backup/postgres-backup.ts';
import { RestoreMismatchError, RestoreTargetNotEmptyError } from '../core/backup/restore-rules.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';
import { redactUrl } from '../core/db/client.ts';

const config = loadCliConfig();
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const files = args.filter((a) => !a.startsWith('--'));
const unknown = [...flags].filter((f) => f !== '--force' && f !== '--verify-only');
if (files.length !== 1 || unknown.length > 0) {
  console.error('Usage: npm run restore -- <backup.tar.gz> [--force] [--verify-only]');
  process.exit(2);
}
const file = files[0]!;
const opts = { file, force: flags.has('--force'), verifyOnly: flags.has('--verify-only') };
const target = config.DATABASE_URL ? redactUrl(config.DATABASE_URL) : config.dataDir;

try {
  const started = Date.now();
  const result = config.DATABASE_URL
    ? await restorePostgres({ ...opts, url: config.DATABASE_URL, storageDir: config.storageDir })
    : await restorePglite({ ...opts, pgliteDir: pgliteDirOf(config), storageDir: config.storageDir });
  const m = result.manifest;
  const t = digestTotals(m.digest);
  console.log(
    `Checked ${file}: made ${m.createdAt} from ${m.kind === 'pglite' ? 'the embedded database' : 'PostgreSQL'}; ${t.tables} tables, ${t.rows} rows, ${m.files} evidence files.`,
  );
  if (!result.restored) {
    console.log('  The file is sound (--verify-only): nothing was restored.');
  } else {
    console.log(`Restored into ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s: every table (rows and content) and sequence matches the backup.`);
    for (const aside of result.movedAside) console.log(`  What was there before is kept in ${aside}: remove it once you have checked the restored data.`);
    console.log('  Start the app as usual; it applies any newer migrations on start.');
  }
  process.exit(0);
} catch (e) {
  if (e instanceof DataDirLockedError) console.error(`${e.message}\n\nStop the app before restoring into its DATA_DIR.`);
  else if (e instanceof BackupFileError || e instanceof RestoreTargetNotEmptyError || e instanceof RestoreMismatchError || e instanceof ToolMissingError)
    console.error(e.message);
  else console.error(`Restore failed: ${(e as Error).message}`);
  process.exit(1);
}
