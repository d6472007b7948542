// The systemd units in deploy/systemd are what the README's production guide installs: systemd itself
// checks them (`systemd-analyze verify`, skipped where systemd is not installed), and they start the roles
// the npm scripts start (the same production command, without npm), with a stop timeout longer than the app's own 25 s shutdown.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../deploy/systemd');
const units = readdirSync(dir).filter((f) => f.endsWith('.service') || f.endsWith('.target'));
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
const value = (text: string, key: string) => new RegExp(`^${key}=(.*)$`, 'm').exec(text)?.[1];

/** systemd-analyze verify in a scratch copy, so units that name each other are found; warnings count as failures. */
function verify(files: Record<string, string>): { status: number | null; problems: string } {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'azamat-units-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(scratch, name), text);
    const r = spawnSync('systemd-analyze', ['verify', ...Object.keys(files).map((n) => path.join(scratch, n))], {
      encoding: 'utf8',
      env: { ...process.env, SYSTEMD_LOG_COLOR: '0' },
    });
    return { status: r.status, problems: `${r.stdout}${r.stderr}`.trim() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

describe('systemd units', () => {
  it('are the single-process unit, the three roles and their target', () => {
    expect(units.sort()).toEqual(['azamat-api.service', 'azamat-bot.service', 'azamat-jobs.service', 'azamat.service', 'azamat.target']);
  });

  it.skipIf(!hasSystemd)('pass systemd-analyze verify without a warning', () => {
    const r = verify(Object.fromEntries(units.map((u) => [u, read(u)])));
    expect(r.problems).toBe('');
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasSystemd)('would be caught if broken (the check can fail)', () => {
    const broken = read('azamat-api.service').replace('Restart=on-failure', 'Restart=sometimes');
    expect(verify({ 'azamat-api.service': broken }).problems).toContain('Failed to parse service restart specifier');
  });

  it('start the roles the npm scripts start, under one target, and outlast the app’s shutdown', () => {
    const scripts = (JSON.parse(readFileSync(path.resolve(dir, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [unit, script] of [
      ['azamat.service', 'start'],
      ['azamat-api.service', 'start:api'],
      ['azamat-bot.service', 'start:bot'],
      ['azamat-jobs.service', 'start:jobs'],
    ] as const) {
      const text = read(unit);
      // The npm script is `exec node …`: the unit runs the same command without npm, so SIGTERM reaches the app.
      expect(value(text, 'ExecStart'), unit).toBe(`/usr/bin/${scripts[script]!.replace(/^exec /, '')}`);
      expect(Number.parseInt(value(text, 'TimeoutStopSec')!, 10), unit).toBeGreaterThan(25);
      expect(value(text, 'ReadWritePaths'), unit).toContain('/var/lib/azamat');
      expect(value(text, 'User'), unit).toBe('azamat');
    }
    for (const role of ['api', 'bot', 'jobs']) expect(value(read(`azamat-${role}.service`), 'PartOf')).toBe('azamat.target');
    expect(value(read('azamat.target'), 'Wants')).toBe('azamat-api.service azamat-bot.service azamat-jobs.service');
  });
});
