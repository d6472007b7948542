// What `npm run doctor` checks, each with what it found and, when wrong, the fix in the README's words:
// configuration, the database and its migrations, disk space in DATA_DIR, the clock against the database's,
// the Asia/Almaty time zone, and (doctor-telegram.ts) the bot token, BOT_USERNAME and the webhook. It reads
// and asks; it changes nothing (no migration, no webhook).
import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';
import { pgliteDirOf } from './prepare-database.ts';
import { errorText, type DoctorOptions, type Finding } from './doctor-finding.ts';
import { telegramFindings } from './doctor-telegram.ts';
import { openDatabase, redactUrl, type Database } from '../core/db/client.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';
import { migrationStatus } from '../core/db/migration-status.ts';

const GiB = 1024 ** 3;

function configFindings(config: Config): Finding[] {
  const out: Finding[] = [];
  const db = config.DATABASE_URL ? `PostgreSQL at ${redactUrl(config.DATABASE_URL)}` : `the embedded database in ${pgliteDirOf(config)}`;
  const bot = !config.BOT_TOKEN ? 'bot off (no BOT_TOKEN)' : config.WEBHOOK_URL ? `bot by webhook at ${config.WEBHOOK_URL}` : 'bot by long polling';
  out.push({ check: 'configuration', ok: true, detail: `${db}; ${bot}; API on ${config.HOST}:${config.PORT}` });
  if (config.NODE_ENV === 'production' && !config.cookieSecure) {
    out.push({
      check: 'configuration',
      ok: false,
      detail: 'COOKIE_SECURE=false in production: the session cookie would travel over plain HTTP',
      fix: 'serve the console through the reverse proxy with TLS (README, "Reverse proxy with TLS") and remove COOKIE_SECURE',
    });
  }
  if (config.METRICS_PORT !== undefined && /^(0\.0\.0\.0|::)$/.test(config.METRICS_HOST)) {
    out.push({
      check: 'configuration',
      ok: false,
      detail: `METRICS_HOST=${config.METRICS_HOST} opens /metrics on every network interface without a token`,
      fix: 'keep METRICS_HOST=127.0.0.1 (or a private address your firewall closes) and let Prometheus scrape it there (README, "Health, readiness, metrics and alerts")',
    });
  }
  if (config.HOST !== '127.0.0.1' && config.HOST !== 'localhost' && config.HOST !== '::1' && !config.TRUST_PROXY) {
    out.push({
      check: 'configuration',
      ok: null,
      detail: `HOST=${config.HOST} with TRUST_PROXY=false: fine without a proxy; behind one, client addresses and https would be wrong`,
      fix: 'behind the reverse proxy, set TRUST_PROXY=true (README, "Reverse proxy with TLS")',
    });
  }
  return out;
}

