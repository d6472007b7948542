// The report flow's hot path: what one update costs the database. The conversation keeps ids, never the
// reference lists or the Bot API's answers in full, so the state written per update stays under 2 KB (it was
// 24–37 KB, with every region and district in it); and session, conversation state and citizen are read
// together and written once, so an update of the flow commits few transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTelegramId } from './helpers/bot-harness.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { createReportWalk, type ReportWalk } from './helpers/report-walk.ts';

const CLOCK = new Date('2026-11-23T06:00:00Z');
/**
 * Transactions per update, reference caches warm: menu, category, region, district, location, description, photo,
 * done, name, send (8, 8, 5, 9, 7, 7, 7, 6, 7, 7 before the claim, the citizen and the draft joined the unit's
 * statements; 4, 4, 2, 5, 3, 3, 4, 3, 3, 4 before the draft, the daily count and the place chosen did). Every
 * step is the unit's read and its write; "send" adds the search for the same problem nearby (this citizen is
 * offered the first one's report).
 */
const PER_STEP = [2, 2, 2, 2, 2, 2, 2, 2, 2, 3];
/** The same for the first citizen in a fresh process: entering fills the reference cache (one transaction), filing the calendar's. */
const PER_STEP_COLD = [3, 2, 2, 2, 2, 2, 2, 2, 2, 5];

describe.each(dbTargets)('bot: one update of the report flow (%s)', (target) => {
  let t: TestDb;
  let w: ReportWalk;

  beforeAll(async () => {
    t = await createTestDb(target);
    w = await createReportWalk(t.db, () => CLOCK);
  });
  afterAll(async () => {
    await w?.close();
    await t?.drop();
  });

  it('writes under 2 KB of chat state per update at every step, and files the report', async () => {
    const { u, citizenId } = await w.citizen('Ерлан');
    const steps = await w.walk(u);
    if (process.env.HOT_PATH_FIGURES) console.log(target, JSON.stringify(steps));
    expect(u.texts().at(-1)).toMatch(/Номер: KZ-2026-\d{6}/);
    expect(await w.services.prisma.report.count({ where: { citizenId } })).toBe(1);
    expect(steps.filter((s) => s.bytes > 2048).map((s) => `${s.step}: ${s.bytes} B`)).toEqual([]);
    // the draft, the daily count and the place chosen ride in the unit's statements: each answer costs none of its own
    expect(steps.map((s) => s.transactions)).toEqual(PER_STEP_COLD);
  });

  it('claims the update and reads chat state and citizen in one statement, writes state and done mark in one: a step without work of its own commits two transactions', async () => {
    // A first citizen fills the reference caches (a report's category, region, calendar), as a running bot has them.
    await w.walk((await w.citizen('Айгерим')).u);
    const steps = await w.walk((await w.citizen('Ерлан')).u);
    if (process.env.HOT_PATH_FIGURES) console.log(target, JSON.stringify(steps.map((s) => s.transactions)));
    // choosing the region: the update's claim with the session, the conversation and the citizen; their write with the update done
    expect(steps.find((s) => s.step === 'region')).toMatchObject({ transactions: 2 });
    expect(steps.map((s) => s.transactions)).toEqual(PER_STEP);
  });

  it('forgets the draft it kept, and its answers not yet written, when the citizen erases their data in the same update', async () => {
    const { services } = w;
    const c = await services.citizens.giveConsent(freshTelegramId(), 'ru', 'Дана');
    await services.reportCitizen.saveDraft(c.id, { description: 'Не горит фонарь во дворе' });
    const seen = await services.chatState.unit([], async (start) => {
      start.own(c.id);
      expect(await services.reportCitizen.getDraft(c.id)).toMatchObject({ description: 'Не горит фонарь во дворе' });
      await services.reportCitizen.saveDraft(c.id, { address: 'ул. Абая, 10' });
      await services.citizens.erase(c.id);
      return services.reportCitizen.getDraft(c.id);
    });
    expect(seen).toBeNull();
    expect(await services.prisma.reportDraft.findUnique({ where: { citizenId: c.id } })).toBeNull();
  });
});
