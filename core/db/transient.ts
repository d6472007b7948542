// The database going away for a moment (a restart, a failover, connections killed): the errors that say so,
// and a retry that waits it out. Only for work that is safe to repeat (reads, upserts of a whole value,
// claims): a write whose outcome is unknown must not be retried blindly.

/** SQLSTATEs of a lost or refused connection: class 08, admin shutdown/crash/cannot connect now (57P01–57P03). */
const CODES = /^(08\d{3}|57P0[123])$/;
const TEXTS =
  /terminating connection|not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)|Connection terminated|connection (is )?closed|server closed the connection|ECONNREFUSED|ECONNRESET|EPIPE|Can't reach database|timed out fetching a new connection|Client has encountered a connection error/i;

export function isTransientDbError(e: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length > 0) {
    const x = queue.shift();
    if (!x || typeof x !== 'object' || seen.has(x)) continue;
    seen.add(x);
    const o = x as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown; code?: unknown }; originalCode?: unknown };
    for (const code of [o.code, o.originalCode, o.meta?.code])
      if (typeof code === 'string' && (CODES.test(code) || code === 'P1001' || code === 'P1017' || code === 'P2024')) return true;
    if (typeof o.message === 'string' && TEXTS.test(o.message)) return true;
    queue.push(o.cause, o.meta?.driverAdapterError);
  }
  return false;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn`, again after 0.2 s, 0.4 s … (at most 2 s apart) while it fails transiently, for up to `maxMs`. */
export async function retryTransient<T>(fn: () => Promise<T>, maxMs = 30_000): Promise<T> {
  const deadline = Date.now() + maxMs;
  for (let wait = 200; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await fn();
    } catch (e) {
      if (!isTransientDbError(e) || Date.now() + wait > deadline) throw e;
      await sleep(wait);
    }
  }
}
