// The consultation log keeps itself: a question in the bot becomes a log entry once it has an
// outcome (answered, referred, out of scope, or self-served from the knowledge base), and the entry
// follows the question (consultant, result, rating). Called in the transaction of every such change.
import type { Tx } from '../db/tx.ts';
import { clip } from '../text.ts';

export const SUMMARY_MAX = 500;

/** Creates, updates or (for a question withdrawn unanswered) removes the log entry of a question. */
export async function syncConsultation(tx: Tx, questionId: number): Promise<void> {
  const q = await tx.question.findUniqueOrThrow({ where: { id: questionId } });
  const hasOutcome = q.firstAnsweredAt != null || q.result != null;
  if (!hasOutcome) {
    await tx.consultation.deleteMany({ where: { questionId } });
    return;
  }
  // The consultant of the log is who answered first; a later release or hand-over does not rewrite it.
  const firstAnswer = await tx.questionMessage.findFirst({
    where: { questionId, kind: 'answer', staffUserId: { not: null } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { staffUserId: true },
  });
  const data = {
    date: q.firstAnsweredAt ?? q.closedAt ?? q.createdAt,
    channel: 'bot' as const,
    topicId: q.topicId,
    askerGroup: q.askerGroup,
    regionId: q.regionId,
    consultantId: firstAnswer?.staffUserId ?? q.consultantId,
    summary: clip(q.text, SUMMARY_MAX),
    result: q.result ?? ('answered' as const),
    responseMinutes: q.firstAnsweredAt ? Math.max(0, Math.round((q.firstAnsweredAt.getTime() - q.createdAt.getTime()) / 60_000)) : null,
    satisfaction: q.rating,
  };
  await tx.consultation.upsert({ where: { questionId }, create: { ...data, questionId }, update: data });
}
