// The databases a bench section runs on: a fresh in-memory PGlite, or a fresh database on the
// PostgreSQL server (BENCH_DATABASE_URL, else the local Debian cluster), migrated and seeded the
// way the app does it at start-up.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../core/db/client.ts';
import { applyMigrations } from '../../core/db/migrate.ts';
import { almatyYear } from '../../core/calendar/local-time.ts';
import { seedReferenceData } from '../../prisma/seed.ts';
import { prepareBenchDatabase } from './seed-large.ts';
import { closedLoop, distribution, perSecond } from './stats.ts';

export type Target = 'pglite' | 'postgres';

/** The developers' local cluster, as the project's helpers set it up (README: Development). */
export const LOCAL_CLUSTER_URL = 'postgresql://azamat_dev:devpass@127.0.0.1:5432/azamat_dev';

export interface PostgresServer {
  /** a role allowed to create databases */
  url: string;
  version: string;
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    return rows[0]!.v;
  } finally {
    await c.end();
  }
}

/**
 * The PostgreSQL server for the bench: the given URL, or the local cluster (started with
 * `pg_ctlcluster 15 main start` when it is installed but down). Undefined, with the reason, when
 * none answers: the PostgreSQL sections are then skipped, not failed.
 */
export async function findPostgres(given: string | undefined, log: (line: string) => void): Promise<PostgresServer | { missing: string }> {
  const url = given ?? LOCAL_CLUSTER_URL;
  try {
    return { url, version: await serverVersion(url) };
  } catch (e) {
    if (given) return { missing: `BENCH_DATABASE_URL does not answer (${(e as Error).message})` };
  }
  if (existsSync('/usr/bin/pg_ctlcluster') && existsSync('/etc/postgresql/15/main')) {
    log('bench: starting the local PostgreSQL cluster (pg_ctlcluster 15 main start)');
    try {
      execFileSync('pg_ctlcluster', ['15', 'main', 'start'], { stdio: 'ignore' });
      return { url, version: await serverVersion(url) };
    } catch (e) {
      return { missing: `the local cluster did not start or refused ${url.replace(/:[^:@]*@/, ':***@')} (${(e as Error).message})` };
    }
  }
  return { missing: 'no PostgreSQL server: set BENCH_DATABASE_URL=postgres://user:pass@host/db (a role that may create databases)' };
}

export interface BenchDb {
  target: Target;
  db: Database;
  /** postgres target: this database's own URL */
  url?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated and seeded database of the target kind; drop() removes it. */
export async function openBenchDb(target: Target, server?: PostgresServer, poolSize = 10): Promise<BenchDb> {
  if (target === 'pglite') {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    await applyMigrations(db.adapterFactory);
    const year = almatyYear(new Date());
    await seedReferenceData(db.prisma, [year, year + 1]);
    return { target, db, drop: () => db.close() };
  }
  if (!server) throw new Error('openBenchDb: the postgres target needs a server');
  const name = `azamat_bench_${randomBytes(5).toString('hex')}`;
  const url = await prepareBenchDatabase(server.url, name);
  const db = await openDatabase({ url, poolSize });
  return {
    target,
    db,
    url,
    drop: async () => {
      await db.close();
      await dropDatabase(server.url, name);
    },
  };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/**
 * The database's own write ceiling for this run: single-row INSERTs into a scratch table through the
 * same Prisma driver adapter the app uses, from `concurrency` callers at once.
 */
export async function rawInsertRate(db: Database, count: number, concurrency: number): Promise<{ perSecond: number; p50Ms: number; p95Ms: number }> {
  await db.prisma.$executeRawUnsafe(
    'CREATE TABLE IF NOT EXISTS bench_scratch (id bigserial PRIMARY KEY, chat bigint NOT NULL, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())',
  );
  await db.prisma.$executeRawUnsafe('TRUNCATE bench_scratch');
  const body = 'Глубокая яма на проезжей части у Байтерека';
  const { durations, wallMs } = await closedLoop(
    count,
    concurrency,
    (i) => db.prisma.$executeRaw`INSERT INTO bench_scratch (chat, body) VALUES (${i}, ${body})`,
  );
  await db.prisma.$executeRawUnsafe('DROP TABLE bench_scratch');
  const d = distribution(durations);
  return { perSecond: perSecond(count, wallMs), p50Ms: d.p50, p95Ms: d.p95 };
}
