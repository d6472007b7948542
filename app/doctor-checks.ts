// What `npm run doctor` checks, each with what it found and, when wrong, the fix in the README's words:
// configuration, the database and its migrations, disk space in DATA_DIR, the bot token (getMe), the
// webhook against getWebhookInfo, BOT_USERNAME, the clock against the database's, and the Asia/Almaty
// time zone. It reads and asks; it changes nothing (no migration, no webhook).
import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { Api } from 'grammy';
import pg from 'pg';
import type { Config } from './config.ts';
import { pgliteDirOf } from './app.ts';
import { openDatabase, redactUrl, type Database } from '../core/db/client.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';
import { migrationStatus } from '../core/db/migration-status.ts';

export interface Finding {
  check: string;
  /** true ✓, false ✗, null: not checked (say why) */
  ok: boolean | null;
  detail: string;
  fix?: string;
}

export interface DoctorOptions {
  now?: () => Date;
  /** how long to wait for the database or Telegram */
  timeoutMs?: number;
  /** below this much free space in DATA_DIR the disk check fails */
  minFreeBytes?: number;
}

const GiB = 1024 ** 3;
const errorText = (e: unknown) => {
  const err = e as { error_code?: number; description?: string; code?: string; message?: string };
  if (err.description) return `${err.error_code ?? ''} ${err.description}`.trim();
  return [err.code, err.message?.split('\n')[0]].filter(Boolean).join(' ') || String(e);
};

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

async function telegramFindings(config: Config, opts: Required<DoctorOptions>): Promise<Finding[]> {
  if (!config.BOT_TOKEN) {
    return [{ check: 'bot token', ok: null, detail: 'BOT_TOKEN is not set: the bot is off and only the API runs (README, "Configuration")' }];
  }
  const api = new Api(config.BOT_TOKEN, {
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    timeoutSeconds: Math.ceil(opts.timeoutMs / 1000),
  });
  const root = config.TELEGRAM_API_ROOT ?? 'https://api.telegram.org';
  let me;
  try {
    me = await api.getMe();
  } catch (e) {
    const refused = (e as { error_code?: number }).error_code === 401 || (e as { error_code?: number }).error_code === 404;
    return [
      refused
        ? {
            check: 'bot token',
            ok: false,
            detail: `Telegram refused BOT_TOKEN (${errorText(e)})`,
            fix: 'copy the token again from @BotFather (/mybots → your bot → API Token) into BOT_TOKEN; a token revoked there stops working at once',
          }
        : {
            check: 'bot token',
            ok: false,
            detail: `cannot reach Telegram at ${root}: ${errorText(e)}`,
            fix: 'allow outgoing HTTPS from this machine to api.telegram.org (or to the server in TELEGRAM_API_ROOT)',
          },
      { check: 'webhook', ok: null, detail: 'not checked without getMe' },
    ];
  }
  const out: Finding[] = [{ check: 'bot token', ok: true, detail: `getMe: @${me.username} (${me.first_name}, ID ${me.id})` }];
  if (config.BOT_USERNAME) {
    out.push(
      config.BOT_USERNAME.toLowerCase() === me.username.toLowerCase()
        ? { check: 'BOT_USERNAME', ok: true, detail: `matches the bot (@${me.username})` }
        : {
            check: 'BOT_USERNAME',
            ok: false,
            detail: `BOT_USERNAME is ${config.BOT_USERNAME}, but BOT_TOKEN belongs to @${me.username}: invitation links would open another bot`,
            fix: `set BOT_USERNAME=${me.username}, or remove it (the bot's own is used where the bot runs)`,
          },
    );
  }
  try {
    const info = await api.getWebhookInfo();
    const registered = info.url ?? '';
    const lastError = info.last_error_date
      ? `; Telegram's last delivery error ${new Date(info.last_error_date * 1000).toISOString()}: ${info.last_error_message ?? ''}`
      : '';
    const pending = `${info.pending_update_count} updates waiting at Telegram`;
    if (config.WEBHOOK_URL) {
      if (registered === config.WEBHOOK_URL)
        out.push({ check: 'webhook', ok: true, detail: `Telegram sends updates to WEBHOOK_URL (${registered}); ${pending}${lastError}` });
      else if (!registered)
        out.push({
          check: 'webhook',
          ok: false,
          detail: `no webhook is registered with Telegram, though WEBHOOK_URL is ${config.WEBHOOK_URL}; ${pending}`,
          fix: 'start the bot (npm run start:bot or npm start): it registers WEBHOOK_URL; if it did, read its log for "webhook set-up failed"',
        });
      else
        out.push({
          check: 'webhook',
          ok: false,
          detail: `Telegram sends updates to ${registered}, not to WEBHOOK_URL ${config.WEBHOOK_URL}; ${pending}`,
          fix: 'another installation with this token registered its own URL (a test server?): give it its own bot, then restart the bot here to register WEBHOOK_URL; or correct WEBHOOK_URL',
        });
    } else if (registered) {
      out.push({
        check: 'webhook',
        ok: false,
        detail: `a webhook is registered (${registered}) but WEBHOOK_URL is not set, so this installation polls; ${pending}`,
        fix: `set WEBHOOK_URL=${registered} if this installation should receive it; otherwise stop the installation that registered it (starting the bot here removes it)`,
      });
    } else {
      out.push({ check: 'webhook', ok: true, detail: `none registered, as long polling needs; ${pending}` });
    }
  } catch (e) {
    out.push({ check: 'webhook', ok: false, detail: `getWebhookInfo failed: ${errorText(e)}`, fix: 'try again; if it repeats, Telegram is having trouble' });
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
