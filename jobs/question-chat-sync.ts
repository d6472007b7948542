// Keeps the consultation topics' staff groups in step with their questions
// (core/consultations/question-staff-chat.ts), every 15 seconds under a lease, like the report groups.
import { syncQuestionChats, type QuestionChatSyncDeps } from '../core/consultations/question-staff-chat.ts';
import type { Job } from './scheduler.ts';

export function createQuestionChatSyncJob(deps: QuestionChatSyncDeps): Job {
  return {
    name: 'question-chat-sync',
    schedule: '*/15 * * * * *',
    leaseMs: 2 * 60_000,
    run: () => syncQuestionChats(deps),
  };
}
