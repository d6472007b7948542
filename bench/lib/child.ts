// The app (or a baseline server) as a child process, the way it runs in production: its own Node
// process, its own event loop, found by the "admin API listening" line of its JSON log.
import { stopGroup } from '../../tests/helpers/stop-group.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface Child {
  proc: ChildProcess;
  /** base URL from the log, e.g. http://127.0.0.1:41234 */
  url: string;
  /** ms from spawn to the listening line */
  listeningMs: number;
  /** everything it printed, for error messages */
  output(): string;
  /** the next printed line matching `pattern` (after this call) */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  send(line: string): void;
  stop(): Promise<void>;
}

/** Spawns `command args` and resolves once it logs a JSON line with `url` (the admin API or a baseline server). */
export function startChild(command: string, args: string[], env: Record<string, string>, timeoutMs = 120_000): Promise<Child> {
  const started = performance.now();
  // Its own process group: `npm start` runs the app a few processes down, and stop() ends them all.
  const proc = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let out = '';
  const output = () => out.slice(-4000);
  const waitFor = (pattern: RegExp, ms: number) =>
    new Promise<string>((resolve, reject) => {
      const from = out.length;
      const timer = setTimeout(() => {
        proc.stdout!.off('data', check);
        reject(new Error(`no line matching ${String(pattern)} within ${ms} ms:\n${output()}`));
      }, ms);
      function check() {
        const line = out
          .slice(from)
          .split('\n')
          .find((l) => pattern.test(l));
        if (line === undefined) return;
        clearTimeout(timer);
        proc.stdout!.off('data', check);
        resolve(line);
      }
      proc.stdout!.on('data', check);
    });
  const send = (line: string) => proc.stdin!.write(`${line}\n`);
  const stop = () => stopGroup(proc);
  return new Promise((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      void stop();
      reject(new Error(`${command} ${args.join(' ')} did not start listening within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (done) return;
      const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
      if (m) {
        done = true;
        clearTimeout(timer);
        resolve({ proc, url: m[1]!, listeningMs: performance.now() - started, output, waitFor, send, stop });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited with ${code} before listening:\n${output()}`));
    });
  });
}

/**
 * Resident memory (bytes) of a process and all its descendants, from /proc (Linux); the largest single one too
 * (under `npm start`, the app), and its pid.
 */
export function treeRss(pid: number): { total: number; largest: number; largestPid: number } {
  let total = 0;
  let largest = 0;
  let largestPid = pid;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      total += kb * 1024;
      if (kb * 1024 > largest) {
        largest = kb * 1024;
        largestPid = p;
      }
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // The process ended meanwhile.
    }
  };
  visit(pid);
  return { total, largest, largestPid };
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    // The command name (field 2) may hold spaces; the fields after it are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
