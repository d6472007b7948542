// Every 15 minutes: questions whose first answer (or a follow-up's answer) is overdue are announced to
// their consultants, long-overdue ones escalated to admins (core/consultations/question-deadlines.ts).
import type { Job } from './scheduler.ts';

/** `run`: one pass (services.consultations.processDeadlines). */
export function createQuestionDeadlinesJob(run: () => Promise<unknown>): Job {
  return { name: 'question-deadlines', schedule: '*/15 * * * *', run };
}
