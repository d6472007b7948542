// Nightly clean-up: expired staff sessions, chat state nobody has touched for months, job runs older than the
// history kept (job-runs.ts), and the record of handled Telegram updates once Telegram can no longer send
// them again (it keeps an update 24 hours).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { pruneJobRuns } from './job-runs.ts';

export interface HousekeepingRun {
  expiredStaffSessions: number;
  staleChatStates: number;
  oldJobRuns: number;
  handledUpdates: number;
}

const DAY = 86_400_000;

export async function housekeeping(prisma: PrismaClient, at: Date, staleDays = 180): Promise<HousekeepingRun> {
  const sessions = await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: at } } });
  const chats = await prisma.botSession.deleteMany({ where: { updatedAt: { lt: new Date(at.getTime() - staleDays * DAY) } } });
  const jobRuns = await pruneJobRuns(prisma, at);
  const updates = await prisma.botUpdate.deleteMany({ where: { claimedAt: { lt: new Date(at.getTime() - 2 * DAY) } } });
  return { expiredStaffSessions: sessions.count, staleChatStates: chats.count, oldJobRuns: jobRuns, handledUpdates: updates.count };
}
