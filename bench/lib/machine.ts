// What the figures were measured on: they mean little without the machine and the load beside them.
import os from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  pglite: string;
  postgres: string | null;
  loadAtStart: number[];
}

export function packageVersion(name: string): string {
  try {
    // Read directly: packages with an "exports" map do not export their package.json.
    return (JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export function machineInfo(postgres: string | null): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pglite: packageVersion('@electric-sql/pglite'),
    postgres,
    loadAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export const loadNow = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function describeMachine(m: MachineInfo): string[] {
  return [
    `CPU: ${m.cpu}, ${m.cores} cores; RAM ${m.ramGb} GB; ${m.os}`,
    `Node ${m.node}; PGlite ${m.pglite} (embedded PostgreSQL in WebAssembly); PostgreSQL server: ${m.postgres ?? 'not reached'}`,
    `Load average at start (1/5/15 min): ${m.loadAtStart.join(' / ')}`,
  ];
}
