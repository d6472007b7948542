// A database away for a moment: which errors say so, and the bot's state storage waiting it out instead of
// losing a write (which would leave a conversation a step behind what the citizen was shown).
import { describe, expect, it } from 'vitest';
import { createChatState } from '../core/chat-state/chat-state.ts';
import type { RawSql } from '../core/db/raw-sql.ts';
import { isTransientDbError, retryTransient } from '../core/db/transient.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

const killed = Object.assign(new Error('Raw query failed.'), {
  meta: { driverAdapterError: { cause: { originalCode: '57P01', originalMessage: 'x' }, message: 'terminating connection due to administrator command' } },
});
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const closing = Object.assign(new Error('Raw query failed. Code: `55000`. Message: `database "x" is not currently accepting connections`'), {});

describe('a database away for a moment', () => {
  it('is told apart from errors that a retry would only repeat', () => {
    for (const e of [killed, refused, closing, { code: '57P03', message: 'the database system is starting up' }, { code: '08006' }])
      expect(isTransientDbError(e), String((e as Error).message)).toBe(true);
    for (const e of [new Error('Unique constraint failed on the fields: (`number`)'), { code: '23505' }, { code: 'P2002' }, new Error('report.closed')])
      expect(isTransientDbError(e)).toBe(false);
  });

  it('is waited out by retryTransient, which gives up on other errors at once', async () => {
    let calls = 0;
    expect(await retryTransient(async () => (++calls < 3 ? Promise.reject(killed) : 'ok'))).toBe('ok');
    expect(calls).toBe(3);
    calls = 0;
    await expect(retryTransient(async () => (++calls, Promise.reject(new Error('bad input'))))).rejects.toThrow('bad input');
    expect(calls).toBe(1);
  });

  it('does not make the bot lose a conversation state written while the connection was being re-established', async () => {
    const rows = new Map<string, unknown>();
    let failures = 2;
    // The storage's raw statements (core/db/raw-sql.ts): an upsert of (key, JSON text) and a read by key.
    const sql: RawSql = {
      query: async <T extends object>(text: string, values: readonly unknown[] = []) => {
        const [key, json] = values as [string, string];
        if (text.trimStart().startsWith('SELECT')) return (rows.has(key) ? [{ value: rows.get(key) }] : []) as T[];
        if (failures-- > 0) throw killed;
        rows.set(key, JSON.parse(json));
        return [] as T[];
      },
    };
    const storage = createChatState({ prisma: {} as PrismaClient, sql }).store<{ step: number }>('c:');
    await storage.write('42', { step: 3 });
    expect(await storage.read('42')).toEqual({ step: 3 });
  });
});
