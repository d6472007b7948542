// Every minute: discussions close at their end, overdue reviews are flagged and escalated
// (core/discussions/discussion-deadlines.ts). A comment's own check of the clock keeps the end exact to
// the second; the minute is how late the status and the staff notices may be.
import type { Job } from './scheduler.ts';

/** `run`: one pass (services.discussions.processDeadlines). */
export function createDiscussionDeadlinesJob(run: () => Promise<unknown>): Job {
  return { name: 'discussion-deadlines', schedule: '* * * * *', run };
}
