// Who a process is, precisely enough to tell after a crash whether the process named in a lock still runs:
// a pid alone is not enough, since after a reboot or a container restart another process may carry it.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  host: string;
  /** Linux's boot id: a pid means nothing across reboots. Absent where /proc is not available. */
  bootId?: string;
  /** the process's start in clock ticks since boot (/proc/<pid>/stat), which a reused pid does not share */
  procStart?: string;
}

export type Liveness = 'running' | 'gone' | 'unknown';

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** State and start time from /proc/<pid>/stat; the command name in parentheses may itself hold spaces. */
function procStat(pid: number): { state: string; start: string } | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after "pid (comm) ": state is field 3 and starttime field 22 of the whole line
  return fields[0] && fields[19] ? { state: fields[0], start: fields[19] } : undefined;
}

export function currentProcess(): ProcessIdentity {
  const bootId = readProc('/proc/sys/kernel/random/boot_id')?.trim();
  const procStart = procStat(process.pid)?.start;
  return { pid: process.pid, host: hostname(), ...(bootId ? { bootId } : {}), ...(procStart ? { procStart } : {}) };
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process `other` still runs. 'unknown' when this machine cannot tell: another host (or a container
 * with its own hostname), or no /proc to tell a reused pid from the original.
 */
export function liveness(other: ProcessIdentity, self: ProcessIdentity = currentProcess()): Liveness {
  if (other.host !== self.host || !other.bootId || !self.bootId || !other.procStart) return 'unknown';
  if (other.bootId !== self.bootId) return 'gone';
  if (!Number.isInteger(other.pid) || other.pid <= 0 || !signalable(other.pid)) return 'gone';
  const stat = procStat(other.pid);
  // hidden by /proc's hidepid, for instance
  if (!stat) return 'unknown';
  // A zombie has exited and is only waiting for its parent to read its exit code.
  if (stat.state === 'Z' || stat.state === 'X') return 'gone';
  return stat.start === other.procStart ? 'running' : 'gone';
}
