// A lease row per job: whoever holds an unexpired lease runs the job, so several instances on one
// PostgreSQL never run the same job twice at once. Works the same on PGlite (one instance).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordJobRun, type FinishedRun } from './job-runs.ts';

/**
 * `slot`: the scheduled moment (cron tick) this run is for. A lease is free once released, so without it an
 * instance whose timer fired a little later than another's would run the same tick again after the first
 * had finished; with it, a tick that already ran (in any instance) is refused.
 */
export async function acquireLease(prisma: PrismaClient, name: string, holder: string, ttlMs: number, now = new Date(), slot?: Date): Promise<boolean> {
  const until = new Date(now.getTime() + ttlMs);
  if (slot) {
    const rows = await prisma.$queryRaw<Array<{ name: string }>>`
      INSERT INTO "JobLease" (name, holder, "leasedUntil", "lastStartAt", runs, "lastSlot")
      VALUES (${name}, ${holder}, ${until}, ${now}, 1, ${slot})
      ON CONFLICT (name) DO UPDATE
        SET holder = EXCLUDED.holder, "leasedUntil" = EXCLUDED."leasedUntil", "lastStartAt" = EXCLUDED."lastStartAt", runs = "JobLease".runs + 1, "lastSlot" = EXCLUDED."lastSlot"
        WHERE ("JobLease"."leasedUntil" IS NULL OR "JobLease"."leasedUntil" < ${now} OR "JobLease".holder = ${holder})
          AND ("JobLease"."lastSlot" IS NULL OR "JobLease"."lastSlot" < ${slot})
      RETURNING name`;
    return rows.length === 1;
  }
  const rows = await prisma.$queryRaw<Array<{ name: string }>>`
    INSERT INTO "JobLease" (name, holder, "leasedUntil", "lastStartAt", runs)
    VALUES (${name}, ${holder}, ${until}, ${now}, 1)
    ON CONFLICT (name) DO UPDATE
      SET holder = EXCLUDED.holder, "leasedUntil" = EXCLUDED."leasedUntil", "lastStartAt" = EXCLUDED."lastStartAt", runs = "JobLease".runs + 1
      WHERE "JobLease"."leasedUntil" IS NULL OR "JobLease"."leasedUntil" < ${now} OR "JobLease".holder = ${holder}
    RETURNING name`;
  return rows.length === 1;
}

/** Extends a lease we hold (long-running loops such as the outbox dispatcher). */
export async function renewLease(prisma: PrismaClient, name: string, holder: string, ttlMs: number, now = new Date()): Promise<boolean> {
  const n = await prisma.$executeRaw`
    UPDATE "JobLease" SET "leasedUntil" = ${new Date(now.getTime() + ttlMs)} WHERE name = ${name} AND holder = ${holder}`;
  return n === 1;
}

export async function releaseLease(prisma: PrismaClient, name: string, holder: string, error: string | null, now = new Date()): Promise<void> {
  await prisma.$executeRaw`
    UPDATE "JobLease" SET "leasedUntil" = NULL, "lastEndAt" = ${now}, "lastError" = ${error}
    WHERE name = ${name} AND holder = ${holder}`;
}

/** The leases and run records of the scheduler and the outbox worker, bound to the database (services.ops.leases). */
export interface JobLeases {
  acquire(name: string, holder: string, ttlMs: number, now?: Date, slot?: Date): Promise<boolean>;
  renew(name: string, holder: string, ttlMs: number, now?: Date): Promise<boolean>;
  release(name: string, holder: string, error: string | null, now?: Date): Promise<void>;
  /** a finished run, kept for the job history (core/ops/job-runs.ts) */
  record(run: FinishedRun): Promise<void>;
}

export function createJobLeases(prisma: PrismaClient): JobLeases {
  return {
    acquire: (name, holder, ttlMs, now, slot) => acquireLease(prisma, name, holder, ttlMs, now, slot),
    renew: (name, holder, ttlMs, now) => renewLease(prisma, name, holder, ttlMs, now),
    release: (name, holder, error, now) => releaseLease(prisma, name, holder, error, now),
    record: (run) => recordJobRun(prisma, run),
  };
}
