// A new embedded database starts from the template built at install time. It must end up exactly as if it had been
// created, migrated and seeded at start-up, also when the template is behind the migrations or was built in another
// year, and a template that cannot be used must never stop the app from starting.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndPrepareDatabase } from '../app/prepare-database.ts';
import { parseConfig } from '../app/config.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { applyMigrations, migrationRecords, migrationsDir, readMigrations } from '../core/db/migrate.ts';
import { buildTemplate, findTemplate } from '../core/db/template.ts';
import { seedIfChanged, seedYears } from '../prisma/seed.ts';
import { testLogger } from './helpers/silent-logger.ts';

const NOW = new Date('2026-11-20T12:00:00+05:00');
const base = mkdtempSync(path.join(tmpdir(), 'azamat-template-'));
const templateDir = path.join(base, 'template');
const open: Database[] = [];
let folder: ReturnType<typeof migrationRecords>;

beforeAll(async () => {
  folder = migrationRecords(await readMigrations());
  await buildTemplate({ outDir: templateDir, now: NOW });
});

afterAll(async () => {
  for (const db of open) await db.close().catch(() => {});
  rmSync(base, { recursive: true, force: true });
});

let dirs = 0;
const configIn = () => parseConfig({ DATA_DIR: path.join(base, `data-${++dirs}`), LOG_LEVEL: 'silent' }, base);

/** A logger that keeps what was logged, to see which way start-up went. */
function recordingLogger(): { logger: typeof testLogger; messages: Array<Record<string, unknown>> } {
  const messages: Array<Record<string, unknown>> = [];
  const logger = testLogger.child({});
  logger.info = ((obj: unknown, msg?: string) => {
    messages.push(typeof obj === 'string' ? { msg: obj } : { ...(obj as object), msg });
  }) as never;
  return { logger, messages };
}

async function prepare(opts: { now?: Date; template?: string } = {}): Promise<{ db: Database; messages: Array<Record<string, unknown>> }> {
  const { logger, messages } = recordingLogger();
  const db = await openAndPrepareDatabase(configIn(), logger, () => opts.now ?? NOW, { templateDir: opts.template ?? templateDir });
  open.push(db);
  return { db, messages };
}

/** Everything the migrations and the seed make: the schema, the reference data, the history and the sequences. */
async function contents(db: Database): Promise<Record<string, unknown>> {
  const q = (sql: string) => db.prisma.$queryRawUnsafe<unknown[]>(sql);
  const rows = (table: string) => q(`SELECT * FROM "${table}" ORDER BY 1`);
  return {
    columns: await q(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`,
    ),
    indexes: await q(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    constraints: await q(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`,
    ),
    enums: await q(`SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY 1, 3`),
    sequences: await q(`SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`),
    migrations: await q(`SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`),
    regions: await rows('Region'),
    districts: await rows('District'),
    areas: await rows('Area'),
    departments: await rows('Department'),
    categories: await rows('Category'),
    topics: await rows('ConsultationTopic'),
    calendar: await q(`SELECT date, kind, "nameKk", "nameRu", source FROM "CalendarDay" ORDER BY date`),
    settings: await q(`SELECT key, value FROM "Setting" ORDER BY key`),
  };
}

