// Upgrades on PostgreSQL: instances starting at once (api, bot and jobs restarted together) must not race
// to apply migrations and seed reference data. prepareDatabase takes an advisory lock around both when there is
// anything to do, so the second waits for the first and then finds nothing to do; a database already up to date
// starts without it. The embedded database needs no such lock (its data directory admits one process), so these
// run on PostgreSQL only.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { prepareDatabase } from '../app/prepare-database.ts';
import { openDatabase } from '../core/db/client.ts';
import { MIGRATION_LOCK_KEY } from '../core/db/migration-lock.ts';
import { localMigrations } from '../core/db/migration-status.ts';
import { createEmptyDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { until } from './helpers/e2e.ts';

const NOW = () => new Date('2026-11-20T06:00:00Z');

describe.skipIf(!process.env.TEST_DATABASE_URL)('migrations under a lock (postgres)', () => {
  it('two instances starting at once on an empty database both start, and everything is applied and seeded once', async () => {
    const t = await createEmptyDb('postgres');
    const second = await openDatabase({ url: t.url!, poolSize: 5 });
    try {
      await Promise.all([prepareDatabase(t.db, testLogger, NOW), prepareDatabase(second, testLogger, NOW)]);
      const rows = await t.db.prisma.$queryRaw<
        Array<{ name: string; n: bigint }>
      >`SELECT migration_name AS name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY 1`;
      expect(rows.map((r) => r.name)).toEqual(await localMigrations());
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      expect(await t.db.prisma.region.count()).toBe(20);
      expect(await t.db.prisma.category.groupBy({ by: ['code'], having: { code: { _count: { gt: 1 } } } })).toEqual([]);
    } finally {
      await second.close();
      await t.drop();
    }
  });

  it('waits while another instance holds the lock, then migrates', async () => {
    const t = await createEmptyDb('postgres');
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [String(MIGRATION_LOCK_KEY)]);
      let done = false;
      const starting = prepareDatabase(t.db, testLogger, NOW).then(() => (done = true));
      // it is waiting on the lock, and has applied nothing
      await until('the start waiting on the lock', async () => {
        const { rows } = await other.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'azamat-migrate' AND wait_event_type = 'Lock' AND datname = current_database()`,
        );
        return rows[0].n === 1;
      });
      const { rows } = await other.query(`SELECT to_regclass('_prisma_migrations') IS NULL AS none`);
      expect(rows[0].none).toBe(true);
      expect(done).toBe(false);
      await other.query('SELECT pg_advisory_unlock($1)', [String(MIGRATION_LOCK_KEY)]);
      await starting;
      expect(await t.db.prisma.region.count()).toBe(20);
    } finally {
      await other.end();
      await t.drop();
    }
  });
  it('an up-to-date database is started without the lock: a restart does not wait behind an instance holding it', async () => {
    const t = await createEmptyDb('postgres');
    await prepareDatabase(t.db, testLogger, NOW);
    const other = new pg.Client({ connectionString: t.url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [String(MIGRATION_LOCK_KEY)]);
      // Would wait for the unlock below, which comes only after it, if it took the lock.
      await prepareDatabase(t.db, testLogger, NOW);
      const { rows } = await other.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'azamat-migrate'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await other.query('SELECT pg_advisory_unlock($1)', [String(MIGRATION_LOCK_KEY)]);
      await other.end();
      await t.drop();
    }
  });
});
