// The raw-SQL port (core/db/raw-sql.ts): what Prisma wrote reads back the same through it, a statement never
// joins another caller's open transaction, and a named statement runs again (also after a migration).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.ts';
import { createChatState } from '../core/chat-state/chat-state.ts';
import { createPgPool, pgRawSql } from '../core/db/raw-sql-pg.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';

describe.each(dbTargets)('raw SQL beside Prisma (%s)', (target) => {
  const t = useTestDb(target, { seed: false });
  // Away from UTC (Almaty, +05), where a driver's local-time default would shift every time read or written.
  const tz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Asia/Almaty';
  });
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it('reads Prisma’s rows with the types its callers expect: UTC times, bigint, json, numbers', async () => {
    const claimedAt = new Date('2026-03-01T23:30:45.123Z');
    await t.db.prisma.botUpdate.create({ data: { updateId: 9_007_199_254_740_993n, holder: 'a', claimedAt } });
    const [row] = await t.db.sql.query<{ updateId: bigint; claimedAt: Date; doneAt: Date | null; day: Date; j: unknown; n: number; before: boolean }>(
      `SELECT "updateId", "claimedAt", "doneAt", "claimedAt"::date AS day, json_build_object('a', 1) AS j, count(*) OVER ()::int AS n,
              "claimedAt" < $1 AS before
       FROM "BotUpdate" WHERE "updateId" = $2`,
      [new Date('2026-03-01T23:30:46Z'), 9_007_199_254_740_993n],
    );
    expect(row).toEqual({
      updateId: 9_007_199_254_740_993n,
      claimedAt,
      doneAt: null,
      day: new Date('2026-03-01T00:00:00Z'),
      j: { a: 1 },
      n: 1,
      before: true,
    });
    // A Date written through the port is the instant Prisma reads back.
    await t.db.sql.query(`UPDATE "BotUpdate" SET "doneAt" = $1 WHERE holder = ANY($2::text[])`, [claimedAt, ['a', 'b']]);
    expect((await t.db.prisma.botUpdate.findFirstOrThrow()).doneAt).toEqual(claimedAt);
  });

  it('runs a statement after another caller’s open transaction, never inside it', async () => {
    let inside!: () => void;
    const begun = new Promise<void>((resolve) => (inside = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tx = t.db.prisma.$transaction(async (p) => {
      await p.botUpdate.create({ data: { updateId: 1n, holder: 'tx' } });
      inside();
      await held;
      throw new Error('rolled back');
    });
    await begun;
    // On PostgreSQL it runs at once on another connection; on PGlite it waits for the transaction to end.
    const seen = t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "BotUpdate" WHERE holder = 'tx'`);
    release();
    await expect(tx).rejects.toThrow('rolled back');
    expect(await seen).toEqual([{ n: 0 }]);
    expect(await t.db.prisma.botUpdate.count({ where: { holder: 'tx' } })).toBe(0);
  });

  // PGlite has no named statements (the port ignores the name): only PostgreSQL's side can get this wrong.
  it.runIf(target === 'postgres')('prepares a named statement once on its connection and runs it again with other values', async () => {
    const pool = createPgPool(t.db.url!, 1);
    const sql = pgRawSql(pool);
    const text = 'SELECT $1::int + 1 AS n';
    try {
      expect(await sql.query(text, [1], { name: 'raw-sql-test-plus-one' })).toEqual([{ n: 2 }]);
      expect(await sql.query(text, [41], { name: 'raw-sql-test-plus-one' })).toEqual([{ n: 42 }]);
      const prepared = await sql.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [text]);
      expect(prepared).toEqual([{ name: 'raw-sql-test-plus-one' }]);
    } finally {
      await pool.end();
    }
  });

  it('runs a prepared statement that reads `*` again after a migration added a column, with the column', async () => {
    await t.db.sql.query(`CREATE TABLE scratch_star (id int PRIMARY KEY)`);
    await t.db.sql.query(`INSERT INTO scratch_star VALUES (1)`);
    // One connection, so the second run meets the plan the first one prepared (on PostgreSQL a pool of one).
    const pool = target === 'postgres' ? createPgPool(t.db.url!, 1) : null;
    const sql = pool ? pgRawSql(pool) : t.db.sql;
    // The chat-state unit's read, as the app makes it (PREPAREd in SQL on PGlite, named by the port on PostgreSQL).
    const state = createChatState({ prisma: t.db.prisma, sql, prepareInSql: target === 'pglite' });
    const unitRow = () => state.unit([], async (start) => start.row, { row: Prisma.sql`SELECT * FROM scratch_star` });
    const named = () => sql.query('SELECT * FROM scratch_star', [], { name: 'raw-sql-test-star' });
    try {
      expect(await unitRow()).toEqual({ id: 1 });
      if (pool) expect(await named()).toEqual([{ id: 1 }]);
      await t.db.sql.query(`ALTER TABLE scratch_star ADD COLUMN note text DEFAULT 'added'`);
      expect(await unitRow()).toEqual({ id: 1, note: 'added' });
      if (pool) expect(await named()).toEqual([{ id: 1, note: 'added' }]);
      // and on, under the statement's new name
      if (pool) expect(await named()).toEqual([{ id: 1, note: 'added' }]);
    } finally {
      await pool?.end();
    }
  });
});
