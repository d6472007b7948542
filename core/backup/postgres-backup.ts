// Backup and restore of a PostgreSQL database with its own tools: pg_dump in custom format, taken while
// the app runs (one consistent snapshot, shared with the digest in the manifest through an exported
// snapshot), and pg_restore in one transaction, so a restore that fails leaves the target as it was.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, rename } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { BackupFileError, POSTGRES_FILE, readArchive, scratchDir, STORAGE, writeArchive, type Manifest } from './archive.ts';
import { compareDigests, digestDatabase, type QueryRows } from './digest.ts';
import { appliedMigrations } from './pglite-backup.ts';
import {
  checkMigrationsKnown,
  RestoreMismatchError,
  RestoreTargetNotEmptyError,
  stampOf,
  type BackupResult,
  type RestoreOptions,
  type RestoreResult,
} from './restore-rules.ts';

export class ToolMissingError extends Error {
  constructor(tool: string) {
    super(
      `${tool} is not installed here. It comes with PostgreSQL's client tools, of the server's major version or newer:\n` +
        '  Debian/Ubuntu: apt-get install postgresql-client   (or postgresql-client-15 for a PostgreSQL 15 server)\n' +
        `then run the command again. (${tool} must be on PATH.)`,
    );
    this.name = 'ToolMissingError';
  }
}

function requireTool(tool: string): void {
  const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (r.error) throw new ToolMissingError(tool);
}

/** The URL without its password (which goes in PGPASSWORD, not on a command line anyone can list). */
function connection(url: string): { uri: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { uri: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${tool} failed (exit ${code}):\n${err.trim()}`))));
  });
}

const rowsOf =
  (client: pg.Client): QueryRows =>
  async <T>(sql: string) =>
    (await client.query(sql)).rows as T[];

export async function backupPostgres(opts: { url: string; storageDir: string; out: string; now?: () => Date }): Promise<BackupResult> {
  requireTool('pg_dump');
  const now = opts.now ?? (() => new Date());
  const { uri, env } = connection(opts.url);
  const stage = await scratchDir('backup');
  const client = new pg.Client({ connectionString: opts.url });
  await client.connect();
  try {
    // The digest and the dump read the same snapshot, so the manifest describes exactly what was dumped.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const digest = await digestDatabase(rowsOf(client));
    const migrations = await appliedMigrations(rowsOf(client));
    // No compression inside: the archive is gzipped as a whole.
    await run(
      'pg_dump',
      [
        '--format=custom',
        '--compress=0',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snapshot}`,
        `--file=${path.join(stage.dir, POSTGRES_FILE)}`,
        `--dbname=${uri}`,
      ],
      env,
    );
    await client.query('COMMIT');
    const manifest = await writeArchive(stage.dir, opts.out, { kind: 'postgres', createdAt: now().toISOString(), migrations, digest }, opts.storageDir);
    return { file: opts.out, manifest };
  } finally {
    await client.end().catch(() => {});
    await stage.remove();
  }
}

export async function restorePostgres(opts: RestoreOptions & { url: string; storageDir: string }): Promise<RestoreResult> {
  requireTool('pg_restore');
  const stage = await scratchDir('restore');
  try {
    const manifest: Manifest = await readArchive(opts.file, stage.dir);
    if (manifest.kind !== 'postgres') {
      throw new BackupFileError(opts.file, 'it is a backup of the embedded database: restore it with DATABASE_URL unset, into an empty DATA_DIR');
    }
    await checkMigrationsKnown(opts.file, manifest);
    const { uri, env } = connection(opts.url);
    const dump = path.join(stage.dir, POSTGRES_FILE);
    // Reads the dump's table of contents: a truncated or foreign file fails here, before the target is touched.
    await run('pg_restore', ['--list', dump], env).catch((e: Error) => {
      throw new BackupFileError(opts.file, `pg_restore cannot read its dump (${e.message})`);
    });
    if (opts.verifyOnly) return { manifest, restored: false, movedAside: [] };

    const client = new pg.Client({ connectionString: opts.url });
    await client.connect();
    try {
      const tables = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0]!.n);
      const storageTaken = existsSync(opts.storageDir) && readdirSync(opts.storageDir).length > 0;
      const occupied = [...(tables > 0 ? [`${tables} tables in ${connection(opts.url).uri}`] : []), ...(storageTaken ? [opts.storageDir] : [])];
      if (occupied.length > 0 && !opts.force) throw new RestoreTargetNotEmptyError(occupied);
      // One transaction: a restore that fails half-way leaves the database as it was.
      await run(
        'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          ...(tables > 0 ? ['--clean', '--if-exists'] : []),
          `--dbname=${uri}`,
          dump,
        ],
        env,
      );
      const problems = compareDigests(manifest.digest, await digestDatabase(rowsOf(client)));
      if (problems.length > 0) throw new RestoreMismatchError(connection(opts.url).uri, problems);
      const movedAside: string[] = [];
      if (existsSync(path.join(stage.dir, STORAGE))) {
        if (storageTaken) {
          const aside = `${opts.storageDir}.before-restore-${stampOf(opts.now?.() ?? new Date())}`;
          await rename(opts.storageDir, aside);
          movedAside.push(aside);
        }
        await cp(path.join(stage.dir, STORAGE), opts.storageDir, { recursive: true });
      }
      return { manifest, restored: true, movedAside };
    } finally {
      await client.end().catch(() => {});
    }
  } finally {
    await stage.remove();
  }
}
