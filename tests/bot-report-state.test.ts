// The report flow's hot path: what one update costs the database. The conversation keeps ids, never the
// reference lists or the Bot API's answers in full, so the state written per update stays under 2 KB (it was
// 24–37 KB, with every region and district in it); and session, conversation state and citizen are read
// together and written once, so an update of the flow commits few transactions.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshTelegramId } from './helpers/bot-harness.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { createReportWalk, type ReportWalk } from './helpers/report-walk.ts';

const CLOCK = new Date('2026-11-23T06:00:00Z');
/**
 * Transactions per update, reference caches warm: menu, category, region, district, location, description, photo,
 * done, name, send (8, 8, 5, 9, 7, 7, 7, 6, 7, 7 before the claim, the citizen and the draft joined the unit's
 * statements; 4, 4, 2, 5, 3, 3, 4, 3, 3, 4 before the draft, the daily count and the place chosen did; 2 … 2, 3
 * before the candidates for «send»'s search for the same problem nearby did). Every step is the unit's read and
 * its write; this citizen is offered the first one's report.
 */
const PER_STEP = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
/**
 * The same for the first citizen in a fresh process, whose «send» files the report (nothing like it yet): the
 * filing's own transaction, since the reply carries the report's number. The bot loaded the reference data and the
 * calendar when it started (3, … 5 when the first update loaded them).
 */
const PER_STEP_COLD = [2, 2, 2, 2, 2, 2, 2, 2, 2, 3];

