// One role of the app as its own process, the way production runs it (`tsx app/main.ts api|bot|jobs`), for
// the suites that need several instances at once: started with its environment, ready when its JSON log says
// so, its log kept (parsed by the suite), stopped with SIGTERM (SIGKILL if it hangs).
import { stopGroup } from './stop-group.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface AppProcess {
  name: string;
  proc: ChildProcess;
  /** the HTTP address from its "listening" line (api, or bot in webhook mode) */
  url?: string;
  /** its JSON log lines so far, parsed */
  logs(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** Starts `tsx app/main.ts <role>`; resolves once a log line has `msg === ready`. */
export function startAppProcess(name: string, role: string, env: Record<string, string>, ready: string, timeoutMs = 120_000): Promise<AppProcess> {
  const proc = spawn(TSX, ['app/main.ts', role], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let buffer = '';
  let text = '';
  const lines: Array<Record<string, unknown>> = [];
  const take = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line (a message printed as text)
      }
    }
  };
  proc.stdout!.on('data', take);
  proc.stderr!.on('data', take);
  const stop = () => stopGroup(proc);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} was not ready within ${timeoutMs} ms:\n${text.slice(-3000)}`));
    }, timeoutMs);
    const check = () => {
      const line = lines.find((l) => l.msg === ready);
      if (!line) return;
      clearTimeout(timer);
      proc.stdout!.off('data', check);
      resolve({ name, proc, url: typeof line.url === 'string' ? line.url : undefined, logs: () => lines, stop });
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready:\n${text.slice(-3000)}`));
    });
  });
}
