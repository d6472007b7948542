// The template: a migrated and seeded embedded database, built once at install time (postinstall, `npm run build`)
// into dist/template/pgdata, and copied as it is into a new data directory. Creating a database with initdb,
// applying every migration and seeding costs about 5 s of CPU and leaves 100–130 MB behind in the process; copying
// the template costs a tenth of a second and nothing that stays. It is only a head start: after loading, start-up does what it does on any directory
// (migrations the template lacks are applied, the reference data of another year is seeded), so a template built
// before a `git pull` or on another date still ends in the same database.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedIfChanged, seedVersion, seedYears } from '../../prisma/seed.ts';
import { applyMigrations, migrationRecords, migrationsDir, readMigrations, type MigrationRecord } from './migrate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where `npm install` leaves the template (dist/ is built, not committed). */
export const TEMPLATE_DIR = path.join(root, 'dist/template');
const DATA = 'pgdata';
const MANIFEST = 'manifest.json';

export interface TemplateManifest {
  /** the PGlite that wrote it: another one may not read its files */
  pglite: string;
  /** the migrations applied, in order */
  migrations: MigrationRecord[];
  /** the seed fingerprint and the calendar years it covers */
  seedVersion: string;
  years: number[];
  builtAt: string;
}

/** The installed PGlite's version, from its package.json (which it does not export). */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = path.dirname(entry);
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * PGlite leaves its files 0600 or 0666 as it pleases. The template is built by whoever ran `npm ci` (root, on a
 * server) and copied by the service's own user, which must be able to read every file; the copy keeps these
 * modes, so nobody else may write to it either.
 */
async function readableByAll(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) await readableByAll(p);
    else await chmod(p, 0o644);
  }
}

/** Builds the template into `outDir` (replacing what was there): a database on disk, migrated, seeded and closed. */
export async function buildTemplate(opts: { outDir?: string; now?: Date; migrations?: string } = {}): Promise<TemplateManifest> {
  const outDir = opts.outDir ?? TEMPLATE_DIR;
  const dir = opts.migrations ?? migrationsDir;
  const years = seedYears(opts.now ?? new Date());
  // Built beside its place and swapped in whole, so a start never copies half a template.
  const staging = `${outDir}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  // Imported here: a start only looks for the template (findTemplate) and copies it.
  const [{ PGlite }, { PrismaPGlite }, { PrismaClient }, { PGLITE_START_PARAMS }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
    import('../../generated/prisma/client.ts'),
    import('./open-pglite.ts'),
  ]);
  const pglite = await PGlite.create(path.join(staging, DATA), { startParams: PGLITE_START_PARAMS });
  try {
    const adapter = new PrismaPGlite(pglite);
    await applyMigrations(adapter, dir);
    const prisma = new PrismaClient({ adapter });
    await seedIfChanged(prisma, years);
    await prisma.$disconnect();
    // Everything in the data files, not only in the WAL: each copy starts without a recovery to replay.
    await pglite.exec('CHECKPOINT');
  } finally {
    await pglite.close();
  }
  const manifest: TemplateManifest = {
    pglite: pgliteVersion(),
    migrations: migrationRecords(await readMigrations(dir)),
    seedVersion: seedVersion(years),
    years,
    builtAt: (opts.now ?? new Date()).toISOString(),
  };
  await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await readableByAll(staging);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  await rename(staging, outDir);
  return manifest;
}

export type TemplateCheck = { dataDir: string; manifest: TemplateManifest } | { dataDir?: undefined; reason: string };

/**
 * The template in `dir`, if this install can start a database from it: written by the same PGlite, and its
 * migrations the folder's first ones, unchanged (the rest are applied after copying, as on any directory that
 * is behind). Otherwise the reason, and a new database is made by initdb as before.
 */
export function findTemplate(folder: MigrationRecord[], dir = TEMPLATE_DIR): TemplateCheck {
  let manifest: TemplateManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as TemplateManifest;
  } catch {
    return { reason: `no template in ${dir} (npm run build makes one)` };
  }
  if (manifest.pglite !== pgliteVersion()) return { reason: `the template was written by PGlite ${manifest.pglite}, this is ${pgliteVersion()}` };
  const diverged =
    manifest.migrations.length > folder.length || manifest.migrations.some((m, i) => folder[i]?.name !== m.name || folder[i]?.checksum !== m.checksum);
  if (diverged) return { reason: 'the template has migrations that the migrations folder does not (or has them changed)' };
  const dataDir = path.join(dir, DATA);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) return { reason: `the template in ${dir} has no database` };
  return { dataDir, manifest };
}
