// First-response deadlines of questions (ConsultationTopic.responseDays working days, 2 by default): a
// question with no first answer past its due time, or a follow-up left unanswered that many working
// days, is announced once to its holder (or, unheld, to every consultant of its scope); escalated once
// to the admins `escalationWorkingDays` working days later. An answer clears both marks (question-staff),
// so the next follow-up runs its own deadline. Each mark is also kept in the thread and the audit log.
import type { TFunction } from 'i18next';
import type { ConsultationTopic, Prisma, Question, StaffUser } from '../../generated/prisma/client.ts';
import type { QuestionState } from '../../generated/prisma/enums.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { Tx } from '../db/tx.ts';
import type { ReportDeadlineDeps } from '../reports/report-deadlines.ts';
import { formatDue } from '../reports/staff-notify.ts';
import { activeWithRole } from '../staff/staff-messages.ts';
import { consultantsFor, notifyAboutQuestion, type NamedQuestion } from './question-staff-notify.ts';

/** A question waits for a consultant in these states; answered and closed ones run no deadline. */
export const PENDING_STATES: QuestionState[] = ['waiting', 'claimed'];

const DAY = 86_400_000;

/**
 * When the pending answer is due: the first answer by `dueAt` (fixed when asked), a follow-up the
 * topic's working days after it was asked; null when nothing waits for an answer.
 */
export function pendingDue(q: Pick<Question, 'state' | 'dueAt' | 'firstAnsweredAt' | 'followUpAt'>, responseDays: number, cal: WorkingCalendar): Date | null {
  if (!PENDING_STATES.includes(q.state)) return null;
  if (q.firstAnsweredAt == null) return q.dueAt;
  return q.followUpAt ? cal.addWorkingDays(q.followUpAt, responseDays) : null;
}

/** The same settings as the reports' deadlines; escalationWorkingDays is QUESTION_ESCALATION_WORKING_DAYS. */
export type QuestionDeadlineDeps = ReportDeadlineDeps;

export interface QuestionDeadlineRun {
  overdue: number;
  escalated: number;
}

type Flag = 'overdueNotifiedAt' | 'escalatedAt';

export async function processQuestionDeadlines({
  prisma,
  calendar,
  i18n,
  now = () => new Date(),
  escalationWorkingDays,
  batchSize = 200,
}: QuestionDeadlineDeps): Promise<QuestionDeadlineRun> {
  const at = now();
  const cal = await calendar.calendar();
  const run: QuestionDeadlineRun = { overdue: 0, escalated: 0 };
  const escalation = Math.max(0, escalationWorkingDays);

  /**
   * Marks one question and tells its people in one transaction. The mark is a conditional update on
   * the state it was found in, so a second run, or an answer in between, leaves nothing to do.
   */
  async function mark(q: NamedQuestion, due: Date, flag: Flag, recipients: (tx: Tx) => Promise<StaffUser[]>) {
    const type = flag === 'overdueNotifiedAt' ? 'overdue' : 'escalated';
    const followUp = q.firstAnsweredAt != null;
    return prisma.$transaction(async (tx) => {
      const taken = await tx.question.updateMany({
        where: { id: q.id, [flag]: null, state: { in: PENDING_STATES }, firstAnsweredAt: followUp ? { not: null } : null, followUpAt: q.followUpAt },
        data: { [flag]: at },
      });
      if (taken.count === 0) return false;
      const people = await recipients(tx);
      // only the escalation's headline names the holder
      const holder = type === 'escalated' && q.consultantId != null ? await tx.staffUser.findUnique({ where: { id: q.consultantId } }) : null;
      const headline = (t: TFunction) =>
        type === 'overdue'
          ? t(followUp ? 'consultations:staff.followup_overdue' : 'consultations:staff.overdue', { number: q.number, due: formatDue(due) })
          : t('consultations:staff.escalated', {
              number: q.number,
              due: formatDue(due),
              days: escalation,
              holder: holder?.fullName ?? t('consultations:staff.nobody'),
            });
      const notified = await notifyAboutQuestion(tx, i18n, people, { kind: `question.${type}`, question: q, occurrence: due.getTime(), headline });
      const data = { due: due.toISOString(), followUp, notified, ...(type === 'escalated' ? { workingDays: escalation } : {}) };
      await tx.questionMessage.create({ data: { questionId: q.id, at, kind: type, authorType: 'system', data } });
      await recordAudit(tx, { type: 'system' }, { action: `question.${type}`, entity: 'question', entityId: q.id, after: data });
      return true;
    });
  }

  /**
   * Questions of one kind whose pending answer is due (overdue) or due `escalation` working days ago.
   * `since` is the instant the clock runs from; n working days are at least n calendar days, so an
   * earlier `since` than the cutoff is a superset checked exactly, in order, stopping at the first not due.
   */
  async function sweep(where: Prisma.QuestionWhereInput, since: 'dueAt' | 'followUpAt', calendarDays: number, responseDays: (q: NamedQuestion) => number) {
    for (const flag of ['overdueNotifiedAt', 'escalatedAt'] as const) {
      const extra = flag === 'escalatedAt' ? escalation : 0;
      const cutoff = new Date(at.getTime() - (calendarDays + extra) * DAY);
      const found = await prisma.question.findMany({
        where: { ...where, state: { in: PENDING_STATES }, [flag]: null, [since]: { lt: cutoff } },
        include: { topic: true },
        orderBy: [{ [since]: 'asc' }, { id: 'asc' }],
        take: batchSize,
      });
      for (const q of found) {
        const due = pendingDue(q, responseDays(q), cal)!;
        const when = flag === 'escalatedAt' ? cal.addWorkingDays(due, escalation) : due;
        if (when.getTime() > at.getTime()) break;
        const ok = await mark(q, due, flag, flag === 'overdueNotifiedAt' ? (tx) => consultantsFor(tx, q) : (tx) => activeWithRole(tx, 'admin'));
        if (ok) run[flag === 'overdueNotifiedAt' ? 'overdue' : 'escalated'] += 1;
      }
    }
  }

  // First answers: the due time was fixed when the question was asked.
  await sweep({ firstAnsweredAt: null }, 'dueAt', 0, (q) => q.topic.responseDays);
  // Follow-ups: per topic, since their deadline runs from the follow-up by the topic's working days.
  const topics: ConsultationTopic[] = await prisma.consultationTopic.findMany({ orderBy: { id: 'asc' } });
  for (const topic of topics) {
    const days = Math.max(1, topic.responseDays);
    await sweep({ topicId: topic.id, firstAnsweredAt: { not: null }, followUpAt: { not: null } }, 'followUpAt', days, () => days);
  }
  return run;
}
