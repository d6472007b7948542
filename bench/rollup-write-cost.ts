// What the analytics rollups (issue 23) add to every write: the report service on two fresh databases of
// the same kind, one migrated up to the rollups (their triggers, tables and indexes) and one to the
// migration before them, given the same work in alternating rounds: citizens file reports one after
// another (the bot's path: report, photo, event, audit), an operator accepts and resolves each, and,
// on PostgreSQL, 10 citizens file at once (rollup rows of the same month, region and category are then
// written by concurrent transactions). Prints the median over the rounds of each figure for both: the
// time per operation, and the CPU it took (this process, which runs PGlite itself, plus the PostgreSQL
// server processes of the database, read from /proc), which a loaded machine disturbs much less.
//
//   npx tsx bench/rollup-write-cost.ts [reports per round] [rounds]
//   env: BENCH_DATABASE_URL (a role that may create databases; the local cluster otherwise)
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { almatyYear } from '../core/calendar/local-time.ts';
import { openDatabase, type Database } from '../core/db/client.ts';
import { dropDatabase as dropPg } from '../core/db/drop-database.ts';
import { applyMigrations, migrationsDir } from '../core/db/migrate.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createAppServices } from '../app/compose.ts';
import type { Services } from '../core/services.ts';
import { seedReferenceData } from '../prisma/seed.ts';
import { findPostgres } from './lib/bench-db.ts';
import { closedLoop } from './lib/stats.ts';

const ROLLUPS = '_analytics_rollups';

interface Variant {
  name: 'with rollups' | 'without';
  db: Database;
  services: Services;
  citizens: number[];
  drop(): Promise<void>;
}

/** The migrations without the rollups' one (and any after it), in a folder of their own. */
function migrationsBeforeRollups(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'azamat-no-rollups-'));
  const names = readdirSync(migrationsDir).sort();
  const cut = names.findIndex((n) => n.endsWith(ROLLUPS));
  if (cut < 0) throw new Error('the analytics_rollups migration is missing');
  for (const n of names.filter((n, i) => i < cut || !/^\d/.test(n))) cpSync(path.join(migrationsDir, n), path.join(dir, n), { recursive: true });
  return dir;
}

