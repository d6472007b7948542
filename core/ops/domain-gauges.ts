// The figures an operations team alerts on, as the domain defines them: open and overdue reports
// (core/reports/report-status.ts), questions whose answer is past its deadline (question-deadlines.ts:
// a first answer past its due time, a follow-up past the topic's working days), and discussions waiting
// for their review (closed, not yet reviewed), with those past the review's due time.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { CalendarService } from '../calendar/calendar-service.ts';
import { PENDING_STATES, pendingDue } from '../consultations/question-deadlines.ts';
import { OPEN_STATUSES } from '../reports/report-status.ts';

export interface DomainGauges {
  openReports: number;
  overdueReports: number;
  questionsPastDeadline: number;
  discussionsAwaitingReview: number;
  discussionsReviewOverdue: number;
}

const DAY = 86_400_000;

export async function domainGauges(prisma: PrismaClient, calendar: CalendarService, now: Date): Promise<DomainGauges> {
  const openReports = await prisma.report.count({ where: { status: { in: OPEN_STATUSES } } });
  const overdueReports = await prisma.report.count({ where: { status: { in: OPEN_STATUSES }, dueAt: { lt: now } } });
  const firstAnswersLate = await prisma.question.count({ where: { state: { in: PENDING_STATES }, firstAnsweredAt: null, dueAt: { lt: now } } });
  // Follow-ups: n working days are at least n calendar days, so only those older than that are checked exactly.
  const followUps = await prisma.question.findMany({
    where: { state: { in: PENDING_STATES }, firstAnsweredAt: { not: null }, followUpAt: { not: null, lt: new Date(now.getTime() - DAY) } },
    select: { state: true, dueAt: true, firstAnsweredAt: true, followUpAt: true, topic: { select: { responseDays: true } } },
  });
  let followUpsLate = 0;
  if (followUps.length > 0) {
    const cal = await calendar.calendar();
    for (const q of followUps) {
      const due = pendingDue(q, Math.max(1, q.topic.responseDays), cal);
      if (due && due.getTime() < now.getTime()) followUpsLate += 1;
    }
  }
  const discussionsAwaitingReview = await prisma.discussionTopic.count({ where: { status: 'closed' } });
  const discussionsReviewOverdue = await prisma.discussionTopic.count({ where: { status: 'closed', reviewDueAt: { lt: now } } });
  return { openReports, overdueReports, questionsPastDeadline: firstAnswersLate + followUpsLate, discussionsAwaitingReview, discussionsReviewOverdue };
}
