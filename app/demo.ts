// `npm run demo`: the whole system on its own embedded database (DATA_DIR/demo), wiped and filled anew with
// realistic sample data in Kazakh and Russian on every run, so its dates are always "the last weeks" and
// nothing done while trying it survives into the next run. `npm run demo -- --keep` starts on the data the
// previous run left instead (filling it only if it is empty). The Telegram bot stays off: the demo's citizens
// are fictional, and no notification must leave for a real chat. DATABASE_URL is ignored for the same reason.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, loadEnv, parseConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { startApp } from './app.ts';
import { openAndPrepareDatabase, pgliteDirOf } from './prepare-database.ts';
import { DataDirLockedError, lockDataDir } from '../core/db/data-dir-lock.ts';
import { CAPABILITIES } from './capabilities/index.ts';
import { createAppServices } from './compose.ts';
import { DEMO_PASSWORD, demoFilled, fillDemo, type DemoSummary } from '../core/demo/fill-demo.ts';
import { buildConsole, isStale } from '../web/build.mjs';
import { onShutdownSignals } from './shutdown-signals.ts';

const keep = process.argv.includes('--keep');

let base: Config;
try {
  base = parseConfig(loadEnv(process.env, process.cwd()));
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`${e.message}\nSee README.md, section "Configuration".`);
    process.exit(1);
  }
  throw e;
}
const dataDir = path.join(base.dataDir, 'demo');
const config: Config = {
  ...base,
  dataDir,
  storageDir: path.join(dataDir, 'storage'),
  DATABASE_URL: undefined,
  BOT_TOKEN: undefined,
  ADMIN_LOGIN: 'admin',
  ADMIN_PASSWORD: DEMO_PASSWORD,
};
const logger = createLogger(config.LOG_LEVEL);
const say = (line = '') => process.stdout.write(`${line}\n`);

if (base.DATABASE_URL) say('  DATABASE_URL is ignored: the demo always runs on its own embedded database.');
// The lock comes before the wipe: a second demo must not empty the directory under a running one.
const lock = await lockDataDir(pgliteDirOf(config)).catch((e) => {
  if (!(e instanceof DataDirLockedError)) throw e;
  console.error(e.message);
  process.exit(1);
});
if (!keep) {
  const lockFiles = new Set(lock.files.map((f) => path.basename(f)));
  for (const entry of await readdir(dataDir)) if (!lockFiles.has(entry)) await rm(path.join(dataDir, entry), { recursive: true, force: true });
}
say(`  Preparing the demo database in ${dataDir} …`);
const db = await openAndPrepareDatabase(config, logger, undefined, { lock });
const filler = createAppServices({ db, logger, sessionTtlHours: config.SESSION_TTL_HOURS, storageDir: config.storageDir });
const prepared = process.uptime();
let summary: DemoSummary | undefined;
if (!(await demoFilled(filler))) summary = await fillDemo(filler, CAPABILITIES, { storageDir: config.storageDir, password: DEMO_PASSWORD });
const filled = process.uptime();

// The demo runs from a checkout: a console older than its sources is rebuilt here (the server itself
// never rebuilds an existing one, since a production install may be read-only).
if (isStale()) {
  say('  Rebuilding the staff console (its sources changed) …');
  await buildConsole();
}

const app = await startApp({ config, db, roles: ['api', 'jobs'], logger, print: say }).catch(async (e) => {
  logger.fatal({ err: e }, 'demo start-up failed');
  await db.close();
  process.exit(1);
});
const health = await fetch(`${app.url}/health`)
  .then((r) => r.json() as Promise<{ status: string }>)
  .catch(() => ({ status: 'unreachable' }));

say('');
const ready = process.uptime();
say(
  `  Azamat demo is ${health.status === 'ok' ? 'ready' : `up, but health says "${health.status}"`} in ${ready.toFixed(1)} s (database ${prepared.toFixed(1)} s, filling ${(filled - prepared).toFixed(1)} s, server ${(ready - filled).toFixed(1)} s).`,
);
say(`  Console:  ${app.url}/console/`);
say(`  API docs: ${app.url}/docs`);
say('');
say(`  Sign in with any of these accounts; the password of each is  ${DEMO_PASSWORD}`);
const accounts = summary?.staff ?? (await filler.staff.list()).map((u) => ({ login: u.login, fullName: u.fullName, roles: u.roles as string[], purpose: '' }));
for (const a of accounts) say(`    ${a.login.padEnd(20)} ${a.fullName.padEnd(24)} ${a.purpose || a.roles.join(', ')}`);
if (summary) {
  const c = summary.counts;
  say('');
  say(`  Filled: ${c.reports} reports (${c.reportEvents} history rows), ${c.questions} questions, ${c.topics} discussion topics with ${c.comments} comments,`);
  say(
    `          ${c.volunteers} volunteers and ${c.opportunities} opportunities, ${c.projects} projects, ${c.pollWaves} poll waves with ${c.pollResponses} responses.`,
  );
} else {
  say('  (--keep: the data of the previous run)');
}
say('  The Telegram bot is off in the demo. Ctrl+C stops it; the next `npm run demo` starts afresh.');
say('');

onShutdownSignals(() => app.stop().then(() => db.close()));
