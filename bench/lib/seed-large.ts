// Large, realistic data for benchmarks, generated set-based inside PostgreSQL (generate_series), so a
// million reports take seconds rather than the hours row-by-row inserts would. Runs on a database that is
// already migrated and seeded with the reference data (prepareBenchDatabase does both through the app's
// own code). Spreads everything over the last two years, every region and district, every category and
// status, with timestamps in order (filed → accepted → resolved → rated) and the report history events
// that go with them. Re-running adds another batch: numbers and Telegram ids continue after what is there.
import pg from 'pg';
import { openDatabase } from '../../core/db/client.ts';
import { applyMigrations } from '../../core/db/migrate.ts';
import { dropDatabase } from '../../core/db/drop-database.ts';
import { almatyYear } from '../../core/calendar/local-time.ts';
import { seedReferenceData } from '../../prisma/seed.ts';
import type { SeedContext } from './seed-large-context.ts';
import { seedCitizens, seedReports } from './seed-large-reports.ts';
import { seedConsultations, seedDiscussions, seedVolunteering } from './seed-large-community.ts';
import { seedProjectsAndPolls } from './seed-large-polls.ts';

export interface SeedCounts {
  reports?: number;
  consultations?: number;
  pollAnswers?: number;
}

export const DEFAULT_COUNTS = { reports: 1_000_000, consultations: 100_000, pollAnswers: 1_000_000 } as const;

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh database `name` on the server of `baseUrl` (dropped first if it exists), migrated and seeded
 * with the reference data exactly as the app does at start-up (years: two back and one ahead, so the
 * calendar covers the generated history). Returns its URL.
 */
export async function prepareBenchDatabase(baseUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name must be a plain identifier: ${name}`);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await dropDatabase(admin, name);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(baseUrl, name);
  const db = await openDatabase({ url, poolSize: 2 });
  try {
    await applyMigrations(db.adapterFactory);
    const year = almatyYear(new Date());
    await seedReferenceData(db.prisma, [year - 2, year - 1, year, year + 1]);
  } finally {
    await db.close();
  }
  return url;
}

/** Tables the big inserts go to: their foreign keys and secondary indexes are rebuilt once after loading. */
const BULK_TABLES = ['Citizen', 'Report', 'ReportEvent', 'Consultation', 'PollResponse', 'PollAnswer', 'PollInvitation', 'ProjectBeneficiary'];

/**
 * Tables whose changes the analytics rollups' triggers follow (migration analytics_rollups): row by row
 * they would add a million reports one at a time, so the load runs without them and the rollups are
 * recomputed once at the end, as the migration's backfill does.
 */
const ROLLUP_SOURCES = [
  'Citizen',
  'Report',
  'ReportFollower',
  'Question',
  'DiscussionComment',
  'VolunteerApplication',
  'PollWave',
  'PollResponse',
  'PollAnswer',
  'ProjectBeneficiary',
];

/**
 * Drops the foreign keys and secondary indexes of `tables` and returns the statements that put them back
 * exactly as they were (from the catalog): building an index once and checking a foreign key with one
 * join is several times faster than maintaining them row by row during a bulk insert. Runs inside the
 * caller's transaction, so a failure leaves the schema untouched.
 */
async function dropForLoad(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows: fks } = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema() AND c.relname = ANY($1::text[])`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     JOIN pg_class ic ON ic.relname = i.indexname JOIN pg_index x ON x.indexrelid = ic.oid
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[]) AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = ic.oid)`,
    [tables],
  );
  for (const fk of fks) await client.query(`ALTER TABLE "${fk.tbl}" DROP CONSTRAINT "${fk.name}"`);
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
  return [...indexes.map((ix) => ix.def), ...fks.map((fk) => `ALTER TABLE "${fk.tbl}" ADD CONSTRAINT "${fk.name}" ${fk.def}`)];
}

export async function seedLarge(databaseUrl: string, counts: SeedCounts, log: (line: string) => void = () => {}): Promise<{ ms: number }> {
  const started = Date.now();
  const reports = Math.max(0, Math.floor(counts.reports ?? DEFAULT_COUNTS.reports));
  const consultations = Math.max(0, Math.floor(counts.consultations ?? DEFAULT_COUNTS.consultations));
  const pollAnswers = Math.max(0, Math.floor(counts.pollAnswers ?? DEFAULT_COUNTS.pollAnswers));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = Date.now();
    const res = await client.query(sql, params);
    log(`seed-large: ${label} ${res.rowCount ?? ''} in ${Date.now() - t} ms`);
    return res;
  };
  try {
    // Bulk load: losing the last commit on a crash is harmless here.
    await client.query('SET synchronous_commit = off');
    await client.query("SET work_mem = '64MB'");
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query('BEGIN');
    const restore = await dropForLoad(client, BULK_TABLES);
    for (const t of ROLLUP_SOURCES) await client.query(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
    await client.query('SELECT setseed(0.42)');
    await client.query(`
      CREATE TEMP TABLE bl_district ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY d.id) - 1)::int AS n, d.id, d."regionId", r.lat, r.lon
        FROM "District" d JOIN "Region" r ON r.id = d."regionId";
      CREATE TEMP TABLE bl_category ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, "departmentId", "deadlineDays" FROM "Category" WHERE active;
      CREATE TEMP TABLE bl_topic ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id FROM "ConsultationTopic";
      CREATE TEMP TABLE bl_region ON COMMIT PRESERVE ROWS AS
        SELECT (row_number() OVER (ORDER BY id) - 1)::int AS n, id, code FROM "Region";`);
    const {
      rows: [sizes],
    } = await client.query<{ d: number; c: number; t: number; r: number }>(
      'SELECT (SELECT count(*) FROM bl_district)::int AS d, (SELECT count(*) FROM bl_category)::int AS c, (SELECT count(*) FROM bl_topic)::int AS t, (SELECT count(*) FROM bl_region)::int AS r',
    );
    if (!sizes || sizes.d === 0 || sizes.c === 0 || sizes.t === 0)
      throw new Error('seedLarge needs a database seeded with the reference data (prepareBenchDatabase)');

    const ctx: SeedContext = { client, step, sizes };

    const citizens = await seedCitizens(ctx, reports);
    await seedReports(ctx, reports, citizens);
    await seedConsultations(ctx, consultations);
    await seedDiscussions(ctx, reports, citizens);
    await seedVolunteering(ctx, reports, citizens);
    await seedProjectsAndPolls(ctx, pollAnswers, citizens);
    const r0 = Date.now();
    for (const sql of restore) await client.query(sql);
    log(`seed-large: indexes and foreign keys rebuilt in ${Date.now() - r0} ms`);
    for (const t of ROLLUP_SOURCES) await client.query(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
    await step('analytics rollups recomputed', 'SELECT analytics_rebuild_rollups()');
    await client.query('COMMIT');
    // Fresh statistics (and the visibility map index-only scans need), as autovacuum would give a live system.
    const t = Date.now();
    await client.query('VACUUM ANALYZE');
    log(`seed-large: vacuum analyze in ${Date.now() - t} ms`);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return { ms: Date.now() - started };
}
