// The resource centre's consultation topics: every consultant reads them; admins set each topic's
// first-response deadline (working days), its consultants' Telegram group, and whether it is offered.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConsultationTopic } from '../../generated/prisma/client.ts';
import { RESPONSE_DAYS_MAX } from '../../core/consultations/consultation-topics.ts';
import type { Services } from '../../core/services.ts';
import { actorOf, requireStaff } from '../plugins/auth.ts';
import { idParam, withErrors } from '../schemas.ts';

const topicBody = z.object({
  id: z.number(),
  code: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  areaId: z.number().nullable(),
  responseDays: z.number().describe('working days from a question to its first answer (and from a follow-up to its answer)'),
  telegramChatId: z.string().nullable(),
  active: z.boolean(),
  sort: z.number(),
});

const view = (t: ConsultationTopic): z.infer<typeof topicBody> => ({ ...t, telegramChatId: t.telegramChatId?.toString() ?? null });

const patchBody = z
  .object({
    responseDays: z.number().int().min(1).max(RESPONSE_DAYS_MAX).optional().describe('applies to questions asked from now on'),
    telegramChatId: z
      .string()
      .regex(/^-\d{1,16}$/, 'a group chat id, negative')
      .nullable()
      .optional()
      .describe("the topic's consultants' Telegram group (/chatid in the group tells it); null disconnects"),
    active: z.boolean().optional().describe('false: citizens can no longer choose it'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to change');

export const consultationTopicRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['consultations'];
    app.get(
      '/api/consultation-topics',
      {
        onRequest: requireStaff(services.staff, ['consultant']),
        schema: { tags, summary: 'Consultation topics with their deadlines', response: withErrors({ 200: z.array(topicBody) }) },
      },
      async () => (await services.consultationTopics.list()).map(view),
    );
    app.patch(
      '/api/consultation-topics/:id',
      {
        onRequest: requireStaff(services.staff, ['admin']),
        schema: {
          tags,
          summary: "Set a topic's deadline, Telegram group or availability",
          params: idParam,
          body: patchBody,
          response: withErrors({ 200: topicBody }),
        },
      },
      async (req) => {
        const { telegramChatId, ...rest } = req.body;
        const patch = { ...rest, ...(telegramChatId !== undefined ? { telegramChatId: telegramChatId == null ? null : BigInt(telegramChatId) } : {}) };
        return view(await services.consultationTopics.update(actorOf(req), req.params.id, patch));
      },
    );
  };
