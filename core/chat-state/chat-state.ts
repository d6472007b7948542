// The bot's key-value state in the BotSession table: grammY sessions ('s:'), conversation state ('c:') and
// the staff groups' pending notes ('sg:'), so a restart loses no one's progress. The prefixes are stored
// names: never change one. Reads and writes wait out a database that is away for a moment (restart,
// failover): the state is written after the update's messages went out, and a lost write would leave the
// conversation a step behind what the citizen sees; a read that waits lets the update be handled late
// rather than dropped.
import type { Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { retryTransient } from '../db/transient.ts';

export interface KeyValueStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ChatState {
  /** A store whose keys all start with `prefix`; each store remembers its own last writes. */
  store<T>(prefix: string): KeyValueStorage<T>;
}

export function createChatState({ prisma }: { prisma: PrismaClient }): ChatState {
  return { store: (prefix) => createDbStorage(prisma, prefix) };
}

/**
 * `prefix` separates sessions from conversation state in one table. Identical rewrites are skipped:
 * grammY writes the session after every update, and most updates do not change it.
 */
function createDbStorage<T>(prisma: PrismaClient, prefix: string): KeyValueStorage<T> {
  const lastWritten = new Map<string, string>();
  const remember = (key: string, json: string) => {
    lastWritten.delete(key);
    lastWritten.set(key, json);
    if (lastWritten.size > 5000) lastWritten.delete(lastWritten.keys().next().value as string);
  };
  return {
    async read(key) {
      const row = await retryTransient(() => prisma.botSession.findUnique({ where: { key: prefix + key } }));
      if (!row) {
        lastWritten.delete(key);
        return undefined;
      }
      remember(key, JSON.stringify(row.value));
      return row.value as T;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      if (lastWritten.get(key) === json) return;
      const data = JSON.parse(json) as Prisma.InputJsonValue;
      await retryTransient(() =>
        prisma.botSession.upsert({ where: { key: prefix + key }, create: { key: prefix + key, value: data }, update: { value: data } }),
      );
      remember(key, json);
    },
    async delete(key) {
      lastWritten.delete(key);
      await retryTransient(() => prisma.botSession.deleteMany({ where: { key: prefix + key } }));
    },
  };
}
