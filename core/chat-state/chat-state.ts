// The bot's key-value state in the BotSession table: grammY sessions ('s:'), conversation state ('c:') and
// the staff groups' pending notes ('sg:'), so a restart loses no one's progress. The prefixes are stored
// names: never change one. Reads and writes wait out a database that is away for a moment (restart,
// failover): the state is written after the update's messages went out, and a lost write would leave the
// conversation a step behind what the citizen sees; a read that waits lets the update be handled late
// rather than dropped.
//
// Values are written as `jsonb` by raw SQL: Prisma's Json walks a value twice and cost 3–4 times the CPU of
// the statement (issue 23). Inside a `unit` (one update of the bot) the keys it names are read in one
// statement at its start and every write and delete is made in one statement at its end, instead of a
// statement per read and per write.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { retryTransient } from '../db/transient.ts';

export interface KeyValueStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ChatState {
  /** A store whose keys all start with `prefix`; each store remembers its own last writes. */
  store<T>(prefix: string): KeyValueStorage<T>;
  /**
   * Runs `fn` as one unit: the rows of `keys` (full keys, prefix included) are read together first, and what
   * the stores write or delete meanwhile is written together when `fn` has finished (also when it threw).
   * Callers make sure no other unit works on the same keys at once (the bot handles a chat's updates in turn).
   */
  unit<R>(keys: string[], fn: () => Promise<R>): Promise<R>;
}

interface Unit {
  /** rows read at the start: a key's value, or null when it has no row */
  read: Map<string, unknown>;
  /** the last write (JSON text) or delete (null) of each key */
  pending: Map<string, string | null>;
  /** what the stores remember once the writes are made */
  written: Array<() => void>;
}

export function createChatState({ prisma }: { prisma: PrismaClient }): ChatState {
  const units = new AsyncLocalStorage<Unit>();

  async function readMany(keys: string[]): Promise<Map<string, unknown>> {
    const rows = await retryTransient(
      () => prisma.$queryRaw<Array<{ key: string; value: unknown }>>`
      SELECT key, value FROM "BotSession" WHERE key = ANY(${keys}::text[])`,
    );
    const found = new Map<string, unknown>(keys.map((k) => [k, null]));
    for (const r of rows) found.set(r.key, r.value);
    return found;
  }

  async function writeMany(pending: Map<string, string | null>): Promise<void> {
    const written = [...pending].filter((e): e is [string, string] => e[1] !== null);
    const deleted = [...pending].filter(([, v]) => v === null).map(([k]) => k);
    if (written.length === 0 && deleted.length === 0) return;
    const keys = written.map(([k]) => k);
    const values = written.map(([, v]) => v);
    // Upserts and deletes in one statement (a data-modifying WITH): one round trip, one transaction.
    await retryTransient(
      () => prisma.$executeRaw`
      WITH upserted AS (
        INSERT INTO "BotSession" (key, value, "updatedAt")
        SELECT k, v::jsonb, now() FROM unnest(${keys}::text[], ${values}::text[]) AS t(k, v)
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"
        RETURNING 1
      )
      DELETE FROM "BotSession" WHERE key = ANY(${deleted}::text[])`,
    );
  }

  return {
    store: <T>(prefix: string) => createDbStorage<T>(prisma, prefix, () => units.getStore()),
    async unit(keys, fn) {
      const unit: Unit = { read: keys.length ? await readMany(keys) : new Map(), pending: new Map(), written: [] };
      try {
        return await units.run(unit, fn);
      } finally {
        await writeMany(unit.pending);
        for (const done of unit.written) done();
      }
    },
  };
}

/**
 * `prefix` separates sessions from conversation state in one table. Identical rewrites are skipped:
 * grammY writes the session after every update, and most updates do not change it.
 */
function createDbStorage<T>(prisma: PrismaClient, prefix: string, unitNow: () => Unit | undefined): KeyValueStorage<T> {
  const lastWritten = new Map<string, string>();
  const remember = (key: string, json: string) => {
    lastWritten.delete(key);
    lastWritten.set(key, json);
    if (lastWritten.size > 5000) lastWritten.delete(lastWritten.keys().next().value as string);
  };
  return {
    async read(key) {
      const full = prefix + key;
      const unit = unitNow();
      // A key the unit read at its start (or wrote since) is answered from there.
      let value: unknown;
      if (unit?.pending.has(full)) {
        const json = unit.pending.get(full)!;
        return json === null ? undefined : (JSON.parse(json) as T);
      }
      if (unit?.read.has(full)) value = unit.read.get(full);
      else {
        const rows = await retryTransient(() => prisma.$queryRaw<Array<{ value: unknown }>>`SELECT value FROM "BotSession" WHERE key = ${full}`);
        value = rows[0]?.value ?? null;
      }
      if (value === null || value === undefined) {
        lastWritten.delete(key);
        return undefined;
      }
      remember(key, JSON.stringify(value));
      return value as T;
    },
    async write(key, value) {
      const json = JSON.stringify(value);
      if (lastWritten.get(key) === json) return;
      const unit = unitNow();
      if (unit) {
        unit.pending.set(prefix + key, json);
        unit.written.push(() => remember(key, json));
        return;
      }
      await retryTransient(
        () => prisma.$executeRaw`
        INSERT INTO "BotSession" (key, value, "updatedAt") VALUES (${prefix + key}, ${json}::jsonb, now())
        ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = EXCLUDED."updatedAt"`,
      );
      remember(key, json);
    },
    async delete(key) {
      lastWritten.delete(key);
      const unit = unitNow();
      if (unit) unit.pending.set(prefix + key, null);
      else await retryTransient(() => prisma.$executeRaw`DELETE FROM "BotSession" WHERE key = ${prefix + key}`);
    },
  };
}
