// The bench's own arithmetic and report: a wrong percentile or a figure printed without its baseline
// would make bench/RESULTS.md say something it did not measure. No timing here.
import { describe, expect, it } from 'vitest';
import { distribution, percentile } from '../bench/lib/stats.ts';
import { Results } from '../bench/lib/results.ts';
import type { MachineInfo } from '../bench/lib/machine.ts';

const machine: MachineInfo = {
  cpu: 'Test CPU',
  cores: 2,
  ramGb: 4,
  os: 'Linux',
  node: 'v20.19.0',
  pglite: '0.5.16',
  postgres: '15.14',
  loadAtStart: [1, 1, 1],
};

describe('bench statistics', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 95)).toBe(7);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it('sorts before it ranks', () => {
    expect(distribution([30, 10, 20])).toMatchObject({ n: 3, p50: 20, p95: 30, max: 30, mean: 20 });
  });
});

describe('bench results', () => {
  it('writes every figure next to its baseline and ratio, with the machine and skipped sections', () => {
    const printed: string[] = [];
    const results = new Results((l) => printed.push(l));
    const bot = results.section('Bot throughput — PGlite', 'What is measured.');
    bot.add({ name: 'updates handled/s', value: 50, unit: 'updates/s', baseline: { name: 'grammY no-op', value: 2000 } });
    bot.note('a note');
    bot.done();
    results.section('Admin API').skip('no PostgreSQL server');
    const md = results.markdown(machine, { command: 'npm run bench', sizes: { BENCH_BOT_CITIZENS: 200 }, totalSeconds: 12, fixes: '## Fixes\n\nbefore/after' });

    expect(md).toContain('CPU: Test CPU, 2 cores; RAM 4 GB');
    expect(md).toContain('PostgreSQL server: 15.14');
    expect(md).toContain('| updates handled/s | 50.0 updates/s | grammY no-op | 2,000 updates/s | 0.03 |');
    expect(md).toContain('**Skipped:** no PostgreSQL server');
    expect(md).toContain('| `BENCH_BOT_CITIZENS` | 200 |');
    expect(md.trim().endsWith('before/after')).toBe(true);
    expect(printed.some((l) => l.includes('baseline grammY no-op'))).toBe(true);
  });
});
