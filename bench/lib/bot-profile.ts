// The bot's CPU per update under the handler-only crowd (issue 23), for profiling and before/after comparisons
// on a shared machine: process.cpuUsage() around the crowd's run is steadier than wall time when other
// processes compete for the cores. The app runs in this process as in bench/bot-throughput.ts (the fake Bot API
// and the citizens in a child), so on PGlite the database's CPU is counted too; on PostgreSQL only the app's.
//
//   npx tsx bench/lib/bot-profile.ts [pglite|postgres] [citizens] [out.cpuprofile]
//
// With a third argument it also records a V8 CPU profile of the crowd's run, writes it (open it in Chrome's
// DevTools) and prints self time by package or source file and the hottest functions.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { runBotLoad } from '../bot-throughput.ts';
import { findPostgres, type Target } from './bench-db.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's code lives: a package, one of ours (by file), or V8's own bookkeeping. */
function ownerOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  if (url.startsWith('wasm://')) return 'wasm (PGlite, Prisma query compiler)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node:*';
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
}

function summarise(profile: Profile, top = 30): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const owners = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const owner = ownerOf(url, functionName);
    owners.set(owner, (owners.get(owner) ?? 0) + us);
    const fn = `${functionName || '(anonymous)'} ${owner}${url && !url.startsWith('wasm') ? `:${lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  return `self time by owner (${(total / 1000).toFixed(0)} ms sampled):\n${rows(owners)}\n\nhottest functions (self time):\n${rows(fns)}`;
}

async function main(): Promise<void> {
  const target = (process.argv[2] ?? 'pglite') as Target;
  const citizens = Number(process.argv[3] ?? 60);
  const out = process.argv[4];
  const server = target === 'postgres' ? await findPostgres(process.env['BENCH_DATABASE_URL'], console.log) : undefined;
  if (server && 'missing' in server) throw new Error(server.missing);
  const session = out ? new Session() : undefined;
  let cpuMs = 0;
  let profile: Profile | undefined;
  const result = await runBotLoad({
    target,
    ...(server ? { server } : {}),
    citizens,
    paced: false,
    insertRate: false,
    log: console.log,
    around: async (crowd) => {
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
      }
      const before = process.cpuUsage();
      try {
        return await crowd();
      } finally {
        const used = process.cpuUsage(before);
        cpuMs = (used.user + used.system) / 1000;
        if (session) profile = (await session.post('Profiler.stop')).profile as unknown as Profile;
      }
    },
  });
  const line = {
    target,
    citizens,
    updates: result.updates,
    failures: result.failures.length,
    reports: result.reports,
    cpuMsPerUpdate: +(cpuMs / result.updates).toFixed(2),
    updatesPerSecond: +result.perSecond.toFixed(1),
    firstP50: Math.round(result.first.p50),
    firstP99: Math.round(result.first.p99),
    ...(result.xactsPerUpdate !== undefined ? { xactsPerUpdate: +result.xactsPerUpdate.toFixed(2) } : {}),
  };
  console.log(JSON.stringify(line));
  if (result.failures.length) console.log(result.failures.slice(0, 3).join('\n'));
  if (out && profile) {
    writeFileSync(out, JSON.stringify(profile));
    console.log(summarise(profile));
  }
}

await main();
