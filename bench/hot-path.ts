// Section: one citizen's report, one update at a time, in process (tests/helpers/report-walk.ts, the walk
// tests/bot-report-state.test.ts asserts): the chat state each update writes and the transactions it commits,
// counted at the driver adapter. "Cold" is the first citizen of a fresh process (the bot started as the app
// starts it, which loads the reference data and the calendar), who files the report; "warm" the next one, who
// is offered the first one's report as the same problem nearby.
import { createReportWalk, type StepCost } from '../tests/helpers/report-walk.ts';
import { openBenchDb, type PostgresServer, type Target } from './lib/bench-db.ts';
import type { SectionWriter } from './lib/results.ts';
import { fmt } from './lib/stats.ts';

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

export async function hotPathSection(w: SectionWriter, opts: { target: Target; server?: PostgresServer }): Promise<void> {
  const db = opts.target === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const bench = await openBenchDb(opts.target, opts.server, 2);
  const walk = await createReportWalk(bench.db, () => new Date());
  try {
    const cold = await walk.walk((await walk.citizen('Айгерим Сапарова')).u);
    const warm = await walk.walk((await walk.citizen('Ерлан Ахметов')).u);
    const perStep = (steps: StepCost[], f: (s: StepCost) => number) => steps.map((s) => `${s.step} ${fmt(f(s))}`).join(', ');
    w.add({ name: `${db}: chat state written per report-flow update (mean of 10)`, value: mean(warm.map((s) => s.bytes)) / 1024, unit: 'KB' });
    w.add({ name: `${db}: chat state, the largest write of the flow`, value: Math.max(...warm.map((s) => s.largest)) / 1024, unit: 'KB' });
    w.add({ name: `${db}: database transactions per report-flow update, warm`, value: mean(warm.map((s) => s.transactions)), unit: 'transactions' });
    w.add({ name: `${db}: database transactions per report-flow update, cold`, value: mean(cold.map((s) => s.transactions)), unit: 'transactions' });
    w.note(`${db}, warm, transactions per step: ${perStep(warm, (s) => s.transactions)}.`);
    w.note(`${db}, cold, transactions per step: ${perStep(cold, (s) => s.transactions)}.`);
    w.note(`${db}, warm, bytes of chat state written per step: ${perStep(warm, (s) => s.bytes)}.`);
  } finally {
    await walk.close();
    await bench.drop();
  }
}
