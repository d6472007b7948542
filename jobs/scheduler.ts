// node-cron in Asia/Almaty; each run first takes the job's lease for its tick, so one instance runs each tick once.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { FinishedRun } from '../core/ops/job-runs.ts';
import type { JobLeases } from '../core/ops/leases.ts';

export interface Job {
  name: string;
  /** cron expression, evaluated in Asia/Almaty */
  schedule: string;
  run(): Promise<unknown>;
  /** longest a run may take before another instance may assume it died */
  leaseMs?: number;
  /** also run once when the scheduler starts, not only at the first tick of the schedule */
  runAtStart?: boolean;
}

export interface Scheduler {
  start(): void;
  /**
   * Runs one job now under its lease; returns false when another instance holds it, or when `slot` (a
   * scheduled moment) was already run by any instance.
   */
  runNow(name: string, slot?: Date): Promise<boolean>;
  /** Stops scheduling and waits for runs in progress. */
  stop(): Promise<void>;
  jobs: Job[];
}

export interface SchedulerOptions {
  /** services.ops.leases */
  leases: JobLeases;
  logger: Logger;
  holder: string;
  jobs: Job[];
  timezone?: string;
  /** each finished run, after it is recorded in JobRun (the metrics count them) */
  onRun?: (run: FinishedRun) => void;
}

export function createScheduler({ leases, logger, holder, jobs, timezone = 'Asia/Almaty', onRun }: SchedulerOptions): Scheduler {
  const tasks: ScheduledTask[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;

  async function runGuarded(job: Job, slot?: Date): Promise<boolean> {
    let leased: boolean;
    try {
      leased = await leases.acquire(job.name, holder, job.leaseMs ?? 10 * 60_000, new Date(), slot);
    } catch (e) {
      // The database is away (restart, failover): this tick is skipped, the next one tries again. Thrown from a
      // cron callback it would be an unhandled rejection, which ends the whole jobs process.
      logger.error({ job: job.name, err: e }, 'job not started: its lease could not be taken');
      return false;
    }
    if (!leased) return false;
    let error: string | null = null;
    let result: unknown;
    const started = new Date();
    try {
      result = await job.run();
      logger.debug({ job: job.name, slot, ms: Date.now() - started.getTime(), result }, 'job done');
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      logger.error({ job: job.name, err: e }, 'job failed');
    } finally {
      await leases.release(job.name, holder, error).catch((e) => logger.warn({ err: e, job: job.name }, 'could not release job lease'));
    }
    // The history for the status screen and the metrics; a failure to write it must not fail the job.
    const run: FinishedRun = { job: job.name, holder, startedAt: started, finishedAt: new Date(), ok: error === null, error, result };
    await leases.record(run).catch((e) => logger.warn({ err: e, job: job.name }, 'could not record job run'));
    onRun?.(run);
    return true;
  }

  function track(p: Promise<unknown>) {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  }

  return {
    jobs,
    start() {
      for (const job of jobs) {
        const task = cron.schedule(
          job.schedule,
          // The tick's scheduled moment, the same in every instance however late its timer fires.
          async (ctx) => {
            if (!stopped) await track(runGuarded(job, new Date(Math.floor(ctx.date.getTime() / 1000) * 1000)));
          },
          { timezone, name: job.name, noOverlap: true },
        );
        tasks.push(task);
      }
      logger.info({ jobs: jobs.map((j) => `${j.name} (${j.schedule})`) }, 'job scheduler started');
      for (const job of jobs.filter((j) => j.runAtStart)) {
        void track(runGuarded(job)).catch((e) => logger.error({ err: e, job: job.name }, `${job.name}: first run failed`));
      }
    },
    runNow(name, slot) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`unknown job ${name}`);
      return track(runGuarded(job, slot)) as Promise<boolean>;
    },
    async stop() {
      stopped = true;
      // destroy() may or may not return a promise (node-cron's type): wait for those that do.
      await Promise.all(tasks.map(async (t) => t.destroy()));
      await Promise.allSettled([...inFlight]);
    },
  };
}
