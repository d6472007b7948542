import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema, migrateIfBehind, migrationsDir, readMigrations, schemaPath } from '../core/db/migrate.ts';
import { openSchemaEngine, type OpenSchemaEngine } from '../core/db/schema-engine.ts';
import { createEmptyDb, dbTargets, type TestDb } from './helpers/db.ts';

describe('schema and migrations', () => {
  it('agree: schema.prisma has no change that lacks a migration (run npm run db:migration -- <name>)', async () => {
    const drift = await diffMigrationsToSchema();
    expect(drift, `schema.prisma and prisma/migrations differ:\n${drift}`).toBe('');
  });

  it('the drift check notices a model added to the schema without a migration', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azamat-drift-'));
    const schema = path.join(dir, 'schema.prisma');
    writeFileSync(schema, `${readFileSync(schemaPath, 'utf8')}\nmodel DriftProbe {\n  id Int @id\n}\n`);
    const drift = await diffMigrationsToSchema(migrationsDir, schema);
    expect(drift).toContain('CREATE TABLE "DriftProbe"');
  });

  it('are in Prisma’s own format: one folder per migration with migration.sql, and a lock file', async () => {
    const list = await readMigrations();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const d of list.migrationDirectories) {
      expect(d.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(d.migrationFile.content.tag).toBe('ok');
    }
    expect(list.lockfile.content).toContain('provider = "postgresql"');
  });
});

describe.each(dbTargets)('migrations on %s', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createEmptyDb(target);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('apply to an empty database, are recorded in _prisma_migrations, and re-applying does nothing', async () => {
    const names = (await readMigrations()).migrationDirectories.map((d) => d.path);
    expect(await applyMigrations(t.db.adapterFactory)).toEqual(names);
    const rows = await t.db.prisma.$queryRaw<Array<{ migration_name: string; finished_at: Date | null }>>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await applyMigrations(t.db.adapterFactory)).toEqual([]);
    expect(await t.db.prisma.region.count()).toBe(0);
  });

  it('a new migration in the folder is applied on the next start, the old ones are not re-run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azamat-mig-'));
    cpSync(migrationsDir, dir, { recursive: true });
    const folder = path.join(dir, '29991231000000_probe');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'migration.sql'), 'CREATE TABLE "MigrationProbe" (id int primary key);\n');
    expect(await applyMigrations(t.db.adapterFactory, dir)).toEqual(['29991231000000_probe']);
    await t.db.prisma.$executeRawUnsafe('DROP TABLE "MigrationProbe"');
  });
});

/** The schema engine, counting how often start-up loads it. */
function countingEngine(): { open: OpenSchemaEngine; opened: () => number } {
  let opened = 0;
  return {
    open: (...args) => {
      opened += 1;
      return openSchemaEngine(...args);
    },
    opened: () => opened,
  };
}

describe.each(dbTargets)('start-up migrations on %s', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createEmptyDb(target);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('migrate a new database with the schema engine, then load no engine while nothing is pending', async () => {
    const engine = countingEngine();
    const names = (await readMigrations()).migrationDirectories.map((d) => d.path);
    expect(await migrateIfBehind(t.db, { openEngine: engine.open })).toEqual(names);
    expect(engine.opened()).toBe(1);
    expect(await migrateIfBehind(t.db, { openEngine: engine.open })).toEqual([]);
    expect(await migrateIfBehind(t.db, { openEngine: engine.open })).toEqual([]);
    expect(engine.opened()).toBe(1);
  });

  it('a database behind the folder still gets the missing migration, through the engine', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'azamat-behind-'));
    cpSync(migrationsDir, dir, { recursive: true });
    const folder = path.join(dir, '29991231000001_behind_probe');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'migration.sql'), 'CREATE TABLE "BehindProbe" (id int primary key);\n');
    const engine = countingEngine();
    expect(await migrateIfBehind(t.db, { dir, openEngine: engine.open })).toEqual(['29991231000001_behind_probe']);
    expect(engine.opened()).toBe(1);
    expect(await t.db.prisma.$queryRawUnsafe('SELECT count(*)::int AS n FROM "BehindProbe"')).toEqual([{ n: 0 }]);
    // Up to date with that folder now: the next start loads nothing.
    expect(await migrateIfBehind(t.db, { dir, openEngine: engine.open })).toEqual([]);
    expect(engine.opened()).toBe(1);
  });

  it('leaves a history it does not recognise to the engine: a migration unknown to the folder, or one edited since', async () => {
    // The database now has the probe of the previous test, which the real folder lacks.
    const engine = countingEngine();
    await migrateIfBehind(t.db, { openEngine: engine.open });
    expect(engine.opened()).toBe(1);
    await t.db.prisma.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '29991231000001_behind_probe'`);
    await t.db.prisma.$executeRawUnsafe('DROP TABLE "BehindProbe"');
    expect(await migrateIfBehind(t.db, { openEngine: engine.open })).toEqual([]);
    expect(engine.opened()).toBe(1);
    const [first] = (await readMigrations()).migrationDirectories;
    await t.db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = '${first!.path}'`);
    await migrateIfBehind(t.db, { openEngine: engine.open }).catch(() => []);
    expect(engine.opened()).toBe(2);
  });
});