/** The nearest existing folder of `dir` (DATA_DIR may not exist before the first start). */
function existingParent(dir: string): string {
  let d = path.resolve(dir);
  while (!existsSync(d) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
}

async function diskFinding(config: Config, minFree: number): Promise<Finding> {
  const where = existingParent(config.dataDir);
  const s = await statfs(where);
  const free = s.bavail * s.bsize;
  const share = s.blocks > 0 ? s.bavail / s.blocks : 1;
  const shown = `${(free / GiB).toFixed(1)} GB free (${Math.round(share * 100)} %) on the disk of ${config.dataDir}`;
  if (free < minFree || share < 0.05) {
    return {
      check: 'disk space',
      ok: false,
      detail: shown,
      fix: `free space there or move DATA_DIR to a larger disk; keep at least ${Math.round(minFree / GiB)} GB and 5 % free (README, "Memory, CPU and disk")`,
    };
  }
  return { check: 'disk space', ok: true, detail: shown };
}

/** Reaches PostgreSQL with a timeout first: a pool would wait forever for a host that does not answer. */
async function reachPostgres(url: string, timeoutMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, application_name: 'azamat-doctor' });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function databaseFindings(config: Config, opts: Required<DoctorOptions>): Promise<Finding[]> {
  const skipped = (why: string): Finding[] => [
    { check: 'migrations', ok: null, detail: why },
    { check: 'clock', ok: null, detail: why },
  ];
  let db: Database;
  if (config.DATABASE_URL) {
    try {
      await reachPostgres(config.DATABASE_URL, opts.timeoutMs);
    } catch (e) {
      return [
        {
          check: 'database',
          ok: false,
          detail: `cannot connect to PostgreSQL at ${redactUrl(config.DATABASE_URL)}: ${errorText(e)}`,
          fix: 'check DATABASE_URL (host, port, database, role and password), that PostgreSQL runs (systemctl status postgresql) and that pg_hba.conf lets this machine in (README, "PostgreSQL: database, roles and least privilege")',
        },
        ...skipped('the database cannot be reached'),
      ];
    }
    db = await openDatabase({ url: config.DATABASE_URL, poolSize: 1 });
  } else {
    const dir = pgliteDirOf(config);
    if (!existsSync(dir)) {
      return [
        {
          check: 'database',
          ok: false,
          detail: `there is no embedded database in ${dir} yet`,
          fix: 'run npm run db:migrate (or npm start), which creates it; or set DATA_DIR to where it is',
        },
        ...skipped('there is no database'),
      ];
    }
    try {
      db = await openDatabase({ pgliteDir: dir, lockOptions: { now: opts.now } });
    } catch (e) {
      if (e instanceof DataDirLockedError) {
        // The running app holds it, which is how it should be; /health/ready checks it from inside.
        return [
          {
            check: 'database',
            ok: null,
            detail: `the embedded database is in use by the running app (${e.holder ? `pid ${e.holder.pid} on ${e.holder.host}` : 'another process'}); check it with: curl http://${config.HOST}:${config.PORT}/health/ready`,
          },
          ...skipped('the embedded database is in use'),
        ];
      }
      return [
        {
          check: 'database',
          ok: false,
          detail: `cannot open the embedded database in ${dir}: ${errorText(e)}`,
          fix: 'restore the latest backup (README, "Backups and restore drills")',
        },
        ...skipped('the database cannot be opened'),
      ];
    }
  }
  const out: Finding[] = [];
  try {
    const [v] = await db.prisma.$queryRaw<Array<{ v: string }>>`SELECT current_setting('server_version') AS v`;
    out.push({ check: 'database', ok: true, detail: `${db.describe} answers (PostgreSQL ${v?.v ?? '?'})` });
    const m = await migrationStatus(db.prisma);
    if (m.failed.length > 0)
      out.push({
        check: 'migrations',
        ok: false,
        detail: `failed half-way: ${m.failed.join(', ')}`,
        fix: 'read the error in the log of the start that applied it, fix the cause, then mark it rolled back and run npm run db:migrate again (README, "Upgrades")',
      });
    else if (m.pending.length > 0)
      out.push({
        check: 'migrations',
        ok: false,
        detail: `${m.pending.length} of this version's migrations are not applied: ${m.pending.join(', ')}`,
        fix: 'run npm run db:migrate (every start does it too) (README, "Upgrades")',
      });
    else out.push({ check: 'migrations', ok: true, detail: `all ${m.applied.length} applied, the last ${m.applied[m.applied.length - 1] ?? '—'}` });
    // Half the round trip is the best guess of when the database read its clock.
    const before = Date.now();
    const [row] = await db.prisma.$queryRaw<Array<{ at: Date }>>`SELECT now() AS at`;
    const ours = (before + Date.now()) / 2;
    const skew = Math.abs(row!.at.getTime() - ours) / 1000;
    out.push(
      skew > 5
        ? {
            check: 'clock',
            ok: false,
            detail: `this machine's clock and the database's differ by ${skew.toFixed(1)} s`,
            fix: 'turn on time synchronisation on both machines (timedatectl set-ntp true); deadlines and job times depend on it',
          }
        : { check: 'clock', ok: true, detail: `agrees with the database's within ${skew.toFixed(1)} s` },
    );
  } catch (e) {
    out.push({
      check: 'database',
      ok: false,
      detail: `the database answered with an error: ${errorText(e)}`,
      fix: 'check the role in DATABASE_URL has the rights README, "PostgreSQL: database, roles and least privilege" gives it',
    });
  } finally {
    await db.close();
  }
  return out;
}

/** Kazakhstan has been on UTC+5 all year since 1 March 2024: older time zone data says +6. */
export function timeZoneFinding(): Finding {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Almaty', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
      new Date('2025-01-01T00:00:00Z'),
    );
    const hour = parts.find((p) => p.type === 'hour')?.value;
    if (hour === '05')
      return {
        check: 'time zone',
        ok: true,
        detail: `Asia/Almaty is UTC+5 in Node's time zone data (ICU ${process.versions.icu ?? '?'}, tz ${process.versions.tz ?? '?'})`,
      };
    return {
      check: 'time zone',
      ok: false,
      detail: `Node's time zone data puts Asia/Almaty at UTC+${Number(hour)} (tz ${process.versions.tz ?? '?'}); Kazakhstan is UTC+5 since 1 March 2024`,
      fix: 'install a current Node.js 20.19 or newer (README, "Installing"); jobs would run an hour off',
    };
  } catch (e) {
    return {
      check: 'time zone',
      ok: false,
      detail: `Node has no time zone data for Asia/Almaty: ${errorText(e)}`,
      fix: 'install Node.js from nodejs.org or NodeSource (with full ICU), not a "small-icu" build',
    };
  }
}

export async function runDoctor(config: Config, options: DoctorOptions = {}): Promise<Finding[]> {
  const opts: Required<DoctorOptions> = {
    now: options.now ?? (() => new Date()),
    timeoutMs: options.timeoutMs ?? 10_000,
    minFreeBytes: options.minFreeBytes ?? GiB,
  };
  return [
    ...configFindings(config),
    ...(await databaseFindings(config, opts)),
    await diskFinding(config, opts.minFreeBytes),
    ...(await telegramFindings(config, opts)),
    timeZoneFinding(),
  ];
}

export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.ok === true ? '✓' : f.ok === false ? '✗' : '–'} ${f.check}: ${f.detail}${f.fix ? `\n    fix: ${f.fix}` : ''}`).join('\n');
}
