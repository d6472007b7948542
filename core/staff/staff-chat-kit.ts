// What every staff Telegram group shares, whether it follows a department's reports or a topic's
// questions: who a Telegram user is in Azamat, and the sync that posts new records and edits changed
// posts (through a ChatPort, core/outbox/chat-port.ts), stopping at flood control or a group the bot has
// lost.
import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Locale } from '../i18n/i18n.ts';
import { asChatFailure } from '../outbox/chat-port.ts';
import type { StaffPrincipal } from './scope.ts';
import { toPrincipal } from './staff-service.ts';

/** One language for everyone in a group; a per-group choice would need a column of its own. */
export const STAFF_CHAT_LOCALE: Locale = 'ru';

/** The active staff account linked to a Telegram user, if any. */
export async function linkedStaff(prisma: PrismaClient, telegramId: number): Promise<StaffPrincipal | null> {
  const user = await prisma.staffUser.findFirst({ where: { telegramId: BigInt(telegramId), active: true } });
  return user ? toPrincipal(user) : null;
}

/**
 * Runs one group's calls in order. A refusal is logged and counted, and the rest go on, unless the
 * group is gone (the rest of this group waits for the next run) or Telegram asks to slow down
 * (`flood`: the whole run should stop).
 */
async function runChatWork(
  logger: Logger,
  chat: { chatId: bigint; label: Record<string, unknown> },
  work: Array<() => Promise<void>>,
): Promise<{ failed: number; flood: boolean }> {
  let failed = 0;
  for (const step of work) {
    try {
      await step();
    } catch (e) {
      failed += 1;
      const failure = asChatFailure(e);
      const description = failure.message;
      if (failure.kind === 'flood') {
        logger.warn({ chatId: String(chat.chatId), description }, 'staff chat: flood control, the rest waits for the next run');
        return { failed, flood: true };
      }
      logger.warn({ chatId: String(chat.chatId), ...chat.label, description }, 'staff chat: Telegram refused; retried next run');
      if (failure.kind === 'gone') break;
    }
  }
  return { failed, flood: false };
}

export interface StaffChatSyncRun {
  posted: number;
  edited: number;
  failed: number;
}

/** One group and how to find and post its records (F) and its posts that fell behind (S). */
export interface ChatGroup<F, S> {
  chatId: bigint;
  /** for the log, e.g. { department: 'roads' } */
  label: Record<string, unknown>;
  /** records not posted here yet, oldest first, at most `limit` */
  fresh(limit: number): Promise<F[]>;
  post(record: F): Promise<void>;
  /** posts older than their record, at most `limit` */
  stale(limit: number): Promise<S[]>;
  refresh(post: S): Promise<void>;
}

/**
 * At most `perChatPerRun` calls per group: new records first (they are what a group is for), then
 * edits of posts that fell behind. Telegram lets a bot send about 20 messages a minute to one group.
 */
export async function syncChatGroups<F, S>(logger: Logger, groups: Array<ChatGroup<F, S>>, perChatPerRun: number): Promise<StaffChatSyncRun> {
  const run: StaffChatSyncRun = { posted: 0, edited: 0, failed: 0 };
  for (const g of groups) {
    const work: Array<() => Promise<void>> = [];
    const fresh = await g.fresh(perChatPerRun);
    for (const record of fresh) {
      work.push(async () => {
        await g.post(record);
        run.posted += 1;
      });
    }
    const room = perChatPerRun - fresh.length;
    for (const post of room > 0 ? await g.stale(room) : []) {
      work.push(async () => {
        await g.refresh(post);
        run.edited += 1;
      });
    }
    const done = await runChatWork(logger, g, work);
    run.failed += done.failed;
    if (done.flood) return run;
  }
  return run;
}
