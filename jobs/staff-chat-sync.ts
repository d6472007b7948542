// Keeps the departments' staff groups in step with their reports (core/reports/staff-chat.ts).
// A cron job every 15 seconds rather than a loop of its own: the scheduler already gives it a lease
// (one instance posts, so nothing is posted twice), no overlap and a graceful stop; a quarter-minute is
// quick enough for a group, and each run stays within Telegram's 20 messages a minute per group.
import type { Logger } from 'pino';
import type { ChatPort } from '../core/outbox/chat-port.ts';
import type { ReportStaffChat } from '../core/reports/staff-chat.ts';
import type { Job } from './scheduler.ts';

export function createStaffChatSyncJob(staffChat: ReportStaffChat, chat: ChatPort, logger: Logger): Job {
  return {
    name: 'staff-chat-sync',
    schedule: '*/15 * * * * *',
    // a run makes a handful of calls; a lease this short lets another instance take over soon after a crash
    leaseMs: 2 * 60_000,
    run: () => staffChat.sync(chat, logger),
  };
}