async function open(target: 'pglite' | 'postgres', name: Variant['name'], serverUrl: string | undefined, citizens: number): Promise<Variant> {
  let db: Database;
  let drop: () => Promise<void>;
  if (target === 'pglite') {
    db = await openDatabase({ pgliteDir: 'memory://' });
    drop = () => db.close();
  } else {
    const dbName = `azamat_bench_wc_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const u = new URL(serverUrl!);
    u.pathname = `/${dbName}`;
    db = await openDatabase({ url: u.toString(), poolSize: 10 });
    drop = async () => {
      await db.close();
      await dropPg(admin, dbName);
      await admin.end();
    };
  }
  const dir = name === 'without' ? migrationsBeforeRollups() : migrationsDir;
  await applyMigrations(db.adapterFactory, dir);
  if (dir !== migrationsDir) rmSync(dir, { recursive: true, force: true });
  const year = almatyYear(new Date());
  await seedReferenceData(db.prisma, [year, year + 1]);
  const services = createAppServices({ db, logger: pino({ level: 'silent' }), sessionTtlHours: 1, i18n: createI18n() });
  const ids: number[] = [];
  for (let i = 0; i < citizens; i++)
    ids.push((await db.prisma.citizen.create({ data: { telegramId: BigInt(7_700_000_000 + i), locale: 'ru', consentAt: new Date() } })).id);
  return { name, db, services, citizens: ids, drop };
}

interface Figure {
  ms: number;
  cpuMs: number;
}

interface Round {
  file: Figure;
  accept: Figure;
  resolve: Figure;
  concurrentPerSecond?: number;
}

/** CPU seconds of the PostgreSQL processes serving this database (clock ticks of /proc, 100 a second). */
async function serverCpuMs(v: Variant): Promise<number> {
  if (v.db.kind !== 'postgres') return 0;
  const pids = await v.db.prisma.$queryRawUnsafe<Array<{ pid: number }>>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  let ticks = 0;
  for (const { pid } of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a server on another machine, or a connection gone: no server CPU to add
    }
  }
  return ticks * 10;
}

async function measure(v: Variant, count: number, task: (i: number) => Promise<unknown>): Promise<Figure> {
  const server0 = await serverCpuMs(v);
  const cpu0 = process.cpuUsage();
  const { durations } = await closedLoop(count, 1, task);
  const cpu = process.cpuUsage(cpu0);
  const server = (await serverCpuMs(v)) - server0;
  return { ms: durations.reduce((s, x) => s + x, 0) / count, cpuMs: ((cpu.user + cpu.system) / 1000 + server) / count };
}

let used = 0;
async function round(v: Variant, reports: number, concurrent: boolean): Promise<Round> {
  const prisma = v.db.prisma;
  const category = await prisma.category.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } });
  const region = await prisma.region.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const operator = { type: 'staff' as const, id: 1 };
  const file = (i: number) => {
    const citizenId = v.citizens[(used + i) % v.citizens.length]!;
    return v.services.reports.create(
      { type: 'citizen', id: citizenId },
      {
        source: 'bot',
        citizenId,
        categoryId: category.id,
        regionId: region.id,
        lat: 51.13,
        lon: 71.43,
        description: `Яма на дороге у остановки, машины объезжают (${used + i})`,
        evidence: [{ kind: 'photo', telegramFileId: `AgAC-wc-${used + i}`, fileUniqueId: `wc-${used + i}` }],
      },
    );
  };
  const ids: number[] = [];
  const filed = await measure(v, reports, async (i) => ids.push((await file(i)).id));
  used += reports;
  const accepted = await measure(v, ids.length, (i) => v.services.reports.changeStatus(operator, ids[i]!, { to: 'in_work' }));
  const resolved = await measure(v, ids.length, (i) => v.services.reports.changeStatus(operator, ids[i]!, { to: 'resolved', publicNote: 'Яма заделана' }));
  const out: Round = { file: filed, accept: accepted, resolve: resolved };
  if (concurrent) {
    const many = await closedLoop(reports, 10, (i) => file(i));
    used += reports;
    out.concurrentPerSecond = (reports * 1000) / many.wallMs;
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function rollupWriteCost(opts: { reports?: number; rounds?: number; serverUrl?: string; log?: (l: string) => void } = {}): Promise<void> {
  const log = opts.log ?? console.log;
  const reports = opts.reports ?? 100;
  const rounds = opts.rounds ?? 3;
  for (const target of ['pglite', 'postgres'] as const) {
    if (target === 'postgres' && !opts.serverUrl) continue;
    const variants = [await open(target, 'with rollups', opts.serverUrl, reports * 3), await open(target, 'without', opts.serverUrl, reports * 3)];
    try {
      const results = new Map<string, Round[]>(variants.map((v) => [v.name, []]));
      for (let r = 0; r < rounds; r++) {
        // alternate which goes first, so a busier moment of the machine does not favour one side
        for (const v of r % 2 ? [...variants].reverse() : variants) results.get(v.name)!.push(await round(v, reports, target === 'postgres'));
      }
      for (const v of variants) {
        const rs = results.get(v.name)!;
        const conc = rs.every((x) => x.concurrentPerSecond != null)
          ? `; 10 filing at once ${median(rs.map((x) => x.concurrentPerSecond!)).toFixed(1)} reports/s`
          : '';
        const fig = (k: 'file' | 'accept' | 'resolve') =>
          `${k} ${median(rs.map((x) => x[k].ms)).toFixed(2)} ms (CPU ${median(rs.map((x) => x[k].cpuMs)).toFixed(2)} ms)`;
        log(`${target} ${v.name.padEnd(12)} ${fig('file')}, ${fig('accept')}, ${fig('resolve')}${conc}`);
      }
    } finally {
      for (const v of variants) await v.drop();
    }
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]));
if (isMain) {
  const [reports, rounds] = process.argv.slice(2).map(Number);
  const found = await findPostgres(process.env.BENCH_DATABASE_URL || undefined, console.log);
  await rollupWriteCost({
    reports: Number.isFinite(reports) ? reports : undefined,
    rounds: Number.isFinite(rounds) ? rounds : undefined,
    serverUrl: 'url' in found ? found.url : undefined,
  });
}
