// The bot's key-value state (core/chat-state): values stored as jsonb, and a unit (one update of the bot)
// that reads the keys it names in one statement and writes what changed in one, whatever the stores did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.ts';
import { createChatState, sqlLiteral, type ChatState } from '../core/chat-state/chat-state.ts';
import { createCitizenService } from '../core/citizens/citizen-service.ts';
import { createUpdateClaims } from '../core/ops/update-claims.ts';
import { createReportDrafts } from '../core/reports/report-drafts.ts';
import type { ReportService } from '../core/reports/report-service.ts';
import { countingDatabase, type CountingDatabase } from './helpers/counting-db.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';

describe.each(dbTargets)('chat state (%s)', (target) => {
  let t: TestDb;
  let counting: CountingDatabase;
  let state: ChatState;

  beforeAll(async () => {
    t = await createTestDb(target, { seed: false });
    counting = countingDatabase(t.db);
    // As the app makes it (core/services.ts): through the raw-SQL port, PREPAREd on PGlite.
    state = createChatState({ prisma: counting.db.prisma, sql: counting.db.sql, prepareInSql: target === 'pglite' });
  });
  afterAll(async () => {
    await counting?.db.close();
    await t?.drop();
  });

  const row = async (key: string) => (await t.db.prisma.botSession.findUnique({ where: { key } }))?.value;

  it('keeps a value as it was written, and forgets a deleted one', async () => {
    const store = state.store<{ step: string; ids: number[] }>('c:');
    await store.write('1', { step: 'place', ids: [3, 1] });
    expect(await row('c:1')).toEqual({ step: 'place', ids: [3, 1] });
    expect(await state.store('c:').read('1')).toEqual({ step: 'place', ids: [3, 1] });
    await store.delete('1');
    expect(await store.read('1')).toBeUndefined();
    // Quotes and backslashes in a value, in a key and in a unit's array of keys reach the database as they were.
    const odd = { step: `it's "quoted" \\ back\\slash'); DROP TABLE "BotSession"; --`, ids: [] };
    await state.unit([`c:o'"\\`], async () => {
      await store.write(`o'"\\`, odd);
    });
    expect(await row(`c:o'"\\`)).toEqual(odd);
    expect(await state.store('c:').read(`o'"\\`)).toEqual(odd);
    // Every kind of value a unit's statement binds comes back as it went: on PGlite as EXECUTE's literals, which
    // must not depend on standard_conforming_strings (a backslash before a quote would end the string early).
    const at = new Date('2026-03-01T23:30:45.123Z');
    const slashQuote = `a\\'b`;
    const echoed = Prisma.sql`SELECT ${at}::timestamp AS at, ${9_007_199_254_740_993n}::int8 AS big, ${false}::boolean AS no,
      ${['x', null, slashQuote]}::text[] AS list, ${slashQuote}::text AS text`;
    if (target === 'pglite') await t.db.sql.query('SET standard_conforming_strings = off');
    try {
      expect(await state.unit([], async (start) => start.row, { row: echoed })).toEqual({
        at,
        big: 9_007_199_254_740_993n,
        no: false,
        list: ['x', null, slashQuote],
        text: slashQuote,
      });
    } finally {
      if (target === 'pglite') await t.db.sql.query('SET standard_conforming_strings = on');
    }
    // and what it could not write faithfully is refused, never sent changed
    expect(() => sqlLiteral(Buffer.from('x'))).toThrow(TypeError);
    expect(() => sqlLiteral([[1, 2]])).toThrow(TypeError);
  });

  it('reads a unit’s keys in one statement and writes its changes in one', async () => {
    const sessions = state.store<{ locale: string }>('s:');
    const flows = state.store<{ n: number }>('c:');
    await sessions.write('2', { locale: 'kk' });
    await flows.write('2', { n: 1 });
    counting.reset();
    await state.unit(['s:2', 'c:2'], async () => {
      expect(await sessions.read('2')).toEqual({ locale: 'kk' });
      expect(await flows.read('2')).toEqual({ n: 1 });
      await flows.write('2', { n: 2 });
      // the unit's own write is what it reads back, before anything is written
      expect(await flows.read('2')).toEqual({ n: 2 });
      expect(await row('c:2')).toEqual({ n: 1 });
      await sessions.write('2', { locale: 'ru' });
    });
    expect(counting.count()).toBe(2);
    expect(await row('c:2')).toEqual({ n: 2 });
    expect(await row('s:2')).toEqual({ locale: 'ru' });
  });

  it('writes a unit’s deletes and writes even when its work failed', async () => {
    const flows = state.store<{ n: number }>('c:');
    const sessions = state.store<{ locale: string }>('s:');
    await flows.write('3', { n: 1 });
    await expect(
      state.unit(['s:3', 'c:3'], async () => {
        await flows.delete('3');
        expect(await flows.read('3')).toBeUndefined();
        await sessions.write('3', { locale: 'kk' });
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await row('c:3')).toBeUndefined();
    expect(await row('s:3')).toEqual({ locale: 'kk' });
  });

  it('claims the update and reads the citizen in the read statement, and ends the claim in the write: done when the work finished, given up when it threw', async () => {
    const claims = createUpdateClaims(counting.db.prisma);
    const citizens = createCitizenService({ prisma: counting.db.prisma });
    const at = new Date('2026-11-23T06:00:00Z');
    const later = new Date('2026-11-23T06:00:05Z');
    const c = await t.db.prisma.citizen.create({ data: { telegramId: 7001n, locale: 'kk', consentAt: at } });
    const flows = state.store<{ n: number }>('c:');
    const citizen = citizens.inUnit(7001);
    counting.reset();
    const seen = await state.unit(
      ['s:4', 'c:4'],
      async (start) => {
        await flows.write('4', { n: 1 });
        return { claimed: start.claimed, citizen: citizen.from(start) };
      },
      { claim: claims.inUnit(11n, 'a', at, 60_000, () => later), row: citizen.row },
    );
    expect(counting.count()).toBe(2);
    expect(seen.claimed).toBe(true);
    expect(seen.citizen).toMatchObject({ id: c.id, telegramId: 7001n, locale: 'kk', consentAt: at });
    expect(await claims.done(11n)).toBe(true);
    expect(await row('c:4')).toEqual({ n: 1 });

    // Delivered again: not claimed, nothing written.
    const again = await state.unit(['c:4'], async (start) => start.claimed, { claim: claims.inUnit(11n, 'b', later, 60_000, () => later) });
    expect(again).toBe(false);
    expect(await t.db.prisma.botUpdate.findUnique({ where: { updateId: 11n } })).toMatchObject({ holder: 'a', doneAt: later });

    // The work threw: the claim is given up (Telegram's next delivery is handled), what was written stays.
    await expect(
      state.unit(
        ['c:5'],
        async () => {
          await flows.write('5', { n: 2 });
          throw new Error('handler failed');
        },
        { claim: claims.inUnit(12n, 'a', at, 60_000, () => later), row: citizens.inUnit(7002).row },
      ),
    ).rejects.toThrow('handler failed');
    expect(await t.db.prisma.botUpdate.findUnique({ where: { updateId: 12n } })).toBeNull();
    expect(await row('c:5')).toEqual({ n: 2 });
    // Nobody with that Telegram id: no citizen.
    expect(await state.unit([], async (start) => citizens.inUnit(7002).from(start), { row: citizens.inUnit(7002).row })).toBeNull();
  });

  it('reads services’ parts in the read statement and makes their deferred writes in the write statement, also when the work threw', async () => {
    const put = (key: string, n: number) =>
      Prisma.sql`INSERT INTO "BotSession" (key, value, "updatedAt") VALUES (${key}, ${JSON.stringify({ n })}::jsonb, now())`;
    await state.store('x:').write('0', { n: 0 });
    counting.reset();
    const seen = await state.unit(
      ['c:6'],
      async (start) => {
        // Services' keys end in the scope the unit owns (the citizen's id in the bot).
        start.own(1);
        start.own(2);
        expect(state.defer('x:1', put('x:1', 1))).toBe(true);
        state.defer('x:1', put('x:1', 2)); // replaces the first
        state.defer('x:2', put('x:2', 2));
        state.defer('x:2', null); // dropped
        expect(await row('x:1')).toBeUndefined();
        return start.reads;
      },
      { reads: { zero: Prisma.sql`SELECT value FROM "BotSession" WHERE key = 'x:0'`, none: Prisma.sql`SELECT 1 AS n WHERE false` } },
    );
    expect(counting.count()).toBe(2);
    expect(seen).toEqual({ zero: { value: { n: 0 } }, none: null });
    expect([await row('x:1'), await row('x:2')]).toEqual([{ n: 2 }, undefined]);
    await expect(
      state.unit(['c:7'], async (start) => {
        start.own(3);
        state.defer('x:3', put('x:3', 3));
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await row('x:3')).toEqual({ n: 3 });
    // Outside a unit, or for a scope no unit owns, nothing is deferred: the caller writes at once.
    expect(state.defer('x:4', put('x:4', 4))).toBe(false);
    await state.unit([], async (start) => {
      start.own(5);
      expect(state.defer('x:4', put('x:4', 4))).toBe(false);
      expect(state.inUnit('x:4')).toBe(false);
      expect(state.inUnit('x:5')).toBe(true);
    });
    expect(await row('x:4')).toBeUndefined();
  });

  it('keeps what a service remembered for the unit’s length only', async () => {
    state.remember('draft:1', { n: 1 });
    expect(state.recall('draft:1')).toBeUndefined();
    await state.unit([], async (start) => {
      start.own(1);
      expect(state.recall('draft:1')).toBeUndefined();
      state.remember('draft:1', null);
      expect(state.recall('draft:1')).toBeNull();
      state.remember('draft:1', undefined);
      expect(state.recall('draft:1')).toBeUndefined();
      state.remember('draft:1', { n: 2 });
    });
    await state.unit([], async (start) => {
      start.own(1);
      expect(state.recall('draft:1')).toBeUndefined();
    });
    // Two chats' units at once: each answers for its own scope.
    let bothRunning!: () => void;
    const gate = new Promise<void>((r) => (bothRunning = r));
    const both = (scope: number) =>
      state.unit([], async (start) => {
        start.own(scope);
        state.remember(`draft:${scope}`, { n: scope });
        await gate;
        return state.recall(`draft:${scope}`);
      });
    const running = Promise.all([both(1), both(2)]);
    bothRunning();
    expect(await running).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('writes a draft’s change at once when the unit ended while the service awaited, and an ended unit owns no citizen', async () => {
    const c = await t.db.prisma.citizen.create({ data: { telegramId: 7002n, locale: 'ru' } });
    const drafts = createReportDrafts({ prisma: t.db.prisma, reports: {} as ReportService, now: () => new Date('2026-11-23T06:00:00Z'), chatState: state });
    let own!: (scope: number) => void;
    let saved!: Promise<unknown>;
    await state.unit([], async (start) => {
      start.own(c.id);
      own = start.own;
      // Not awaited: the unit ends while the service reads the draft, before it can defer the change.
      saved = drafts.saveDraft(c.id, { description: 'Свет не горит' });
    });
    await saved;
    expect(await t.db.prisma.reportDraft.findUnique({ where: { citizenId: c.id } })).toMatchObject({ description: 'Свет не горит' });
    own(c.id);
    expect(state.inUnit(`reportDraft:${c.id}`)).toBe(false);
  });
});