describe('the database template', () => {
  it('equals a database migrated and seeded at start-up: schema, reference data, history and sequences', async () => {
    const fresh = await openDatabase({ pgliteDir: 'memory://' });
    open.push(fresh);
    await applyMigrations(fresh.adapterFactory);
    await seedIfChanged(fresh.prisma, seedYears(NOW));
    const { db, messages } = await prepare();
    expect(db.origin).toBe('template');
    // Nothing left to do after loading it: no migration, no seeding.
    expect(messages.map((m) => m.msg)).not.toContain('migrations applied');
    expect(messages.map((m) => m.msg)).not.toContain('reference data seeded');
    const [want, got] = [await contents(fresh), await contents(db)];
    expect((want.regions as unknown[]).length).toBe(20);
    expect(got).toEqual(want);
  });

  it('leaves a real data directory: closed and opened again, it keeps what was written', async () => {
    const config = configIn();
    const first = await openAndPrepareDatabase(config, testLogger, () => NOW, { templateDir });
    expect(first.origin).toBe('template');
    await first.prisma.setting.create({ data: { key: 'probe', value: 'kept' } });
    await first.close();
    const again = await openAndPrepareDatabase(config, testLogger, () => NOW, { templateDir });
    open.push(again);
    expect(again.origin).toBe('existing');
    expect((await again.prisma.setting.findUnique({ where: { key: 'probe' } }))?.value).toBe('kept');
  });

  it("built in one year and started in a later one: the later years' holidays are seeded at that start", async () => {
    const later = new Date('2028-01-10T09:00:00+05:00');
    const { db, messages } = await prepare({ now: later });
    expect(db.origin).toBe('template');
    expect(messages.map((m) => m.msg)).toContain('reference data seeded');
    const day = (d: string) => db.prisma.calendarDay.findUnique({ where: { date: new Date(`${d}T00:00:00Z`) } });
    expect((await day('2028-03-22'))?.kind).toBe('holiday');
    expect((await day('2029-01-01'))?.kind).toBe('holiday');
  });

  it('behind the migrations folder (built before a pull): loaded, then the missing migration is applied', async () => {
    const older = path.join(base, 'older-migrations');
    cpSync(migrationsDir, older, { recursive: true });
    const last = folder.at(-1)!.name;
    rmSync(path.join(older, last), { recursive: true });
    const behind = path.join(base, 'template-behind');
    await buildTemplate({ outDir: behind, now: NOW, migrations: older });
    const { db, messages } = await prepare({ template: behind });
    expect(db.origin).toBe('template');
    expect(messages.find((m) => m.msg === 'migrations applied')?.applied).toEqual([last]);
    const applied = await db.prisma.$queryRawUnsafe<Array<{ migration_name: string }>>('SELECT migration_name FROM _prisma_migrations ORDER BY 1');
    expect(applied.map((r) => r.migration_name)).toEqual(folder.map((m) => m.name));
  });

  it('can be read by the service user that copies it, and written by no one but its owner (npm ci runs as root on a server)', () => {
    const files = readdirSync(templateDir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(templateDir, f));
    expect(files.length).toBeGreaterThan(100);
    const modes = new Set(files.map((f) => statSync(f).mode & 0o777));
    expect([...modes].sort()).toEqual([0o644, 0o755]);
  });

  it('is not used when it has a migration the folder lacks, or when it is missing, and says why', () => {
    expect(findTemplate(folder, templateDir).dataDir).toBeDefined();
    const edited = folder.map((m, i) => (i === 0 ? { ...m, checksum: 'changed' } : m));
    expect(findTemplate(edited, templateDir)).toMatchObject({ reason: expect.stringContaining('migrations folder does not') });
    expect(findTemplate(folder.slice(0, -1), templateDir)).toMatchObject({ reason: expect.stringContaining('migrations folder does not') });
    expect(findTemplate(folder, path.join(base, 'nowhere'))).toMatchObject({ reason: expect.stringContaining('no template') });
    const empty = path.join(base, 'template-empty');
    cpSync(templateDir, empty, { recursive: true });
    rmSync(path.join(empty, 'pgdata'), { recursive: true });
    expect(findTemplate(folder, empty)).toMatchObject({ reason: expect.stringContaining('has no database') });
  });

  it('a damaged template does not stop the start: initdb makes the database, migrated and seeded as always', async () => {
    const damaged = path.join(base, 'template-damaged');
    cpSync(templateDir, damaged, { recursive: true });
    expect(findTemplate(folder, damaged).dataDir).toBeDefined();
    // Written by a PostgreSQL this PGlite cannot read.
    writeFileSync(path.join(damaged, 'pgdata/PG_VERSION'), '9\n');
    const { db, messages } = await prepare({ template: damaged });
    expect(db.origin).toBe('initdb');
    expect(messages.find((m) => m.msg === 'migrations applied')?.applied).toEqual(folder.map((m) => m.name));
    expect(await db.prisma.region.count()).toBe(20);
    expect(existsSync(path.join(base, `data-${dirs}`, 'pglite', 'PG_VERSION'))).toBe(true);
  });
});
