// The consultation topics API's shapes: a topic with its deadline and group, and what admins change.
import { z } from 'zod';
import { RESPONSE_DAYS_MAX } from '../../core/consultations/consultation-rules.ts';
import { kkRu, someChange } from '../schemas.ts';

export const topicBody = z.object({
  id: z.number(),
  code: z.string(),
  ...kkRu('name'),
  areaId: z.number().nullable(),
  responseDays: z.number().describe('working days from a question to its first answer (and from a follow-up to its answer)'),
  telegramChatId: z.string().nullable(),
  active: z.boolean(),
  sort: z.number(),
});

export const patchBody = someChange(
  z.object({
    responseDays: z.number().int().min(1).max(RESPONSE_DAYS_MAX).optional().describe('applies to questions asked from now on'),
    telegramChatId: z
      .string()
      .regex(/^-\d{1,16}$/, 'a group chat id, negative')
      .nullable()
      .optional()
      .describe("the topic's consultants' Telegram group (/chatid in the group tells it); null disconnects"),
    active: z.boolean().optional().describe('false: citizens can no longer choose it'),
  }),
);

export type ConsultationTopic = z.output<typeof topicBody>;
export type TopicPatch = z.input<typeof patchBody>;
