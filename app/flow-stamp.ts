// The guard against a changed flow whose version was not raised (bot/features.ts, FlowDefinition.version).
// Each flow is stamped in bot/flow-versions.json with its version and a hash of the bot sources its
// replay runs through: the module that declares its builder and every bot/ module that one imports, in
// turn, plus the conversation plugin of bot/middleware/app-context.ts. tests/flow-versions.test.ts fails
// when the sources changed and the version did not. `npm run flows:stamp` records the current state.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from '../bot/features.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { capabilityFeatures } from './compose.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP_FILE = 'bot/flow-versions.json';
/** Part of every flow's replay: the plugin that takes the citizen and the language through `external`. */
const SHARED = ['bot/middleware/app-context.ts'];

export interface FlowStamp {
  version: number;
  files: string[];
  sha: string;
}

const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

function botFiles(dir = 'bot'): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const file = `${dir}/${name}`;
    return statSync(path.join(root, file)).isDirectory() ? botFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** `file` and the bot/ modules it imports, directly or not (type-only imports do not run). */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const m of read(file).matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+'(\.{1,2}\/[^']+\.ts)'/gms)) {
    if (m[1]) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[2]!));
    if (target.startsWith('bot/')) closure(target, seen);
  }
  return seen;
}

export async function currentStamps(features?: Feature[]): Promise<Record<string, FlowStamp>> {
  features ??= await capabilityFeatures({ i18n: createI18n() });
  const sources = botFiles();
  const stamps: Record<string, FlowStamp> = {};
  for (const flow of features.flatMap((f) => f.flows ?? []).sort((a, b) => a.id.localeCompare(b.id))) {
    const declares = new RegExp(`function ${flow.builder.name}\\b`);
    const home = sources.find((f) => declares.test(read(f)));
    if (!home) throw new Error(`flow "${flow.id}": no module in bot/ declares function ${flow.builder.name}`);
    const files = [...new Set([home, ...SHARED].flatMap((f) => [...closure(f)]))].sort();
    const sha = createHash('sha256');
    for (const f of files) sha.update(`${f}\n${read(f)}\n`);
    stamps[flow.id] = { version: flow.version, files, sha: sha.digest('hex').slice(0, 16) };
  }
  return stamps;
}

export function recordedStamps(): Record<string, FlowStamp> {
  return JSON.parse(read(STAMP_FILE)) as Record<string, FlowStamp>;
}

/** What does not match, each with what to do about it. */
export function stampProblems(recorded: Record<string, FlowStamp>, current: Record<string, FlowStamp>): string[] {
  const fix = 'npm run flows:stamp';
  const problems: string[] = [];
  for (const [id, now] of Object.entries(current)) {
    const then = recorded[id];
    if (!then) problems.push(`flow "${id}" is new: record it with ${fix}`);
    else if (then.version !== now.version) problems.push(`flow "${id}" is at version ${now.version}, stamped at ${then.version}: record it with ${fix}`);
    else if (then.sha !== now.sha)
      problems.push(
        `flow "${id}" changed since version ${now.version} was stamped (${now.files.join(', ')}). If the order or number of its ` +
          `conversation.external/wait calls changed, raise its version (citizens in the middle of it then start again from their draft); ` +
          `if its replay is untouched, re-stamp with ${fix}`,
      );
  }
  for (const id of Object.keys(recorded)) if (!current[id]) problems.push(`flow "${id}" is gone: its id may never be reused; record that with ${fix}`);
  return problems;
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(path.join(root, STAMP_FILE), `${JSON.stringify(await currentStamps(), null, 2)}\n`);
  console.log(`flow versions stamped in ${STAMP_FILE}`);
}
