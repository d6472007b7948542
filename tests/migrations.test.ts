import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema, migrationsDir, readMigrations, schemaPath } from '../core/db/migrate.ts';
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
