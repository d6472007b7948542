// Which migrations of this version are applied to the database, read from Prisma's own table. Readiness,
// the doctor and the system-status screen say "pending" when the code is newer than the database.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { migrationsDir } from './migrate.ts';

export interface MigrationStatus {
  /** applied and finished, oldest first */
  applied: string[];
  /** in this version's prisma/migrations but not applied */
  pending: string[];
  /** started and never finished (a migration that failed half-way) */
  failed: string[];
}

let known: Promise<string[]> | undefined;
/** This version's migrations (they do not change while the process runs). */
export function localMigrations(dir = migrationsDir): Promise<string[]> {
  const read = async () =>
    existsSync(dir)
      ? (await readdir(dir, { withFileTypes: true }))
          .filter((e) => e.isDirectory())
          .map((e) => e.name)
          .sort()
      : [];
  if (dir !== migrationsDir) return read();
  known ??= read();
  return known;
}

export async function migrationStatus(prisma: PrismaClient, dir = migrationsDir): Promise<MigrationStatus> {
  const local = await localMigrations(dir);
  const table = await prisma.$queryRaw<Array<{ ok: boolean }>>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS ok`;
  const rows = table[0]?.ok
    ? await prisma.$queryRaw<Array<{ name: string; finished: boolean; rolledBack: boolean }>>`
        SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
        FROM _prisma_migrations ORDER BY started_at`
    : [];
  const applied = [...new Set(rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name))].sort();
  const done = new Set(applied);
  return {
    applied,
    pending: local.filter((m) => !done.has(m)),
    failed: rows.filter((r) => !r.finished && !r.rolledBack && !done.has(r.name)).map((r) => r.name),
  };
}
