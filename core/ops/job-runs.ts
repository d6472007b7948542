// The history of scheduled job runs: written by the scheduler when a run ends, read by the system-status
// screen and the metrics (the last run of each job, from whichever instance ran it).
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';

export interface FinishedRun {
  job: string;
  holder: string;
  startedAt: Date;
  finishedAt: Date;
  ok: boolean;
  error?: string | null;
  result?: unknown;
}

export interface JobRunView {
  id: string;
  job: string;
  holder: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  ok: boolean;
  error: string | null;
  result: unknown;
}

export interface JobSummary {
  job: string;
  lastStartedAt: Date;
  lastDurationMs: number;
  lastOk: boolean;
  lastError: string | null;
  /** the last run that ended well, if any in the history kept */
  lastOkAt: Date | null;
  runs: number;
  failures: number;
}

/** History kept: a week of runs is enough to see a pattern, and jobs that run every 15 s stay cheap. */
export const JOB_RUN_KEEP_DAYS = 7;

export async function recordJobRun(prisma: PrismaClient, run: FinishedRun): Promise<void> {
  const result =
    run.result === undefined || run.result === null
      ? undefined
      : (JSON.parse(JSON.stringify(run.result, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue);
  await prisma.jobRun.create({
    data: {
      job: run.job,
      holder: run.holder,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      durationMs: Math.max(0, Math.round(run.finishedAt.getTime() - run.startedAt.getTime())),
      ok: run.ok,
      error: run.error ? run.error.slice(0, 1000) : null,
      ...(result === undefined ? {} : { result }),
    },
  });
}

export async function listJobRuns(
  prisma: PrismaClient,
  q: { job?: string; failedOnly?: boolean; cursor?: string; limit: number },
): Promise<{ items: JobRunView[]; nextCursor: string | null }> {
  const rows = await prisma.jobRun.findMany({
    where: { ...(q.job ? { job: q.job } : {}), ...(q.failedOnly ? { ok: false } : {}), ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}) },
    orderBy: { id: 'desc' },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((r) => ({
      ...r,
      id: r.id.toString(),
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt.toISOString(),
      result: r.result ?? null,
    })),
    nextCursor: rows.length > q.limit ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Per job: its last run and its record over the history kept. */
export async function jobSummaries(prisma: PrismaClient): Promise<JobSummary[]> {
  const rows = await prisma.$queryRaw<
    Array<{ job: string; startedAt: Date; durationMs: number; ok: boolean; error: string | null; lastOkAt: Date | null; runs: bigint; failures: bigint }>
  >`
    SELECT l.job, l."startedAt", l."durationMs", l.ok, l.error, s."lastOkAt", s.runs, s.failures
    FROM (SELECT DISTINCT ON (job) job, "startedAt", "durationMs", ok, error FROM "JobRun" ORDER BY job, "startedAt" DESC, id DESC) l
    JOIN (SELECT job, max("startedAt") FILTER (WHERE ok) AS "lastOkAt", count(*) AS runs, count(*) FILTER (WHERE NOT ok) AS failures FROM "JobRun" GROUP BY job) s
      ON s.job = l.job
    ORDER BY l.job`;
  return rows.map((r) => ({
    job: r.job,
    lastStartedAt: r.startedAt,
    lastDurationMs: r.durationMs,
    lastOk: r.ok,
    lastError: r.error,
    lastOkAt: r.lastOkAt,
    runs: Number(r.runs),
    failures: Number(r.failures),
  }));
}

export async function pruneJobRuns(prisma: PrismaClient, now: Date, keepDays = JOB_RUN_KEEP_DAYS): Promise<number> {
  const { count } = await prisma.jobRun.deleteMany({ where: { startedAt: { lt: new Date(now.getTime() - keepDays * 86_400_000) } } });
  return count;
}
