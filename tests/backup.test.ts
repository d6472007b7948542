// Backups that restore: the demo's database (every kind of data the app keeps, evidence photos included) is
// backed up, restored into a new directory or database, and compared table by table, row by row, and
// sequence by sequence with the original; a report filed afterwards gets the next id and number. A restore
// refuses a target that holds data (unless --force, which moves it aside), a damaged file before touching
// anything, and the embedded database is not copied while another process has it open.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFileError } from '../core/backup/archive.ts';
import { backupPglite, restorePglite } from '../core/backup/pglite-backup.ts';
import { backupPostgres, restorePostgres } from '../core/backup/postgres-backup.ts';
import { RestoreTargetNotEmptyError } from '../core/backup/restore-rules.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';
import { applyMigrations } from '../core/db/migrate.ts';
import { fillDemo } from '../core/demo/fill-demo.ts';
import { CAPABILITIES } from '../app/capabilities/index.ts';
import { createAppServices } from '../app/compose.ts';
import { seedReferenceData } from '../prisma/seed.ts';
import { createEmptyDb, createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const NOW = new Date('2026-11-20T12:00:00+05:00');
type Query = (sql: string) => Promise<Array<Record<string, unknown>>>;

/** Every table's rows as text, sorted, and every sequence's position: compared whole, not by checksum. */
async function contents(query: Query): Promise<{ tables: Record<string, string[]>; sequences: Record<string, string | null> }> {
  await query(`SET TIME ZONE 'UTC'`);
  const tables: Record<string, string[]> = {};
  for (const { name } of (await query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)) as Array<{ name: string }>) {
    tables[name] = ((await query(`SELECT t::text AS row FROM "${name}" t`)) as Array<{ row: string }>).map((r) => r.row).sort();
  }
  const sequences: Record<string, string | null> = {};
  for (const s of (await query(`SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`)) as Array<{
    name: string;
    last: string | null;
  }>)
    sequences[s.name] = s.last;
  return { tables, sequences };
}

const pgliteQuery =
  (db: PGlite): Query =>
  async (sql) =>
    (await db.query<Record<string, unknown>>(sql)).rows;
const pgQuery =
  (c: pg.Client): Query =>
  async (sql) =>
    (await c.query(sql)).rows as Array<Record<string, unknown>>;

function filesUnder(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out[path.relative(dir, path.join(e.parentPath, e.name))] = statSync(path.join(e.parentPath, e.name)).size;
  return out;
}

/** Fills a database with the demo (real services, every status, photos in storage). */
async function fill(db: Database, storageDir: string): Promise<void> {
  const services = createAppServices({ db, logger: testLogger, sessionTtlHours: 12, now: () => NOW, storageDir });
  await fillDemo(services, CAPABILITIES, { storageDir, now: NOW });
}

/** Files a report on the restored database: its id and number must come after every restored one. */
async function fileOneMore(db: Database) {
  const services = createAppServices({ db, logger: testLogger, sessionTtlHours: 12, now: () => NOW });
  const { regions, categories } = await services.reference.get();
  const before = await db.prisma.report.aggregate({ _max: { id: true, seq: true } });
  const r = await services.reports.create(
    { type: 'staff', id: 1 },
    {
      source: 'staff',
      categoryId: categories.find((c) => c.active)!.id,
      regionId: regions[0]!.id,
      address: 'Абай даңғылы 1',
      description: 'Restored database takes a new report',
      evidence: [],
    },
  );
  return { before, r };
}

function report(
  target: string,
  what: string,
  source: Awaited<ReturnType<typeof contents>>,
  restored: Awaited<ReturnType<typeof contents>>,
  files: [number, number],
) {
  const rows = (c: typeof source) => Object.values(c.tables).reduce((n, t) => n + t.length, 0);
  const sameTables = Object.keys(source.tables).filter((t) => JSON.stringify(source.tables[t]) === JSON.stringify(restored.tables[t])).length;
  const sameSeq = Object.keys(source.sequences).filter((s) => source.sequences[s] === restored.sequences[s]).length;
  console.log(
    `[backup] ${target}: ${what}: tables ${sameTables}/${Object.keys(source.tables).length} identical, rows ${rows(restored)} of ${rows(source)}, sequences ${sameSeq}/${Object.keys(source.sequences).length}, evidence files ${files[1]} of ${files[0]}`,
  );
}

