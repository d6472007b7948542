// Stops a child started with `detached: true` together with its own children (npm, tsx, the app): SIGTERM to
// the process group, SIGKILL if it has not exited within the grace period.
import type { ChildProcess } from 'node:child_process';

export function stopGroup(proc: ChildProcess, graceMs = 20_000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    const force = setTimeout(() => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, graceMs);
    proc.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    try {
      process.kill(-proc.pid!, 'SIGTERM');
    } catch {
      // no group (already gone, or not detached): the child alone, or nothing left to wait for
      if (!proc.kill('SIGTERM')) {
        clearTimeout(force);
        resolve();
      }
    }
  });
}
