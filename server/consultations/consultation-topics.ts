// The resource centre's consultation topics: every consultant reads them; admins set each topic's
// first-response deadline (working days), its consultants' Telegram group, and whether it is offered.
import type { z } from 'zod';
import type { ConsultationTopic } from '../../generated/prisma/client.ts';
import { actorOf } from '../plugins/auth.ts';
import { routeModule } from '../route-kit.ts';
import { idParam } from '../schemas.ts';
import { patchBody, topicBody } from './consultation-topics-schemas.ts';

const view = (t: ConsultationTopic): z.output<typeof topicBody> => ({ ...t, telegramChatId: t.telegramChatId?.toString() ?? null });

export const consultationTopicRoutes = routeModule('consultations', 'consultant', (app, { admin, opts }, services) => {
  app.get('/api/consultation-topics', opts('Consultation topics with their deadlines', { response: topicBody.array() }), async () =>
    (await services.consultations.topics.list()).map(view),
  );
  app.patch(
    '/api/consultation-topics/:id',
    opts("Set a topic's deadline, Telegram group or availability", { params: idParam, body: patchBody, response: topicBody }, admin),
    async (req) => {
      const { telegramChatId, ...rest } = req.body;
      const patch = { ...rest, ...(telegramChatId !== undefined ? { telegramChatId: telegramChatId == null ? null : BigInt(telegramChatId) } : {}) };
      return view(await services.consultations.topics.update(actorOf(req), req.params.id, patch));
    },
  );
});