describe.each(dbTargets)('backup and restore (%s)', (target) => {
  const work = mkdtempSync(path.join(tmpdir(), 'azamat-backup-test-'));
  const storage = path.join(work, 'source-storage');
  const file = path.join(work, 'backups', `demo-${target}.tar.gz`);
  let source: TestDb | undefined;
  const pgliteSource = path.join(work, 'source', 'pglite');

  beforeAll(async () => {
    if (target === 'pglite') {
      const db = await openDatabase({ pgliteDir: pgliteSource });
      try {
        await applyMigrations(db.adapterFactory);
        await seedReferenceData(db.prisma, [2026, 2027]);
        await fill(db, storage);
      } finally {
        await db.close();
      }
      await backupPglite({ pgliteDir: pgliteSource, storageDir: storage, out: file, now: () => NOW });
    } else {
      source = await createTestDb('postgres');
      await fill(source.db, storage);
      await backupPostgres({ url: source.url!, storageDir: storage, out: file, now: () => NOW });
    }
  });
  afterAll(async () => {
    await source?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores the demo database into a new place: every table, row, sequence and evidence file as it was, and new ids follow on', async () => {
    const restoredStorage = path.join(work, 'restored-storage');
    if (target === 'pglite') {
      const dir = path.join(work, 'restored', 'pglite');
      const result = await restorePglite({ file, pgliteDir: dir, storageDir: restoredStorage });
      expect(result.restored).toBe(true);
      const [a, b] = [await PGlite.create(pgliteSource), await PGlite.create(dir)];
      const [before, after] = [await contents(pgliteQuery(a)), await contents(pgliteQuery(b))];
      await a.close();
      await b.close();
      report(target, 'demo database restored into a new DATA_DIR', before, after, [
        Object.keys(filesUnder(storage)).length,
        Object.keys(filesUnder(restoredStorage)).length,
      ]);
      expect(after).toEqual(before);
      const db = await openDatabase({ pgliteDir: dir });
      try {
        const { before: max, r } = await fileOneMore(db);
        expect(r.id).toBe(max._max.id! + 1);
        expect(r.seq).toBe(max._max.seq! + 1);
      } finally {
        await db.close();
      }
    } else {
      const into = await createEmptyDb('postgres');
      try {
        const result = await restorePostgres({ file, url: into.url!, storageDir: restoredStorage });
        expect(result.restored).toBe(true);
        const [a, b] = [new pg.Client({ connectionString: source!.url }), new pg.Client({ connectionString: into.url })];
        await a.connect();
        await b.connect();
        const [before, after] = [await contents(pgQuery(a)), await contents(pgQuery(b))];
        await a.end();
        await b.end();
        report(target, 'demo database restored into a new database', before, after, [
          Object.keys(filesUnder(storage)).length,
          Object.keys(filesUnder(restoredStorage)).length,
        ]);
        expect(after).toEqual(before);
        const { before: max, r } = await fileOneMore(into.db);
        expect(r.id).toBe(max._max.id! + 1);
        expect(r.seq).toBe(max._max.seq! + 1);
      } finally {
        await into.drop();
      }
    }
    expect(Object.keys(filesUnder(storage)).length).toBeGreaterThan(10);
    expect(filesUnder(restoredStorage)).toEqual(filesUnder(storage));
  });

  it('refuses a target that holds data unless --force, and a damaged file before touching anything', async () => {
    const damaged = path.join(work, 'damaged.tar.gz');
    const bytes = readFileSync(file);
    await import('node:fs/promises').then((fs) => fs.writeFile(damaged, bytes));
    truncateSync(damaged, Math.floor(bytes.length * 0.6));
    if (target === 'pglite') {
      const dir = path.join(work, 'occupied', 'pglite');
      const occupiedStorage = path.join(work, 'occupied', 'storage');
      const db = await openDatabase({ pgliteDir: dir });
      await applyMigrations(db.adapterFactory);
      await db.close();
      await expect(restorePglite({ file: damaged, pgliteDir: dir, storageDir: occupiedStorage })).rejects.toBeInstanceOf(BackupFileError);
      await expect(restorePglite({ file, pgliteDir: dir, storageDir: occupiedStorage })).rejects.toBeInstanceOf(RestoreTargetNotEmptyError);
      const forced = await restorePglite({ file, pgliteDir: dir, storageDir: occupiedStorage, force: true, now: () => NOW });
      // what was in the way is kept beside, not deleted
      expect(forced.movedAside).toEqual([`${dir}.before-restore-20261120T070000Z`]);
      expect(existsSync(path.join(forced.movedAside[0]!, 'PG_VERSION'))).toBe(true);
    } else {
      const into = await createTestDb('postgres', { seed: false });
      try {
        await expect(restorePostgres({ file: damaged, url: into.url!, storageDir: path.join(work, 'pg-occupied-storage') })).rejects.toBeInstanceOf(
          BackupFileError,
        );
        await expect(restorePostgres({ file, url: into.url!, storageDir: path.join(work, 'pg-occupied-storage') })).rejects.toBeInstanceOf(
          RestoreTargetNotEmptyError,
        );
        expect(await into.db.prisma.report.count()).toBe(0);
        const forced = await restorePostgres({ file, url: into.url!, storageDir: path.join(work, 'pg-occupied-storage'), force: true });
        expect(forced.restored).toBe(true);
        expect(await into.db.prisma.report.count()).toBe(await source!.db.prisma.report.count());
      } finally {
        await into.drop();
      }
    }
  });

  it.runIf(target === 'pglite')('does not copy the embedded database while another process has it open', async () => {
    const db = await openDatabase({ pgliteDir: pgliteSource });
    try {
      await expect(backupPglite({ pgliteDir: pgliteSource, storageDir: storage, out: path.join(work, 'while-open.tar.gz') })).rejects.toBeInstanceOf(
        DataDirLockedError,
      );
      expect(existsSync(path.join(work, 'while-open.tar.gz'))).toBe(false);
    } finally {
      await db.close();
    }
  });
});
