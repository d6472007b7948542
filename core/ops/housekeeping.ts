// Nightly clean-up: expired staff sessions, chat state nobody has touched for months, job runs older than the
// history kept (core/ops/job-runs.ts), and the record of handled Telegram updates once Telegram can no longer send
// them again (it keeps an update 24 hours).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { pruneJobRuns } from './job-runs.ts';

export interface HousekeepingResult {
  expiredStaffSessions: number;
  staleChatStates: number;
  oldJobRuns: number;
  handledUpdates: number;
}

export async function housekeeping(prisma: PrismaClient, at: Date, staleDays: number): Promise<HousekeepingResult> {
  const sessions = await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: at } } });
  const chats = await prisma.botSession.deleteMany({ where: { updatedAt: { lt: new Date(at.getTime() - staleDays * 86_400_000) } } });
  const jobRuns = await pruneJobRuns(prisma, at);
  const updates = await prisma.botUpdate.deleteMany({ where: { claimedAt: { lt: new Date(at.getTime() - 2 * 86_400_000) } } });
  return { expiredStaffSessions: sessions.count, staleChatStates: chats.count, oldJobRuns: jobRuns, handledUpdates: updates.count };
}

/** Chats with a conversation in progress: their state is stored under "c:" and removed when the last one ends. */
export async function activeConversations(prisma: PrismaClient): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "BotSession" WHERE key LIKE 'c:%'`;
  return Number(row?.n ?? 0);
}
