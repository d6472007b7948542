// Two instances starting at once on one PostgreSQL (a deployment restarting api, bot and jobs together)
// must not both apply migrations and seed reference data: the second would fail half-way or seed twice.
// A session-level advisory lock, on a connection of its own, serialises the preparation; whoever comes
// second waits, then finds nothing left to do. The embedded database needs none: its directory lock
// already admits one process.
import type { Database } from './client.ts';

/** pg_advisory_lock's key: "azamat" in ASCII, so `SELECT * FROM pg_locks WHERE objid = …` finds it. */
export const MIGRATION_LOCK_KEY = 0x617a616d6174n;

export async function withMigrationLock<T>(db: Pick<Database, 'kind' | 'url'>, fn: () => Promise<T>, opts: { onWait?: () => void } = {}): Promise<T> {
  if (db.kind !== 'postgres' || !db.url) return fn();
  // Imported here: an embedded database never needs it.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: db.url, application_name: 'azamat-migrate' });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [String(MIGRATION_LOCK_KEY)]);
    if (!rows[0]?.ok) {
      opts.onWait?.();
      await client.query('SELECT pg_advisory_lock($1)', [String(MIGRATION_LOCK_KEY)]);
    }
    // Closing the session releases the lock too, so a crash in fn() never leaves it held.
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [String(MIGRATION_LOCK_KEY)]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
