// Opening the database and bringing it up to date (template, migrations, reference data) before anything runs;
// separate from the composition root (app.ts) because the demo, backup, restore and doctor commands use it too.
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import type { DataDirLock } from '../core/db/data-dir-lock.ts';
import { migrateIfBehind, migrationRecords, migrationsUpToDate, readMigrations } from '../core/db/migrate.ts';
import { withMigrationLock } from '../core/db/migration-lock.ts';
import { findTemplate } from '../core/db/template.ts';
import { seedIfChanged, seedIsCurrent, seedYears } from '../prisma/seed.ts';

/** Where the embedded database lives under DATA_DIR. */
export const pgliteDirOf = (config: Config): string => path.join(config.dataDir, 'pglite');

/**
 * Opens the database and brings it up to date: a new embedded one starts from the template when there is a usable
 * one; then migrations and reference data, each skipped when there is nothing to do.
 * `lock`: the embedded database's lock when the caller took it already (the demo empties DATA_DIR under it).
 * `templateDir`: where the template is (tests); dist/template by default.
 */
export async function openAndPrepareDatabase(
  config: Config,
  logger: Logger,
  now: () => Date = () => new Date(),
  opts: { lock?: DataDirLock; templateDir?: string } = {},
): Promise<Database> {
  const template = async () => {
    const found = findTemplate(migrationRecords(await readMigrations()), opts.templateDir);
    if ('reason' in found) logger.info({ reason: found.reason }, 'new embedded database: created by initdb, not from the template');
    return found.dataDir;
  };
  const db = await openDatabase({ url: config.DATABASE_URL, pgliteDir: pgliteDirOf(config), lock: opts.lock, lockOptions: { now }, template });
  logger.info({ database: db.describe, ...(db.origin && db.origin !== 'existing' ? { created: db.origin } : {}) }, 'database opened');
  await prepareDatabase(db, logger, now);
  return db;
}

/**
 * Migrations and reference data, each skipped when there is nothing to do. The usual start (every migration
 * applied, the seed unchanged) finds that out with two reads and goes on: no schema engine, no lock. Otherwise
 * both run under the migration lock on PostgreSQL, so instances starting at once take turns, and the later ones,
 * checking again under the lock, find nothing left to do.
 */
export async function prepareDatabase(db: Database, logger: Logger, now: () => Date = () => new Date()): Promise<void> {
  const years = seedYears(now());
  if ((await migrationsUpToDate(db.prisma, migrationRecords(await readMigrations()))) && (await seedIsCurrent(db.prisma, years))) return;
  await withMigrationLock(
    db,
    async () => {
      const applied = await migrateIfBehind(db);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
      const seeded = await seedIfChanged(db.prisma, years);
      if (seeded) logger.info(seeded, 'reference data seeded');
    },
    { onWait: () => logger.info('another instance is migrating the database; waiting for it') },
  );
}
