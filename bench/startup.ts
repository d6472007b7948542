// Section 4: start-up and memory. `npm start` as a child process on a fresh embedded database (a new
// temporary DATA_DIR: migrations and reference data are applied) and again on the same, now warm, one;
// time from spawn to a healthy /health, and the resident memory of the app's process. Then the app
// (the same composition, started the same way) files 10 000 reports through its report service and
// the memory is read again. Baseline: tsx starting Fastify that answers a constant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChild, treeRss, TSX, type Child } from './lib/child.ts';
import type { SectionWriter } from './lib/results.ts';

const MB = 2 ** 20;

async function healthy(child: Child, path = '/health', timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const ok = await fetch(`${child.url}${path}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (performance.now() > deadline) throw new Error(`${child.url}${path} not healthy within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Spawn → first 200 from the path; the child keeps running. */
async function timedStart(command: string, args: string[], env: Record<string, string>, healthPath: string): Promise<{ child: Child; ms: number }> {
  const t0 = performance.now();
  const child = await startChild(command, args, env);
  await healthy(child, healthPath);
  return { child, ms: performance.now() - t0 };
}

const settle = () => new Promise((r) => setTimeout(r, 2000));

export async function startupSection(w: SectionWriter, opts: { reports: number; seconds: number }): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'azamat-bench-start-'));
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ADMIN_PASSWORD: 'bench-admin-password', BOT_TOKEN: '' };
  const children: Child[] = [];
  try {
    const base = await timedStart(TSX, ['bench/lib/constant-server.ts'], {}, '/constant');
    children.push(base.child);
    await settle();
    const baseRss = treeRss(base.child.proc.pid!).largest;
    await base.child.stop();

    const fresh = await timedStart('npm', ['start', '--silent'], env, '/health');
    children.push(fresh.child);
    await settle();
    const idle = treeRss(fresh.child.proc.pid!);
    await fresh.child.stop();
    w.add({
      name: '`npm start` → healthy /health, fresh embedded database (migrations + reference data)',
      value: fresh.ms / 1000,
      unit: 's',
      baseline: { name: 'tsx + Fastify answering a constant', value: base.ms / 1000 },
    });

    const warm = await timedStart('npm', ['start', '--silent'], env, '/health');
    children.push(warm.child);
    await warm.child.stop();
    w.add({
      name: '`npm start` → healthy /health, warm embedded database',
      value: warm.ms / 1000,
      unit: 's',
      baseline: { name: 'tsx + Fastify answering a constant', value: base.ms / 1000 },
    });
    w.add({
      name: 'resident memory of the app process, idle after start',
      value: idle.largest / MB,
      unit: 'MB',
      baseline: { name: 'tsx + Fastify answering a constant', value: baseRss / MB },
    });
    w.note(`Resident memory of the whole \`npm start\` process tree (npm, tsx, the app): ${(idle.total / MB).toFixed(0)} MB.`);

    const app = await timedStart(TSX, ['bench/lib/app-child.ts'], env, '/health');
    children.push(app.child);
    await settle();
    const before = treeRss(app.child.proc.pid!).largest;
    // In chunks, so a slow machine stops at the time budget instead of overrunning the whole bench.
    let created = 0;
    let ms = 0;
    const deadline = performance.now() + opts.seconds * 1000;
    while (created < opts.reports && performance.now() < deadline) {
      const n = Math.min(500, opts.reports - created);
      const answer = app.child.waitFor(/"created"|"error"/, 10 * 60_000);
      app.child.send(`create ${n}`);
      const line = JSON.parse(await answer) as { created?: number; ms?: number; error?: string };
      if (line.error) throw new Error(`creating reports failed: ${line.error}`);
      created += line.created!;
      ms += line.ms!;
    }
    await settle();
    const after = treeRss(app.child.proc.pid!).largest;
    await app.child.stop();
    if (created < opts.reports)
      w.note(
        `Only ${created.toLocaleString('en-US')} of ${opts.reports.toLocaleString('en-US')} reports were filed within BENCH_STARTUP_SECONDS=${opts.seconds}: raise it for the full figure.`,
      );
    w.add({
      name: `resident memory after ${created.toLocaleString('en-US')} reports filed through the report service`,
      value: after / MB,
      unit: 'MB',
      baseline: { name: 'the same process idle before', value: before / MB },
    });
    w.add({ name: 'reports filed per second (one after another, embedded database)', value: (created * 1000) / ms, unit: '/s' });
  } finally {
    for (const c of children) await c.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
