// Nightly clean-up: expired staff sessions, chat state nobody has touched for months, job runs older than the
// history kept (core/ops/job-runs.ts), and the record of handled Telegram updates once Telegram can no longer send
// them again (it keeps an update 24 hours).
import type { PrismaClient } from '../generated/prisma/client.ts';
import { pruneJobRuns } from '../core/ops/job-runs.ts';
import type { Job } from './scheduler.ts';

export function createHousekeepingJob({
  prisma,
  now = () => new Date(),
  staleDays = 180,
}: {
  prisma: PrismaClient;
  now?: () => Date;
  staleDays?: number;
}): Job {
  return {
    name: 'housekeeping',
    schedule: '17 3 * * *',
    async run() {
      const at = now();
      const sessions = await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: at } } });
      const chats = await prisma.botSession.deleteMany({ where: { updatedAt: { lt: new Date(at.getTime() - staleDays * 86_400_000) } } });
      const jobRuns = await pruneJobRuns(prisma, at);
      const updates = await prisma.botUpdate.deleteMany({ where: { claimedAt: { lt: new Date(at.getTime() - 2 * 86_400_000) } } });
      return { expiredStaffSessions: sessions.count, staleChatStates: chats.count, oldJobRuns: jobRuns, handledUpdates: updates.count };
    },
  };
}
