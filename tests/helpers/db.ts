// Test databases: a fresh in-memory PGlite per suite, and, when TEST_DATABASE_URL is set, a fresh
// PostgreSQL database per suite on that server, so every database-backed suite runs on both.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import pg from 'pg';
import { openDatabase, type Database } from '../../core/db/client.ts';
import { applyMigrations } from '../../core/db/migrate.ts';
import { dropDatabase } from '../../core/db/drop-database.ts';
import { seedReferenceData } from '../../prisma/seed.ts';
import { TEST_SEED_YEARS, pgliteTemplate, postgresTemplate, withDatabase, type TemplateVariant } from './db-template.ts';

export type DbTarget = 'pglite' | 'postgres';

/** The databases this run covers: PGlite always, PostgreSQL when CI provides one. */
export const dbTargets: DbTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Database;
  /** postgres:// URL of this suite's own database (postgres target only) */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A new database of the target kind: empty (no migrations applied), or a copy of the migrated `template`
 * (tests/helpers/db-template.ts).
 */
export async function createEmptyDb(target: DbTarget, template?: TemplateVariant): Promise<TestDb> {
  if (target === 'pglite') {
    const db = await openDatabase({ pgliteDir: 'memory://', ...(template ? { loadDataDir: await pgliteTemplate(template) } : {}) });
    return { db, drop: () => db.close() };
  }
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `azamat_test_${randomBytes(6).toString('hex')}`;
  const source = template ? ` TEMPLATE ${await postgresTemplate(admin, template)}` : '';
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}${source}`);
  await client.end();
  const url = withDatabase(admin, name);
  const db = await openDatabase({ url, poolSize: 5 });
  return {
    db,
    url,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await dropDatabase(c, name);
      } finally {
        await c.end();
      }
    },
  };
}

/** A migrated database, with reference data unless `seed: false`. */
export async function createTestDb(target: DbTarget, opts: { seed?: boolean; years?: number[] } = {}): Promise<TestDb> {
  if (!opts.years) return createEmptyDb(target, opts.seed === false ? 'bare' : 'seeded');
  const t = await createEmptyDb(target);
  await applyMigrations(t.db.adapterFactory);
  if (opts.seed !== false) await seedReferenceData(t.db.prisma, opts.years ?? TEST_SEED_YEARS);
  return t;
}

/**
 * Registers beforeAll/afterAll for a suite's own database, and empties the `truncate` tables before
 * each test; read `.db` inside tests and hooks.
 */
export function useTestDb(target: DbTarget, opts: { seed?: boolean; years?: number[]; truncate?: string[] } = {}): { readonly db: Database } {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb(target, opts);
  });
  if (opts.truncate?.length) {
    const sql = `TRUNCATE ${opts.truncate.map((n) => `"${n}"`).join(', ')} RESTART IDENTITY CASCADE`;
    beforeEach(async () => {
      await t!.db.prisma.$executeRawUnsafe(sql);
    });
  }
  afterAll(async () => {
    await t?.drop();
  });
  return {
    get db() {
      if (!t) throw new Error('test database not ready: use it inside tests or hooks');
      return t.db;
    },
  };
}
