// The system-status screen's shapes: Telegram, the outbox, job runs, the database, backups and the version.
import { z } from 'zod';
import { OUTBOX_LISTED_STATUSES } from '../../core/ops/outbox-rules.ts';
import { boolQuery, cursorPageOf, instantOrNull, listLimit } from '../schemas.ts';

const telegram = z.object({
  configured: z.boolean(),
  mode: z.enum(['polling', 'webhook']).nullable(),
  reachable: z.boolean(),
  error: z.string().nullable(),
  bot: z.object({ id: z.number(), username: z.string(), firstName: z.string() }).nullable(),
  webhook: z
    .object({
      url: z.string(),
      pendingUpdateCount: z.number(),
      lastErrorAt: instantOrNull,
      lastErrorMessage: z.string().nullable(),
      maxConnections: z.number().nullable(),
    })
    .nullable(),
  configuredWebhookUrl: z.string().nullable(),
});
const jobSummary = z.object({
  job: z.string(),
  lastStartedAt: z.string(),
  lastDurationMs: z.number(),
  lastOk: z.boolean(),
  lastError: z.string().nullable(),
  lastOkAt: instantOrNull,
  runs: z.number(),
  failures: z.number(),
});
export const statusBody = z.object({
  telegram,
  outbox: z.object({
    counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), blocked: z.number(), discarded: z.number() }),
    oldestQueuedSeconds: z.number(),
    lastSentAt: instantOrNull,
    stuck: z.boolean(),
    stuckAfterMinutes: z.number(),
  }),
  jobs: z.array(jobSummary),
  database: z.object({
    kind: z.enum(['pglite', 'postgres']),
    describe: z.string(),
    sizeBytes: z.number().nullable(),
    connections: z.number().nullable(),
    maxConnections: z.number().nullable(),
    dataDirBytes: z.number().nullable(),
    serverVersion: z.string().nullable(),
  }),
  backups: z.object({
    dir: z.string().nullable(),
    last: z.object({ file: z.string(), at: z.string(), bytes: z.number().nullable(), ageSeconds: z.number() }).nullable(),
  }),
  version: z.object({
    app: z.string(),
    node: z.string(),
    migrations: z.object({ applied: z.number(), last: z.string().nullable(), pending: z.array(z.string()), failed: z.array(z.string()) }),
  }),
});
const outboxItem = z.object({
  id: z.string(),
  kind: z.string(),
  method: z.string(),
  chatId: z.string(),
  citizenId: z.number().nullable(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  sentAt: instantOrNull,
});
const jobRun = z.object({
  id: z.string(),
  job: z.string(),
  holder: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  ok: z.boolean(),
  error: z.string().nullable(),
  result: z.unknown(),
});
const cursor = z.string().regex(/^\d+$/).optional().describe('nextCursor of the previous page');

export const outboxQuery = z.object({ status: z.enum(OUTBOX_LISTED_STATUSES).default('failed'), cursor, limit: listLimit });
export const outboxPageBody = cursorPageOf(outboxItem);
export const outboxIdParam = z.object({ id: z.string().regex(/^\d{1,18}$/) });
export const outboxChangedBody = z.object({ id: z.string(), status: z.string() });
export const jobRunsQuery = z.object({ job: z.string().max(100).optional(), failed: boolQuery.optional(), cursor, limit: listLimit });
export const jobRunsPageBody = cursorPageOf(jobRun);

export type SystemStatus = z.output<typeof statusBody>;
export type JobSummary = z.output<typeof jobSummary>;
export type OutboxItem = z.output<typeof outboxItem>;
export type JobRun = z.output<typeof jobRun>;
