// Keeps the consultation topics' staff groups in step with their questions
// (core/consultations/question-staff-chat.ts), every 15 seconds under a lease, like the report groups.
import type { Job } from './scheduler.ts';

/** `run`: one sync (services.consultations.staffChat.sync). */
export function createQuestionChatSyncJob(run: () => Promise<unknown>): Job {
  return { name: 'question-chat-sync', schedule: '*/15 * * * * *', leaseMs: 2 * 60_000, run };
}
