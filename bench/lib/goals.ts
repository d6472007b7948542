// The goals of issue 23, each read from the figures of this run: what was measured, the goal, and whether it
// is met. A goal whose section did not run (BENCH_SECTIONS) says so instead of reusing an older figure.
import { fmt } from './stats.ts';
import type { Figure } from './results.ts';

export interface MeasuredFigure {
  section: string;
  figure: Figure;
}

interface Goal {
  row: string;
  /** the goal as the issue writes it */
  goal: string;
  /** the figures it is read from (each shown), and how one figure meets it */
  match: RegExp;
  read: 'value' | 'ratio';
  meets: (x: number) => boolean;
}

const below = (limit: number) => (x: number) => x < limit;
const atMost = (limit: number) => (x: number) => x <= limit;
const atLeast = (limit: number) => (x: number) => x >= limit;

const GOALS: Goal[] = [
  {
    row: 'idle RSS, embedded database, after start: the app',
    goal: '< 200 MB',
    match: /^idle RSS after start, embedded database, (warm|fresh) data directory: the app/,
    read: 'value',
    meets: below(200),
  },
  {
    row: 'idle RSS, embedded database: whole `npm start` tree',
    goal: '< 220 MB',
    match: /^idle RSS after start, embedded database, (warm|fresh): the whole `npm start` process tree/,
    read: 'value',
    meets: below(220),
  },
  { row: 'idle RSS with `DATABASE_URL` (PostgreSQL)', goal: '< 150 MB', match: /^idle RSS after start with DATABASE_URL/, read: 'value', meets: below(150) },
  { row: 'start → healthy, warm data directory', goal: '≤ 1.5 s', match: /→ healthy \/health, warm data directory/, read: 'value', meets: atMost(1.5) },
  { row: 'start → healthy, fresh data directory', goal: '≤ 3 s', match: /→ healthy \/health, fresh data directory/, read: 'value', meets: atMost(3) },
  {
    row: 'bot, 200 citizens at once, handler only: updates/s vs single-row INSERTs/s',
    goal: '≥ 0.15',
    match: /handler only: updates handled\/s vs single-row INSERTs\/s/,
    read: 'ratio',
    meets: atLeast(0.15),
  },
  {
    row: "bot, handler only: p99 update → bot's first answer",
    goal: '< 500 ms',
    match: /handler only: p99 update → bot's first answer/,
    read: 'value',
    meets: below(500),
  },
  { row: 'chat state written per update', goal: '< 2 KB', match: /chat state written per report-flow update/, read: 'value', meets: below(2) },
  {
    row: 'database transactions per report-flow update (PostgreSQL)',
    goal: '≤ 2',
    match: /^PostgreSQL: database transactions per report-flow update/,
    read: 'value',
    meets: atMost(2),
  },
  {
    row: 'admin API list at 1 M reports: req/s vs the same SQL through plain `pg`',
    goal: '≥ 0.6',
    match: /^list: .*requests\/s/,
    read: 'ratio',
    meets: atLeast(0.6),
  },
  { row: 'admin API list: p95 at 50 connections', goal: '< 50 ms', match: /^list: .*, 50 connections: p95 latency/, read: 'value', meets: below(50) },
  { row: 'analytics at 1 M reports / 1 M poll answers, country and year', goal: '< 300 ms', match: /country, year/, read: 'value', meets: below(300) },
];

const valueOf = (f: Figure, read: Goal['read']) =>
  read === 'value' ? f.value : f.baseline && f.baseline.value !== 0 ? f.value / f.baseline.value : Number.NaN;

/** Markdown lines: one row per measured figure of each goal. */
export function goalLines(measured: MeasuredFigure[]): string[] {
  const out = ['| goal row (issue 23) | figure of this run | value | goal | met |', '|---|---|---:|---:|:---:|'];
  for (const g of GOALS) {
    const hits = measured.filter((m) => g.match.test(m.figure.name));
    if (!hits.length) out.push(`| ${g.row} | not measured in this run | | ${g.goal} | — |`);
    for (const { figure } of hits) {
      const x = valueOf(figure, g.read);
      const shown = g.read === 'ratio' ? fmt(x, 2) : `${fmt(x)} ${figure.unit}`;
      out.push(`| ${g.row} | ${figure.name} | ${shown} | ${g.goal} | ${g.meets(x) ? 'yes' : '**no**'} |`);
    }
  }
  return out;
}
