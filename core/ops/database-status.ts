// The database as an operator plans for it: its size, its connections against the server's limit, and
// for the embedded database the size of its directory on disk (what a backup copies and a disk must hold).
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../db/client.ts';

export interface DatabaseStatus {
  kind: 'pglite' | 'postgres';
  /** where it lives, without credentials */
  describe: string;
  sizeBytes: number | null;
  /** connections to this database now, and the server's limit (PostgreSQL) */
  connections: number | null;
  maxConnections: number | null;
  /** the embedded database's directory on disk */
  dataDirBytes: number | null;
  serverVersion: string | null;
}

/** Bytes of the files under `dir`, following no links; null when it does not exist. */
export async function directorySize(dir: string): Promise<number | null> {
  const top = await lstat(dir).catch(() => null);
  if (!top) return null;
  if (!top.isDirectory()) return top.size;
  let total = 0;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (!e.isFile()) continue;
    // Files may come and go while we count (PGlite's WAL): a vanished one counts as nothing.
    const s = await lstat(path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).catch(() => null);
    total += s?.size ?? 0;
  }
  return total;
}

export async function databaseStatus(db: Database): Promise<DatabaseStatus> {
  const one = async <T>(q: Promise<T[]>): Promise<T | null> => (await q.catch(() => []))[0] ?? null;
  const size = await one(db.prisma.$queryRaw<Array<{ bytes: bigint }>>`SELECT pg_database_size(current_database()) AS bytes`);
  const version = await one(db.prisma.$queryRaw<Array<{ v: string }>>`SELECT current_setting('server_version') AS v`);
  let connections: number | null = null;
  let maxConnections: number | null = null;
  if (db.kind === 'postgres') {
    // pg_stat_activity shows a plain role its own database's sessions too; the count is what the server holds for us.
    const conn = await one(db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database()`);
    const max = await one(db.prisma.$queryRaw<Array<{ v: string }>>`SELECT current_setting('max_connections') AS v`);
    connections = conn ? Number(conn.n) : null;
    maxConnections = max ? Number(max.v) : null;
  }
  return {
    kind: db.kind,
    describe: db.describe,
    sizeBytes: size ? Number(size.bytes) : null,
    connections,
    maxConnections,
    dataDirBytes: db.kind === 'pglite' && db.dir ? await directorySize(db.dir) : null,
    serverVersion: version?.v ?? null,
  };
}
