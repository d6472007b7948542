// Delivery health for admins: how many notifications wait, failed, or hit citizens who blocked the bot.
import { routeModule } from '../route-kit.ts';
import { outboxCountsBody } from './outbox-schemas.ts';

export const outboxRoutes = routeModule('system', 'admin', (app, { opts }, services) => {
  app.get('/api/outbox/stats', opts('Outbox messages by status', { response: outboxCountsBody }), async () => {
    const c = await services.ops.outboxCounts();
    return { pending: c.pending ?? 0, sending: c.sending ?? 0, sent: c.sent ?? 0, failed: c.failed ?? 0, blocked: c.blocked ?? 0 };
  });
});
