// Test databases are copied from a template instead of being made from nothing: initdb, every migration and the
// seed cost about 4 s of CPU per suite on PGlite and 1 s on PostgreSQL, and the suites make some three hundred
// databases per CI run. The template is built once per schema and seed (the key hashes everything under prisma/),
// then each suite starts from a copy: a PGlite dump loaded into memory (~0.4 s), or CREATE DATABASE … TEMPLATE.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { openDatabase } from '../../core/db/client.ts';
import { PGLITE_START_PARAMS } from '../../core/db/open-pglite.ts';
import { applyMigrations } from '../../core/db/migrate.ts';
import { pgliteVersion } from '../../core/db/template.ts';
import { seedReferenceData } from '../../prisma/seed.ts';

/** `seeded`: migrated with the reference data of the default test years; `bare`: migrated only. */
export type TemplateVariant = 'seeded' | 'bare';

/** The years a seeded test database covers unless a suite asks for others. */
export const TEST_SEED_YEARS = [2026, 2027];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = path.join(root, 'node_modules/.cache/azamat-test-db');

async function hashTree(dir: string, hash: ReturnType<typeof createHash>): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    hash.update(path.relative(root, p));
    if (e.isDirectory()) await hashTree(p, hash);
    else hash.update(await readFile(p));
  }
}

let key: Promise<string> | undefined;
/**
 * What the template depends on: the schema, the migrations and the seed's code and data (all of prisma/), the
 * PGlite that writes the dump, and the month of the clock, so rows stamped with "now" by the seed are never from
 * another time than the suite's (the later-date pass moves the clock by 400 days).
 */
export function templateKey(): Promise<string> {
  key ??= (async () => {
    const hash = createHash('sha256');
    await hashTree(path.join(root, 'prisma'), hash);
    hash.update(pgliteVersion());
    hash.update(new Date().toISOString().slice(0, 7));
    return hash.digest('hex').slice(0, 12);
  })();
  return key;
}

async function migrateAndSeed(prisma: PrismaClient, adapter: Parameters<typeof applyMigrations>[0], variant: TemplateVariant): Promise<void> {
  await applyMigrations(adapter);
  if (variant === 'seeded') await seedReferenceData(prisma, TEST_SEED_YEARS);
}

const dumps = new Map<TemplateVariant, Promise<Blob>>();

async function buildDump(file: string, variant: TemplateVariant): Promise<Buffer> {
  const pglite = await PGlite.create('memory://', { startParams: PGLITE_START_PARAMS });
  try {
    const adapter = new PrismaPGlite(pglite);
    const prisma = new PrismaClient({ adapter });
    await migrateAndSeed(prisma, adapter, variant);
    await prisma.$disconnect();
    await pglite.exec('CHECKPOINT');
    const dump = Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer());
    // Written beside its place and renamed: a worker reading it never sees half a file. Two workers that
    // build the same dump at once write the same bytes, so whichever rename comes last is as good.
    const staging = `${file}.${process.pid}`;
    await writeFile(staging, dump);
    await rename(staging, file);
    return dump;
  } finally {
    await pglite.close();
  }
}

/** The PGlite template of this schema as a dump to load, from the cache in node_modules/.cache or built now. */
export function pgliteTemplate(variant: TemplateVariant): Promise<Blob> {
  let dump = dumps.get(variant);
  if (!dump) {
    dump = (async () => {
      const file = path.join(cacheDir, `${await templateKey()}-${variant}.tar`);
      const bytes = await readFile(file).catch(async () => {
        await mkdir(cacheDir, { recursive: true });
        const k = await templateKey();
        // Dumps of an older schema are of no further use; each is some 45 MB.
        for (const name of await readdir(cacheDir)) if (!name.startsWith(k)) await rm(path.join(cacheDir, name), { force: true });
        return buildDump(file, variant);
      });
      return new Blob([new Uint8Array(bytes)]);
    })();
    dumps.set(variant, dump);
  }
  return dump;
}

/** `url` with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** One lock id for every test run on the server, so two workers never build the same template at once. */
const BUILD_LOCK = 7_324_001;
const templates = new Map<TemplateVariant, Promise<string>>();

async function buildPostgresTemplate(adminUrl: string, name: string, variant: TemplateVariant): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    const building = `${name}_build`;
    await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${building}`);
    const db = await openDatabase({ url: withDatabase(adminUrl, building), poolSize: 2 });
    try {
      await migrateAndSeed(db.prisma, db.adapterFactory, variant);
    } finally {
      await db.close();
    }
    // No connections, not even autovacuum's: CREATE DATABASE … TEMPLATE refuses a source anyone is connected to.
    // The pool's sessions may outlive close() for a moment, so they are ended here (they are this role's own).
    await client.query(`ALTER DATABASE ${building} WITH ALLOW_CONNECTIONS false`);
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [building]);
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        break;
      } catch (error) {
        // 55006: a terminated session has not gone yet
        if ((error as { code?: string }).code !== '55006' || attempt >= 40) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => {});
    await client.end();
  }
}

/**
 * The name of the PostgreSQL template database of this schema on the server of `adminUrl`, built if missing.
 * Templates of other schemas are left alone: another checkout may be testing with one right now.
 */
export function postgresTemplate(adminUrl: string, variant: TemplateVariant): Promise<string> {
  let name = templates.get(variant);
  if (!name) {
    name = templateKey().then(async (k) => {
      const n = `azamat_tpl_${k}_${variant}`;
      await buildPostgresTemplate(adminUrl, n, variant);
      return n;
    });
    templates.set(variant, name);
  }
  return name;
}
