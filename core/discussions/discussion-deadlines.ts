// The discussion calendar, run by a job every minute: discussions close at their end; a review not done
// 3 working days after the end is overdue and its body's project managers are told once; 2 working days
// later it is escalated to the admins, once (the same shape as core/reports/report-deadlines.ts).
import type { i18n, TFunction } from 'i18next';
import type { PrismaClient, StaffUser } from '../../generated/prisma/client.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { formatLocalDateTime } from '../calendar/local-time.ts';
import type { Tx } from '../db/tx.ts';
import type { Locale } from '../i18n/i18n.ts';
import { localName } from '../reference/reference-service.ts';
import { activeWithRole, sendStaffMessage } from '../staff/staff-messages.ts';
import { topicManagers, type TopicStaffNoticeKind } from './discussion-notify.ts';
import { REVIEW_ESCALATION_WORKING_DAYS } from './discussion-rules.ts';
import type { TopicAdminService } from './topic-admin.ts';
import { lacksDecision } from './topic-review.ts';
import { inLocale, TOPIC_NAMES, type NamedTopic } from './topic-text.ts';

export interface DiscussionDeadlineDeps {
  prisma: PrismaClient;
  calendar: CalendarService;
  topics: TopicAdminService;
  i18n: i18n;
  now: () => Date;
  escalationWorkingDays?: number;
  batchSize?: number;
}

export interface DiscussionDeadlineRun {
  closed: number;
  overdue: number;
  escalated: number;
}

const DAY = 86_400_000;

export async function processDiscussionDeadlines({
  prisma,
  calendar,
  topics,
  i18n,
  now,
  escalationWorkingDays = REVIEW_ESCALATION_WORKING_DAYS,
  batchSize = 200,
}: DiscussionDeadlineDeps): Promise<DiscussionDeadlineRun> {
  const closed = await topics.closeEnded();
  const at = now();
  const waiting = { status: 'closed' as const };

  /** Marks the topic and tells its people in one transaction; a conditional update makes a rerun a no-op. */
  async function mark(
    topic: NamedTopic,
    flag: 'reviewOverdueAt' | 'reviewEscalatedAt',
    kind: TopicStaffNoticeKind,
    recipients: (tx: Tx) => Promise<StaffUser[]>,
  ): Promise<boolean> {
    return prisma.$transaction(async (tx) => {
      const claimed = await tx.discussionTopic.updateMany({
        where: { id: topic.id, [flag]: null, reviewDueAt: topic.reviewDueAt, ...waiting },
        data: { [flag]: at },
      });
      if (claimed.count === 0) return false;
      const comments = await tx.discussionComment.findMany({
        where: { topicId: topic.id, NOT: { hidden: true, moderatedAt: { not: null } } },
        select: { decision: true, decisionReason: true },
      });
      const left = comments.filter(lacksDecision).length;
      const key = kind === 'discussion.review_overdue' ? 'discussions:staff.review_overdue' : 'discussions:staff.review_escalated';
      const text = (t: TFunction, locale: Locale) =>
        t(key, {
          title: inLocale(topic, 'title', locale),
          body: localName(topic.stateBody, locale),
          due: formatLocalDateTime(topic.reviewDueAt!),
          left,
          total: comments.length,
          days: escalationWorkingDays,
        });
      const notified = await sendStaffMessage(tx, i18n, await recipients(tx), { kind, subjectId: topic.id, occurrence: topic.reviewDueAt!.getTime(), text });
      await recordAudit(
        tx,
        { type: 'system' },
        { action: kind, entity: 'discussion_topic', entityId: topic.id, after: { reviewDueAt: topic.reviewDueAt, undecided: left, notified } },
      );
      return true;
    });
  }

  let overdue = 0;
  const late = await prisma.discussionTopic.findMany({
    where: { ...waiting, reviewDueAt: { lt: at }, reviewOverdueAt: null },
    include: TOPIC_NAMES,
    orderBy: [{ reviewDueAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  for (const topic of late) {
    if (await mark(topic, 'reviewOverdueAt', 'discussion.review_overdue', (tx) => topicManagers(tx, topic.stateBodyId))) overdue += 1;
  }

  let escalated = 0;
  // n working days are at least n calendar days: older due times are a superset to check exactly.
  const cutoff = new Date(at.getTime() - escalationWorkingDays * DAY);
  const stale = await prisma.discussionTopic.findMany({
    where: { ...waiting, reviewDueAt: { lte: cutoff }, reviewOverdueAt: { not: null }, reviewEscalatedAt: null },
    include: TOPIC_NAMES,
    orderBy: [{ reviewDueAt: 'asc' }, { id: 'asc' }],
    take: batchSize,
  });
  if (stale.length > 0) {
    const cal = await calendar.calendar();
    for (const topic of stale) {
      if (cal.addWorkingDays(topic.reviewDueAt!, escalationWorkingDays).getTime() > at.getTime()) break;
      if (await mark(topic, 'reviewEscalatedAt', 'discussion.review_escalated', (tx) => activeWithRole(tx, 'admin'))) escalated += 1;
    }
  }
  return { closed, overdue, escalated };
}
