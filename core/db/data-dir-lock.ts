// One process per embedded database: PGlite has no lock of its own, and two processes on one directory each
// keep their own view of it, hand out the same numbers, lose writes and can leave it unopenable.
//
// The lock itself is proper-lockfile's: a directory created atomically next to the database (`pglite.lock`),
// whose mtime the holder refreshes every second, and which anyone may take over once it has not been refreshed
// for a while. Beside it the holder leaves a record of who it is (`pglite.lock-holder.json`): it names the holder
// in the refusal, and on the same machine it lets a crashed holder (kill -9, power loss) be told apart from a live
// one whose event loop is merely busy (PGlite runs in it): a running holder is never taken over, however old its
// lock, and a dead one is taken over as soon as its lock is 2 s old instead of waiting for the general timeout.
import { mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import lockfile from 'proper-lockfile';
import { currentProcess, liveness, type Liveness, type ProcessIdentity } from './process-identity.ts';

export interface LockHolder extends ProcessIdentity {
  /** when it took the lock (ISO) */
  startedAt: string;
  command: string;
}

export interface DataDirLock {
  /** the locked directory (its real path) */
  dir: string;
  /** the lock's own files, beside `dir`: whoever empties the parent must leave them */
  files: string[];
  holder: LockHolder;
  release(): Promise<void>;
}

export interface DataDirLockOptions {
  now?: () => Date;
  /** how the holder is named in another process's refusal; defaults to this process's command line */
  command?: string;
  /** called if the lock is lost while held (its directory removed, or taken over); the default throws, ending the process */
  onLost?: (err: DataDirLockLostError) => void;
  /** age after which a lock whose holder this machine cannot check (another host, no record) counts as abandoned */
  staleMs?: number;
  /** how long to wait for the lock of a holder known to be dead to age enough to be taken over */
  takeoverWaitMs?: number;
}

const STALE_MS = 10_000;
// proper-lockfile's floor: a lock refreshed within the last 2 s is never taken over.
const DEAD_HOLDER_STALE_MS = 2_000;
const REFRESH_MS = 1_000;

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | undefined,
    readonly holderState: Liveness,
    staleMs: number,
  ) {
    super(lockedMessage(dir, holder, holderState, staleMs));
    this.name = 'DataDirLockedError';
  }
}

export class DataDirLockLostError extends Error {
  constructor(dir: string, cause: unknown) {
    super(
      `The lock on the embedded database in ${dir} was lost (${(cause as Error)?.message ?? cause}); stopping at once so that two processes never write it together.`,
      { cause },
    );
    this.name = 'DataDirLockLostError';
  }
}

function lockedMessage(dir: string, holder: LockHolder | undefined, state: Liveness, staleMs: number): string {
  const who = holder
    ? `  pid ${holder.pid} on host ${holder.host}, holding it since ${holder.startedAt}\n  command: ${holder.command}`
    : '  a process that left no record of itself';
  const lines = [`Another process is using the embedded database in ${dir}:`, who];
  if (state === 'unknown') {
    lines.push(`  (this machine cannot check whether it still runs; if it does not, its lock is taken over once it is ${staleMs / 1000} s old)`);
  } else if (state === 'gone') {
    lines.push('  (that process has ended, yet the lock is still being refreshed: another one has just taken it; try again in a few seconds)');
  }
  lines.push(
    'Only one process may open the embedded database: a second one would corrupt it. Stop the other process first,',
    'or give this one its own DATA_DIR. To run several processes on the same data (the api, bot and jobs roles apart,',
    'or more than one instance), use PostgreSQL: set DATABASE_URL (README, "Configuration" and "Running in production").',
  );
  return lines.join('\n');
}

function holderFile(lockDir: string): string {
  return `${lockDir}-holder.json`;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** A rename is atomic, so a reader sees the previous record or this one, never half of it. */
function writeHolder(file: string, holder: LockHolder): void {
  const tmp = `${file}.${holder.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(holder, null, 2)}\n`);
  renameSync(tmp, file);
}

function defaultCommand(): string {
  return ['node', ...process.argv.slice(1)].join(' ').slice(0, 500);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the exclusive lock on `dir` (created if missing), or throws DataDirLockedError naming the holder.
 * A holder that crashed is taken over, waiting at most a few seconds for its lock to age.
 */
export async function lockDataDir(dir: string, opts: DataDirLockOptions = {}): Promise<DataDirLock> {
  const now = opts.now ?? (() => new Date());
  const staleMs = opts.staleMs ?? STALE_MS;
  mkdirSync(dir, { recursive: true });
  const real = realpathSync(dir);
  const lockDir = `${real}.lock`;
  const recordFile = holderFile(lockDir);
  const self = currentProcess();
  const deadline = Date.now() + (opts.takeoverWaitMs ?? DEAD_HOLDER_STALE_MS + 8_000);
  let lost = false;
  const onCompromised = (err: Error) => {
    lost = true;
    const e = new DataDirLockLostError(real, err);
    if (opts.onLost) opts.onLost(e);
    else throw e;
  };

  let unlock: () => Promise<void>;
  for (;;) {
    // Read before trying: the record names whoever holds the lock now, or held it last.
    const previous = readHolder(recordFile);
    const state: Liveness = previous ? liveness(previous, self) : 'unknown';
    if (state === 'running') throw new DataDirLockedError(real, previous, state, staleMs);
    try {
      unlock = await lockfile.lock(real, { stale: state === 'gone' ? DEAD_HOLDER_STALE_MS : staleMs, update: REFRESH_MS, realpath: false, onCompromised });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
      // The holder is dead but refreshed its lock less than 2 s ago: wait for it to age; each round re-reads
      // the record, so a process that took the lock meanwhile is seen and refused.
      if (state === 'gone' && Date.now() < deadline) {
        await sleep(250);
        continue;
      }
      throw new DataDirLockedError(real, previous, state, staleMs);
    }
  }

  const holder: LockHolder = { ...self, startedAt: now().toISOString(), command: opts.command ?? defaultCommand() };
  try {
    writeHolder(recordFile, holder);
  } catch (e) {
    await unlock().catch(() => {});
    throw e;
  }
  let released: Promise<void> | undefined;
  return {
    dir: real,
    files: [lockDir, recordFile],
    holder,
    release() {
      released ??= (async () => {
        if (lost) return;
        // The record goes first: once the lock is gone, the next holder writes its own.
        rmSync(recordFile, { force: true });
        await unlock().catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ERELEASED') throw e;
        });
      })();
      return released;
    },
  };
}
