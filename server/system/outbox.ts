// Delivery health for admins: how many notifications wait, failed, or hit citizens who blocked the bot.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../core/services.ts';
import { guardedRoutes } from '../route-kit.ts';
import { outboxCountsBody } from './outbox-schemas.ts';

export const outboxRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const { opts } = guardedRoutes(services.staff, 'system', 'admin');
    app.get('/api/outbox/stats', opts('Outbox messages by status', { response: outboxCountsBody }), async () => {
      const c = await services.ops.outboxCounts();
      return { pending: c.pending ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, failed: c.failed ?? 0, blocked: c.blocked ?? 0 };
    });
  };
