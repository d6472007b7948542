// The system-status screen's API, for admins: Telegram (who the bot is, polling or webhook, what
// getWebhookInfo says), the outbox with its failed notifications (retry or discard, audited), job runs,
// the database, the last backup and the version.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../core/services.ts';
import type { TelegramStatus } from '../../bot/telegram-status.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { withErrors } from '../schemas.ts';
import { jobRunsPageBody, jobRunsQuery, outboxChangedBody, outboxIdParam, outboxPageBody, outboxQuery, statusBody } from './system-status-schemas.ts';

export interface SystemStatusDeps {
  /** asks Telegram (getMe, getWebhookInfo); absent where this process has no BOT_TOKEN */
  telegram?: () => Promise<TelegramStatus>;
}

export const systemStatusRoutes =
  (services: Services, deps: SystemStatusDeps = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const admin = requireStaff(services.staff, ['admin']);
    const { ops } = services;

    app.get(
      '/api/system/status',
      {
        onRequest: admin,
        schema: { tags: ['system'], summary: 'System status: Telegram, outbox, jobs, database, backups, version', response: withErrors({ 200: statusBody }) },
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
          querystring: outboxQuery,
          response: withErrors({ 200: outboxPageBody }),
        },
      },
      async (req) => ops.outbox.list({ status: req.query.status, cursor: req.query.cursor, limit: req.query.limit }),
    );

    for (const action of ['retry', 'discard'] as const) {
      app.post(
        `/api/system/outbox/:id/${action}`,
        {
          onRequest: admin,
          schema: {
            tags: ['system'],
            summary: action === 'retry' ? 'Send a failed notification again (audited)' : 'Give up a failed notification (audited)',
            params: outboxIdParam,
            response: withErrors({ 200: outboxChangedBody }),
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
          querystring: jobRunsQuery,
          response: withErrors({ 200: jobRunsPageBody }),
        },
      },
      async (req) => ops.jobRuns({ job: req.query.job, failedOnly: req.query.failed === 'true', cursor: req.query.cursor, limit: req.query.limit }),
    );
  };
