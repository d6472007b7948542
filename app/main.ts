// Entry point: `node dist/app/main.js [all|api|bot|jobs|migrate|seed]` in production (the bundle app/build.mjs
// makes at install), `tsx app/main.ts …` in development.
import { ConfigError, loadEnv, parseConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { ALL_ROLES, startApp, type Role } from './app.ts';
import { openAndPrepareDatabase } from './prepare-database.ts';
import { DataDirLockedError } from '../core/db/data-dir-lock.ts';
import { onShutdownSignals } from './shutdown-signals.ts';

const command = process.argv[2] ?? 'all';
const known = ['all', 'api', 'bot', 'jobs', 'migrate', 'seed'];
if (!known.includes(command)) {
  console.error(`Unknown command "${command}". Use one of: ${known.join(', ')}`);
  process.exit(2);
}

let config;
try {
  config = parseConfig(loadEnv(process.env, process.cwd()));
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`${e.message}\nSee README.md, section "Configuration".`);
    process.exit(1);
  }
  throw e;
}

const logger = createLogger(config.LOG_LEVEL);

/** Another process holds the embedded database: said plainly on stderr (not as a log line), and out at once. */
function exitIfLocked(e: unknown): void {
  if (!(e instanceof DataDirLockedError)) return;
  console.error(e.message);
  process.exit(1);
}

if (command === 'migrate' || command === 'seed') {
  // Applying migrations and seeding are the same idempotent preparation that every start does.
  const db = await openAndPrepareDatabase(config, logger).catch((e) => {
    exitIfLocked(e);
    throw e;
  });
  await db.close();
  process.exit(0);
}

if (command !== 'all' && !config.DATABASE_URL) {
  console.error('Running one role alone needs a shared PostgreSQL: set DATABASE_URL. The embedded database serves one process (npm start).');
  process.exit(1);
}

const roles: Role[] = command === 'all' ? ALL_ROLES : [command as Role];
const app = await startApp({ config, roles, logger }).catch((e) => {
  exitIfLocked(e);
  if (e instanceof ConfigError) {
    console.error(`${e.message}\nSee README.md, section "Configuration".`);
    process.exit(1);
  }
  logger.fatal({ err: e }, 'start-up failed');
  process.exit(1);
});

onShutdownSignals(
  (signal) => {
    logger.info({ signal }, 'shutting down');
    return app.stop();
  },
  { onTimeout: () => logger.error('shutdown timed out') },
);
