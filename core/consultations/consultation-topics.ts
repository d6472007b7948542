// The centre's consultation topics for staff: each with its first-response deadline in working days,
// the Telegram group of its consultants, and whether citizens may choose it. A new deadline applies to
// questions asked from then on (a question's due time is fixed when it is asked).
import type { ConsultationTopic, PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../audit/audit-log.ts';
import { notFound } from '../errors.ts';

export interface TopicPatch {
  responseDays?: number;
  /** a negative Telegram group id; null disconnects */
  telegramChatId?: bigint | null;
  active?: boolean;
}

export function createConsultationTopicService({ prisma }: { prisma: PrismaClient }) {
  return {
    list: (): Promise<ConsultationTopic[]> => prisma.consultationTopic.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] }),

    /** The topics citizens may choose, in the centre's order. */
    active: (): Promise<ConsultationTopic[]> => prisma.consultationTopic.findMany({ where: { active: true }, orderBy: [{ sort: 'asc' }, { id: 'asc' }] }),

    async update(actor: Actor, id: number, patch: TopicPatch): Promise<ConsultationTopic> {
      return prisma.$transaction(async (tx) => {
        const before = await tx.consultationTopic.findUnique({ where: { id } });
        if (!before) throw notFound('consultation.unknown_topic');
        const data = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as TopicPatch;
        const after = await tx.consultationTopic.update({ where: { id }, data });
        const keys = Object.keys(data) as Array<keyof TopicPatch>;
        await recordAudit(tx, actor, {
          action: 'consultation_topic.update',
          entity: 'consultation_topic',
          entityId: id,
          before: Object.fromEntries(keys.map((k) => [k, before[k]])),
          after: data,
        });
        return after;
      });
    },
  };
}
