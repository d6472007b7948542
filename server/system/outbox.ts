// Delivery health for admins: how many notifications wait, failed, or hit citizens who blocked the bot.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../core/services.ts';
import { requireStaff } from '../plugins/auth.ts';
import { withErrors } from '../schemas.ts';
import { outboxCountsBody } from './outbox-schemas.ts';

export const outboxRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/outbox/stats',
      {
        onRequest: requireStaff(services.staff, ['admin']),
        schema: {
          tags: ['system'],
          summary: 'Outbox messages by status',
          response: withErrors({ 200: outboxCountsBody }),
        },
      },
      async () => services.ops.outboxCounts(),
    );
  };
