// Dropping a scratch database (tests, benchmarks) on a PostgreSQL server.
import type pg from 'pg';

/**
 * DROP … WITH (FORCE) ends our own sessions, but not an autovacuum worker, which belongs to the
 * superuser: a database that just took many writes may be held by one for a moment, so retry briefly.
 */
export async function dropDatabase(client: pg.Client, name: string, attempts = 40): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be a plain identifier: ${name}`);
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      // 42501: insufficient privilege to end the (autovacuum) session holding the database
      if ((error as { code?: string }).code !== '42501' || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
