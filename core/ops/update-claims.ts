// The record of Telegram updates being handled, shared by every bot instance (bot/middleware/once-per-update.ts
// explains why): the first instance to claim an update handles it; a claim whose holder died goes stale.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { retryTransient } from '../db/transient.ts';

export interface UpdateClaims {
  /** true when `holder` now holds the update: nobody had it, or its claim went stale before `at - staleMs` */
  claim(id: bigint, holder: string, at: Date, staleMs: number): Promise<boolean>;
  /** whether the update was handled to the end (by anyone) */
  done(id: bigint): Promise<boolean>;
  /** gives up the holder's unfinished claim, so Telegram's next delivery is handled again */
  drop(id: bigint, holder: string): Promise<void>;
  finish(id: bigint, holder: string, at: Date): Promise<void>;
}

// Each call waits out a database that is away for a moment: nothing has happened yet, so an update is
// handled late rather than dropped.
export function createUpdateClaims(prisma: PrismaClient): UpdateClaims {
  return {
    async claim(id, holder, at, staleMs) {
      const rows = await retryTransient(
        () => prisma.$queryRaw<Array<{ updateId: bigint }>>`
          INSERT INTO "BotUpdate" ("updateId", holder, "claimedAt") VALUES (${id}, ${holder}, ${at})
          ON CONFLICT ("updateId") DO UPDATE SET holder = EXCLUDED.holder, "claimedAt" = EXCLUDED."claimedAt"
            WHERE "BotUpdate"."doneAt" IS NULL AND "BotUpdate"."claimedAt" < ${new Date(at.getTime() - staleMs)}
          RETURNING "updateId"`,
      );
      return rows.length === 1;
    },
    async done(id) {
      const row = await retryTransient(() => prisma.botUpdate.findUnique({ where: { updateId: id }, select: { doneAt: true } }));
      return row?.doneAt != null;
    },
    async drop(id, holder) {
      await prisma.botUpdate.deleteMany({ where: { updateId: id, holder, doneAt: null } });
    },
    async finish(id, holder, at) {
      await retryTransient(() => prisma.botUpdate.updateMany({ where: { updateId: id, holder }, data: { doneAt: at } }));
    },
  };
}
