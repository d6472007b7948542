// grammY session and conversation state in the BotSession table, so a restart loses no one's progress.
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface KeyValueStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * `prefix` separates sessions from conversation state in one table. Identical rewrites are skipped:
 * grammY writes the session after every update, and most updates do not change it.
 */
export function createDbStorage<T>(prisma: PrismaClient, prefix = ''): KeyValueStorage<T> {
  const lastWritten = new Map<string, string>();
  const remember = (key: string, json: string) => {
    lastWritten.delete(key);
    lastWritten.set(key, json);
    if (lastWritten.size > 5000) lastWritten.delete(lastWritten.keys().next().value as string);
  };
  return {
    async read(key) {
      const row = await prisma.botSession.findUnique({ where: { key: prefix + key } });
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
      await prisma.botSession.upsert({ where: { key: prefix + key }, create: { key: prefix + key, value: data }, update: { value: data } });
      remember(key, json);
    },
    async delete(key) {
      lastWritten.delete(key);
      await prisma.botSession.deleteMany({ where: { key: prefix + key } });
    },
  };
}
