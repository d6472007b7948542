// Migrations in Prisma's own format and table (_prisma_migrations), so `prisma migrate deploy`
// keeps working for anyone who has the native engine.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { noFilters, openSchemaEngine, type MigrationList, type OpenSchemaEngine } from './schema-engine.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const schemaPath = path.join(root, 'prisma/schema.prisma');
export const migrationsDir = path.join(root, 'prisma/migrations');
const LOCKFILE = 'migration_lock.toml';

export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const lockContent = existsSync(path.join(dir, LOCKFILE)) ? await readFile(path.join(dir, LOCKFILE), 'utf8') : null;
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const directories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      directories.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(dir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/** Applies every migration not yet applied; idempotent. Returns the names it applied. */
export async function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = migrationsDir,
  openEngine: OpenSchemaEngine = openSchemaEngine,
): Promise<string[]> {
  const schema = await readFile(schemaPath, 'utf8');
  const engine = await openEngine(factory, schema);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: await readMigrations(dir), filters: noFilters });
    return appliedMigrationNames;
  } finally {
    engine.close();
  }
}

/** The checksum Prisma records for a migration in `_prisma_migrations`: SHA-256 of the file, in hex. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export interface MigrationRecord {
  name: string;
  checksum: string;
}

/** The migrations in the folder, by name and checksum, in the order they apply. */
export function migrationRecords(list: MigrationList): MigrationRecord[] {
  return list.migrationDirectories.map((d) => ({
    name: d.path,
    checksum: d.migrationFile.content.tag === 'ok' ? migrationChecksum(d.migrationFile.content.value) : '',
  }));
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Whether the database has applied exactly the folder's migrations, each finished and unchanged: then there is
 * nothing for the schema engine to do, and it is not loaded (compiling its WebAssembly costs about 0.2 s of CPU
 * and 25 MB that would stay with the process). Anything else — a migration pending, failed, rolled back, edited
 * or unknown to the folder, or no history at all — is left to the engine, which applies or reports it as always.
 */
export async function migrationsUpToDate(prisma: PrismaClient, folder: MigrationRecord[]): Promise<boolean> {
  const [{ present }] = await prisma.$queryRawUnsafe<Array<{ present: boolean }>>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
  if (!present) return false;
  const rows = await prisma.$queryRawUnsafe<AppliedRow[]>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations');
  const applied = new Map<string, string>();
  for (const r of rows) {
    if (r.rolled_back_at) continue;
    if (!r.finished_at) return false;
    applied.set(r.migration_name, r.checksum);
  }
  return applied.size === folder.length && folder.every((m) => applied.get(m.name) === m.checksum);
}

/**
 * Start-up's migration step: compares `_prisma_migrations` with the folder first and loads the schema engine
 * only when the database is behind (or anything else needs its judgement). Returns the names it applied.
 */
export async function migrateIfBehind(
  db: { prisma: PrismaClient; adapterFactory: SqlMigrationAwareDriverAdapterFactory },
  opts: { dir?: string; openEngine?: OpenSchemaEngine } = {},
): Promise<string[]> {
  const dir = opts.dir ?? migrationsDir;
  if (await migrationsUpToDate(db.prisma, migrationRecords(await readMigrations(dir)))) return [];
  return applyMigrations(db.adapterFactory, dir, opts.openEngine);
}

/**
 * SQL that would bring a database built from the migrations up to schema.prisma; empty when they agree.
 * Replays the migrations into a throw-away in-memory PGlite, so no shadow database server is needed.
 */
export async function diffMigrationsToSchema(dir = migrationsDir, schemaFile = schemaPath): Promise<string> {
  const schema = await readFile(schemaFile, 'utf8');
  // Imported here: only `npm run db:migration` needs them, never a start.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import('@electric-sql/pglite'), import('pglite-prisma-adapter')]);
  const scratch = new PGlite('memory://');
  const engine = await openSchemaEngine(new PrismaPGlite(scratch), schema);
  try {
    await engine.applyMigrations({ migrationsList: await readMigrations(dir), filters: noFilters });
    const files = [{ path: 'schema.prisma', content: schema }];
    const result = await engine.diff({
      from: { tag: 'schemaDatasource', files, configDir: root },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 0 ? '' : (result.stdout ?? '');
  } finally {
    engine.close();
    await scratch.close();
  }
}

function timestamp(now: Date): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema diff; null when nothing changed. */
export async function createMigration(name: string, dir = migrationsDir, now = new Date()): Promise<string | null> {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '') || 'migration';
  const script = await diffMigrationsToSchema(dir);
  if (!script.trim()) return null;
  const folder = `${timestamp(now)}_${slug}`;
  await mkdir(path.join(dir, folder), { recursive: true });
  await writeFile(path.join(dir, folder, 'migration.sql'), script, 'utf8');
  if (!existsSync(path.join(dir, LOCKFILE))) {
    await writeFile(
      path.join(dir, LOCKFILE),
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      'utf8',
    );
  }
  return folder;
}
