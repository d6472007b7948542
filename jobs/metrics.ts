// Metrics of the jobs role: the outbox (messages per status and the oldest one's wait, from the shared
// table; sends and 429s counted by this instance's dispatcher) and the scheduled jobs (the last run of each,
// from the shared JobRun history; runs counted by this instance).
import { Counter, Gauge, type Registry } from 'prom-client';
import type { SendOutcome } from '../core/outbox/dispatcher.ts';
import type { FinishedRun } from '../core/ops/job-runs.ts';
import type { OpsServices } from '../core/ops/ops-services.ts';

/**
 * One database read per scrape, however many gauges ask for it: a scrape collects every metric at once,
 * so callers while a read is in flight share it; the next scrape reads afresh.
 */
export function perScrape<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () => {
    if (!inFlight) {
      inFlight = fn();
      const clear = () => setImmediate(() => (inFlight = undefined));
      inFlight.then(clear, clear);
    }
    return inFlight;
  };
}

export function registerOutboxGauges(registry: Registry, ops: OpsServices): void {
  const state = perScrape(() => ops.outboxState());
  new Gauge({
    name: 'azamat_outbox_messages',
    help: 'Notifications in the outbox by status (pending and sending are queued)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const s = await state();
      for (const [status, n] of Object.entries(s.counts)) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'azamat_outbox_oldest_queued_age_seconds',
    help: 'How long the oldest notification due and not yet sent has waited (0 when none waits)',
    registers: [registry],
    async collect() {
      this.set((await state()).oldestQueuedSeconds);
    },
  });
  new Gauge({
    name: 'azamat_outbox_stuck',
    help: '1 when notifications have waited longer than OUTBOX_STUCK_MINUTES and none was sent in that time',
    registers: [registry],
    async collect() {
      this.set((await state()).stuck ? 1 : 0);
    },
  });
}

/** Counts this instance's sends; pass `onSend` to the OutboxDispatcher. */
export function createOutboxMetrics(registry: Registry) {
  const sends = new Counter({
    name: 'azamat_outbox_sends_total',
    help: 'Outbox send attempts by outcome (sent, retried, flood, deferred, failed, blocked) and kind',
    labelNames: ['outcome', 'kind'],
    registers: [registry],
  });
  const floods = new Counter({ name: 'azamat_outbox_flood_waits_total', help: 'Telegram answered 429 Too Many Requests to the outbox', registers: [registry] });
  floods.inc(0);
  return {
    onSend(outcome: SendOutcome, kind: string) {
      sends.inc({ outcome, kind });
      if (outcome === 'flood') floods.inc();
    },
  };
}

export function registerJobGauges(registry: Registry, ops: OpsServices): void {
  const summaries = perScrape(() => ops.jobSummaries());
  const gauge = (name: string, help: string, value: (s: Awaited<ReturnType<OpsServices['jobSummaries']>>[number]) => number | null) =>
    new Gauge({
      name,
      help,
      labelNames: ['job'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const s of await summaries()) {
          const v = value(s);
          if (v !== null) this.set({ job: s.job }, v);
        }
      },
    });
  gauge('azamat_job_last_run_timestamp_seconds', 'When each job last started (Unix time)', (s) => s.lastStartedAt.getTime() / 1000);
  gauge('azamat_job_last_duration_seconds', 'How long the last run of each job took', (s) => s.lastDurationMs / 1000);
  gauge('azamat_job_last_success', '1 when the last run of each job ended well, 0 when it failed', (s) => (s.lastOk ? 1 : 0));
  gauge('azamat_job_last_success_timestamp_seconds', 'When each job last ended well (Unix time)', (s) => (s.lastOkAt ? s.lastOkAt.getTime() / 1000 : null));
}

/** Counts this instance's job runs; pass `onRun` to the scheduler. */
export function createJobMetrics(registry: Registry) {
  const runs = new Counter({
    name: 'azamat_job_runs_total',
    help: 'Job runs in this instance by job and result (ok, failed)',
    labelNames: ['job', 'result'],
    registers: [registry],
  });
  return {
    onRun(run: FinishedRun) {
      runs.inc({ job: run.job, result: run.ok ? 'ok' : 'failed' });
    },
  };
}
