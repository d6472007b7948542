// A process on an embedded database for tests/data-dir-lock.test.ts:
//   `write <dir>`: opens it, then inserts rows 1, 2, 3, … printing each number once its insert has returned;
//   `read <dir>`: opens it (taking over a lock left behind), prints the numbers found as JSON, closes.
// Either one prints the refusal and exits 1 when another process holds the database.
import { openDatabase } from '../../core/db/client.ts';
import { DataDirLockedError, lockDataDir } from '../../core/db/data-dir-lock.ts';

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'write' && mode !== 'read') || !dir) {
  console.error('usage: lock-writer.ts write|read <dir>');
  process.exit(2);
}

// The lock is taken apart from opening PGlite, to tell how long taking over a crashed holder's lock took.
const locking = Date.now();
const lock = await lockDataDir(dir, { command: `lock-writer ${mode}` }).catch((e) => {
  if (!(e instanceof DataDirLockedError)) throw e;
  console.error(e.message);
  process.exit(1);
});
const lockedAt = Date.now();
const lockMs = lockedAt - locking;
const db = await openDatabase({ pgliteDir: dir, lock });
await db.prisma.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS lock_writes (n integer PRIMARY KEY)');

if (mode === 'read') {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ n: number }>>('SELECT n FROM lock_writes ORDER BY n');
  await db.close();
  process.stdout.write(`${JSON.stringify({ found: rows.map((r) => r.n), lockMs, lockedAt })}\n`);
} else {
  process.stdout.write('ready\n');
  // Writes on until killed; stdout to a pipe is synchronous on Linux, so a number the test has read was committed.
  for (let n = 1; ; n += 1) {
    await db.prisma.$executeRawUnsafe('INSERT INTO lock_writes (n) VALUES ($1)', n);
    process.stdout.write(`${n}\n`);
  }
}
