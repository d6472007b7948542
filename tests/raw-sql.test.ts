// The raw-SQL port (core/db/raw-sql.ts): what Prisma wrote reads back the same through it, a statement never
// joins another caller's open transaction, and a named statement runs again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('runs a named statement again with other values', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect(await t.db.sql.query(text, [1], { name: 'raw-sql-test-plus-one' })).toEqual([{ n: 2 }]);
    expect(await t.db.sql.query(text, [41], { name: 'raw-sql-test-plus-one' })).toEqual([{ n: 42 }]);
  });
});
