// The system-status screen's API, for admins: Telegram (who the bot is, polling or webhook, what
// getWebhookInfo says), the outbox with its failed notifications (retry or discard, audited), job runs,
// the database, the last backup and the version.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTBOX_LISTED_STATUSES } from '../../core/ops/outbox-admin.ts';
import type { Services } from '../../core/services.ts';
import type { TelegramStatus } from '../../bot/telegram-status.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { withErrors } from '../schemas.ts';

export interface SystemStatusDeps {
  /** asks Telegram (getMe, getWebhookInfo); absent where this process has no BOT_TOKEN */
  telegram?: () => Promise<TelegramStatus>;
}

const iso = z.string().nullable();
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
      lastErrorAt: iso,
      lastErrorMessage: z.string().nullable(),
      maxConnections: z.number().nullable(),
    })
    .nullable(),
  configuredWebhookUrl: z.string().nullable(),
});
const status = z.object({
  telegram,
  outbox: z.object({
    counts: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), blocked: z.number(), discarded: z.number() }),
    oldestQueuedSeconds: z.number(),
    lastSentAt: iso,
    stuck: z.boolean(),
    stuckAfterMinutes: z.number(),
  }),
  jobs: z.array(
    z.object({
      job: z.string(),
      lastStartedAt: z.string(),
      lastDurationMs: z.number(),
      lastOk: z.boolean(),
      lastError: z.string().nullable(),
      lastOkAt: iso,
      runs: z.number(),
      failures: z.number(),
    }),
  ),
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
  sentAt: iso,
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
const outboxId = z.object({ id: z.string().regex(/^\d{1,18}$/) });

export const systemStatusRoutes =
  (services: Services, deps: SystemStatusDeps = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const { ops } = services;

    app.get(
      '/api/system/status',
      {
        onRequest: admin,
        schema: { tags: ['system'], summary: 'System status: Telegram, outbox, jobs, database, backups, version', response: withErrors({ 200: status }) },
      },
      async () => {
        const tg = deps.telegram
          ? { configured: true, ...(await deps.telegram()) }
          : { configured: false, mode: null, reachable: false, error: null, bot: null, webhook: null, configuredWebhookUrl: null };
        const outbox = await ops.outboxState();
        const jobs = await ops.jobSummaries();
        const backups = await ops.backups();
        return {
          telegram: tg,
          outbox: { ...outbox, lastSentAt: outbox.lastSentAt?.toISOString() ?? null, stuckAfterMinutes: Math.round(ops.stuckAfterMs / 60_000) },
          jobs: jobs.map((j) => ({ ...j, lastStartedAt: j.lastStartedAt.toISOString(), lastOkAt: j.lastOkAt?.toISOString() ?? null })),
          database: await ops.database(),
          backups: { dir: backups.dir, last: backups.last ? { ...backups.last, at: backups.last.at.toISOString() } : null },
          version: await ops.version(),
        };
      },
    );

    app.get(
      '/api/system/outbox',
      {
        onRequest: admin,
        schema: {
          tags: ['system'],
          summary: 'Outbox messages of one status, newest first, with the reason of the last failure',
          querystring: z.object({
            status: z.enum(OUTBOX_LISTED_STATUSES as [string, ...string[]]).default('failed'),
            cursor,
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: withErrors({ 200: z.object({ items: z.array(outboxItem), nextCursor: z.string().nullable() }) }),
        },
      },
      async (req) => ops.outbox.list({ status: req.query.status as (typeof OUTBOX_LISTED_STATUSES)[number], cursor: req.query.cursor, limit: req.query.limit }),
    );

    for (const action of ['retry', 'discard'] as const) {
      app.post(
        `/api/system/outbox/:id/${action}`,
        {
          onRequest: admin,
          schema: {
            tags: ['system'],
            summary: action === 'retry' ? 'Send a failed notification again (audited)' : 'Give up a failed notification (audited)',
            params: outboxId,
            response: withErrors({ 200: z.object({ id: z.string(), status: z.string() }) }),
          },
        },
        async (req) => ops.outbox[action](BigInt(req.params.id), actorOf(req)),
      );
    }

    app.get(
      '/api/system/job-runs',
      {
        onRequest: admin,
        schema: {
          tags: ['system'],
          summary: 'Scheduled job runs, newest first',
          querystring: z.object({
            job: z.string().max(100).optional(),
            failed: z.enum(['true', 'false']).optional(),
            cursor,
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: withErrors({ 200: z.object({ items: z.array(jobRun), nextCursor: z.string().nullable() }) }),
        },
      },
      async (req) => ops.jobRuns({ job: req.query.job, failedOnly: req.query.failed === 'true', cursor: req.query.cursor, limit: req.query.limit }),
    );
  };