describe.each(dbTargets)('bot: one update of the report flow (%s)', (target) => {
  let t: TestDb;
  let w: ReportWalk;
  // pinned; the duplicates' fixtures are filed at times before it
  let clock = CLOCK;

  beforeAll(async () => {
    t = await createTestDb(target);
    w = await createReportWalk(t.db, () => clock);
  });
  afterAll(async () => {
    await w?.close();
    await t?.drop();
  });

  it('has the reference data and the calendar loaded when the bot starts, and refills the reference data in one transaction after an edit and after a minute', async () => {
    const { services } = w;
    expect(await w.transactionsOf(() => Promise.all([services.reference.get(), services.calendar.calendar()]))).toBe(0);
    services.reference.invalidate(); // what an admin's edit does
    expect(await w.transactionsOf(() => services.reference.get())).toBe(1);
    expect(await w.transactionsOf(() => services.reference.get())).toBe(0);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      expect(await w.transactionsOf(() => services.reference.get())).toBe(1);
    } finally {
      vi.useRealTimers();
    }
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
    // A first citizen files the report the next one's «send» is offered (the caches were loaded when the bot started).
    await w.walk((await w.citizen('Айгерим')).u);
    const { u } = await w.citizen('Ерлан');
    const steps = await w.walk(u);
    if (process.env.HOT_PATH_FIGURES) console.log(target, JSON.stringify(steps.map((s) => s.transactions)));
    // «send» offers the first citizen's report (its candidates came with the draft in the unit's first statement)
    expect(u.texts().at(-1)).toMatch(/уже сообщили[\s\S]*KZ-2026-\d{6}/);
    // choosing the region: the update's claim with the session, the conversation and the citizen; their write with the update done
    expect(steps.find((s) => s.step === 'region')).toMatchObject({ transactions: 2 });
    expect(steps.map((s) => s.transactions)).toEqual(PER_STEP);
  });

  /** Open reports of one category in Almaty, filed an hour apart before the pinned clock (not in the order of their ids). */
  let filed: Promise<Awaited<ReturnType<typeof fileFixtures>>> | undefined;
  async function fileFixtures() {
    const { services } = w;
    const { regions, categories } = await services.reference.get();
    const almaty = regions.find((r) => r.nameRu === 'город Алматы')!;
    const [district, other] = almaty.districts;
    const categoryId = categories.find((c) => c.nameRu === 'Дороги и тротуары')!.id;
    const otherCategoryId = categories.find((c) => c.id !== categoryId)!.id;
    const text = 'Не работает уличное освещение на улице Абая возле школы';
    const file = async (hoursBefore: number, p: { lat: number | null; lon: number | null; districtId?: number }) => {
      clock = new Date(CLOCK.getTime() - hoursBefore * 3_600_000);
      try {
        return await services.reports.create(
          { type: 'staff', id: null },
          { source: 'staff', categoryId, regionId: almaty.id, districtId: district!.id, address: 'ул. Абая', description: text, evidence: [], ...p },
        );
      } finally {
        clock = CLOCK;
      }
    };
    const near = await file(1, { lat: 43.3, lon: 76.9 });
    const far = await file(3, { lat: 43.3027, lon: 76.9 }); // 300 m away
    const sameDistrict = await file(2, { lat: null, lon: null });
    await file(4, { lat: null, lon: null, districtId: other!.id });
    return { almaty, district: district!, categoryId, otherCategoryId, near, far, sameDistrict };
  }
  const fixtures = () => (filed ??= fileFixtures());

  /** A citizen whose draft is complete with these answers. */
  type Answers = { categoryId: number; regionId: number; districtId: number; lat: number | null; lon: number | null };
  type DraftAnswers = Answers & { address: string | null; description: string };
  async function citizenWithDraft(input: DraftAnswers) {
    const { services } = w;
    const telegramId = freshTelegramId();
    const c = await services.citizens.giveConsent(telegramId, 'ru', 'Асель');
    await services.reportCitizen.saveDraft(c.id, { ...input, anonymous: false });
    await services.reportCitizen.addDraftEvidence(c.id, { kind: 'photo', telegramFileId: 'f', fileUniqueId: `u${telegramId}` });
    return { telegramId, citizenId: c.id };
  }

  it('offers at «send», from the candidates read with the draft, what the search itself finds: nearby with a point, similar text in the district without one', async () => {
    const { services } = w;
    const { almaty, district, categoryId, near, far, sameDistrict } = await fixtures();
    const search = vi.spyOn(services.reports, 'findDuplicates');
    for (const [place, offered] of [
      [{ lat: 43.3005, lon: 76.9001, address: null }, [near.id, sameDistrict.id]],
      // without a point every report of the district is compared by its text: the newest first among equals
      [{ lat: null, lon: null, address: 'ул. Абая, 5' }, [near.id, sameDistrict.id, far.id]],
    ] as const) {
      const input = { categoryId, regionId: almaty.id, districtId: district.id, description: 'Уличное освещение не работает возле школы', ...place };
      const { telegramId, citizenId } = await citizenWithDraft(input);
      const expected = await services.reports.findDuplicates(input);
      search.mockClear();
      const parts = services.reportCitizen.inUnit(telegramId, { duplicates: true });
      const found = await services.chatState.unit(
        [],
        async (start) => {
          start.own(citizenId);
          parts.keep(start, citizenId);
          return services.reportCitizen.findDuplicates(citizenId, input);
        },
        { reads: parts.reads },
      );
      expect(search).not.toHaveBeenCalled();
      expect(found.map((f) => [f.report.id, f.distanceM])).toEqual(expected.map((f) => [f.report.id, f.distanceM]));
      expect(found.map((f) => f.report.id)).toEqual(offered);
    }
    search.mockRestore();
  });

  it('offers what the search finds when the point or the category changed after the candidates were read, and reads none for an update other than «send»', async () => {
    const { services } = w;
    const { almaty, district, categoryId, otherCategoryId, near, far, sameDistrict } = await fixtures();
    const input = {
      categoryId,
      regionId: almaty.id,
      districtId: district.id,
      description: 'Уличное освещение не работает возле школы',
      lat: 43.3005,
      lon: 76.9001,
      address: null,
    };
    const search = vi.spyOn(services.reports, 'findDuplicates');
    for (const [change, duplicates, offered] of [
      // moved next to the far one: the near one (read for the old point) is 300 m away now
      [{ lat: 43.3027, lon: 76.9 }, true, [far.id, sameDistrict.id]],
      [{ categoryId: otherCategoryId }, true, []],
      // nothing changed, but the update is not the summary's «send»: no candidates came with the draft
      [{}, false, [near.id, sameDistrict.id]],
    ] as const) {
      const { telegramId, citizenId } = await citizenWithDraft(input);
      search.mockClear();
      const parts = services.reportCitizen.inUnit(telegramId, { duplicates });
      const found = await services.chatState.unit(
        [],
        async (start) => {
          start.own(citizenId);
          parts.keep(start, citizenId);
          await services.reportCitizen.saveDraft(citizenId, change);
          return services.reportCitizen.findDuplicates(citizenId, { ...input, ...change });
        },
        { reads: parts.reads },
      );
      expect(search).toHaveBeenCalledTimes(1);
      expect(found.map((f) => f.report.id)).toEqual(offered);
    }
    search.mockRestore();
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
