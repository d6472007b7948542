// The record of Telegram updates being handled, shared by every bot instance (bot/middleware/once-per-update.ts
// explains why): the first instance to claim an update handles it; a claim whose holder died goes stale.
import { Prisma, type PrismaClient } from '../../generated/prisma/client.ts';
import type { UnitParts } from '../chat-state/chat-state.ts';
import { retryTransient } from '../db/transient.ts';

export interface UpdateClaims {
  /** true when `holder` now holds the update: nobody had it, or its claim went stale before `at - staleMs` */
  claim(id: bigint, holder: string, at: Date, staleMs: number): Promise<boolean>;
  /** whether the update was handled to the end (by anyone) */
  done(id: bigint): Promise<boolean>;
  /** gives up the holder's unfinished claim, so Telegram's next delivery is handled again */
  drop(id: bigint, holder: string): Promise<void>;
  finish(id: bigint, holder: string, at: Date): Promise<void>;
  /**
   * The same claim made inside a chat-state unit (core/chat-state): taken in the unit's read statement, marked
   * done (at `doneAt()`) or given up in its write statement, together with the chat's state.
   */
  inUnit(id: bigint, holder: string, at: Date, staleMs: number, doneAt: () => Date): NonNullable<UnitParts['claim']>;
}

const take = (id: bigint, holder: string, at: Date, staleMs: number) => Prisma.sql`
  INSERT INTO "BotUpdate" ("updateId", holder, "claimedAt") VALUES (${id}, ${holder}, ${at})
  ON CONFLICT ("updateId") DO UPDATE SET holder = EXCLUDED.holder, "claimedAt" = EXCLUDED."claimedAt"
    WHERE "BotUpdate"."doneAt" IS NULL AND "BotUpdate"."claimedAt" < ${new Date(at.getTime() - staleMs)}
  RETURNING "updateId"`;

// Each call waits out a database that is away for a moment: nothing has happened yet, so an update is
// handled late rather than dropped.
export function createUpdateClaims(prisma: PrismaClient): UpdateClaims {
  return {
    async claim(id, holder, at, staleMs) {
      const rows = await retryTransient(() => prisma.$queryRaw<Array<{ updateId: bigint }>>(take(id, holder, at, staleMs)));
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
    inUnit: (id, holder, at, staleMs, doneAt) => ({
      take: take(id, holder, at, staleMs),
      done: () => Prisma.sql`UPDATE "BotUpdate" SET "doneAt" = ${doneAt()} WHERE "updateId" = ${id} AND holder = ${holder}`,
      giveUp: Prisma.sql`DELETE FROM "BotUpdate" WHERE "updateId" = ${id} AND holder = ${holder} AND "doneAt" IS NULL`,
    }),
  };
}
