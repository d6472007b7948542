// Once, `afterDays` calendar days after the last answer, a citizen who has not rated the consultation is
// asked to (buttons 1–5 that the bot handles). Not for questions closed as referred elsewhere or out of
// scope (there was no consultation to rate), nor while a follow-up waits for its answer.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { sendRatingRequest } from './question-notify.ts';

const DAY = 86_400_000;

export interface RatingReminderDeps {
  prisma: PrismaClient;
  i18n: i18n;
  now?: () => Date;
  afterDays?: number;
  batchSize?: number;
}

export async function sendRatingReminders({
  prisma,
  i18n,
  now = () => new Date(),
  afterDays = 3,
  batchSize = 200,
}: RatingReminderDeps): Promise<{ asked: number }> {
  const at = now();
  const due = await prisma.question.findMany({
    where: {
      state: { in: ['answered', 'closed'] },
      OR: [{ result: null }, { result: 'answered' }],
      firstAnsweredAt: { not: null },
      lastAnsweredAt: { lte: new Date(at.getTime() - afterDays * DAY) },
      rating: null,
      ratingAskedAt: null,
      // Nobody to ask: no consent, or the data erased.
      citizen: { consentAt: { not: null }, erasedAt: null },
    },
    orderBy: [{ lastAnsweredAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  let asked = 0;
  for (const q of due) {
    const sent = await prisma.$transaction(async (tx) => {
      // Conditional: a concurrent run, or a rating given meanwhile, leaves nothing to do.
      const taken = await tx.question.updateMany({ where: { id: q.id, ratingAskedAt: null, rating: null }, data: { ratingAskedAt: at } });
      if (taken.count === 0) return false;
      const reached = await sendRatingRequest(tx, i18n, q);
      await tx.questionMessage.create({ data: { questionId: q.id, at, kind: 'reminder', authorType: 'system', data: { reached } } });
      await recordAudit(tx, { type: 'system' }, { action: 'question.rating_reminder', entity: 'question', entityId: q.id, after: { reached } });
      return reached;
    });
    if (sent) asked += 1;
  }
  return { asked };
}
