// The report flow's hot path: what one update costs the database. The conversation keeps ids, never the
// reference lists or the Bot API's answers in full, so the state written per update stays under 2 KB (it was
// 24–37 KB, with every region and district in it); and session, conversation state and citizen are read
// together and written once, so an update of the flow commits few transactions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../app/compose.ts';
import type { KeyValueStorage } from '../core/chat-state/chat-state.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createReportFeature } from '../bot/reports/report.ts';
import { createBotHarness, freshTelegramId, type BotHarness } from './helpers/bot-harness.ts';
import { countingDatabase, type CountingDatabase } from './helpers/counting-db.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import type { ScriptedUser } from './fake-telegram/types.ts';

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
const ALMATY = { lat: 43.2389, lon: 76.8897 };

describe.each(dbTargets)('bot: one update of the report flow (%s)', (target) => {
  let t: TestDb;
  let counting: CountingDatabase;
  let services: ServicesWithDb;
  let h: BotHarness;
  /** bytes of chat state handed to the storage per write, by key */
  let written: Array<{ key: string; bytes: number }> = [];

  beforeAll(async () => {
    t = await createTestDb(target);
    counting = countingDatabase(t.db);
    const base = createAppServices({ db: counting.db, logger: testLogger, sessionTtlHours: 12, now: () => CLOCK });
    const measured = <T>(prefix: string, store: KeyValueStorage<T>): KeyValueStorage<T> => ({
      ...store,
      read: (k) => store.read(k),
      delete: (k) => store.delete(k),
      write: (k, v) => {
        written.push({ key: prefix + k, bytes: Buffer.byteLength(JSON.stringify(v)) });
        return store.write(k, v);
      },
    });
    services = { ...base, chatState: { ...base.chatState, store: (prefix) => measured(prefix, base.chatState.store(prefix)) } };
    h = await createBotHarness(services, { features: [createReportFeature()] });
  });
  afterAll(async () => {
    await h?.close();
    await counting?.db.close();
    await t?.drop();
  });

  /** The whole flow in Russian, one update at a time: what each wrote and how many transactions it took. */
  async function walk(u: ScriptedUser) {
    const steps: Array<{ step: string; bytes: number; largest: number; transactions: number }> = [];
    const step = async (name: string, update: () => Promise<unknown>) => {
      written = [];
      counting.reset();
      await h.deliver(update() as never);
      steps.push({
        step: name,
        bytes: written.reduce((s, w) => s + w.bytes, 0),
        largest: Math.max(0, ...written.map((w) => w.bytes)),
        transactions: counting.count(),
      });
    };
    await step('menu', () => u.send('📝 Подать обращение'));
    await step('category', () => u.pressButton(/Дороги и тротуары/));
    await step('region', () => u.pressButton('город Алматы'));
    await step('district', () => u.pressButton('Алмалинский район'));
    await step('location', () => u.sendLocation(ALMATY.lat, ALMATY.lon));
    await step('description', () => u.send('Большая яма на дороге у остановки «Алмалы»'));
    await step('photo', () => u.sendPhoto());
    await step('done', () => u.pressButton('✅ Готово'));
    await step('name', () => u.pressButton('👤 Показывать имя'));
    await step('send', () => u.pressButton('✅ Отправить'));
    return steps;
  }

  it('writes under 2 KB of chat state per update at every step, and files the report', async () => {
    const id = freshTelegramId();
    const u = h.fake.user({ id, first_name: 'Ерлан', language_code: 'ru' });
    const c = await services.citizens.giveConsent(u.id, 'ru', 'Ерлан');
    const steps = await walk(u);
    if (process.env.HOT_PATH_FIGURES) console.log(target, JSON.stringify(steps));
    expect(u.texts().at(-1)).toMatch(/Номер: KZ-2026-\d{6}/);
    expect(await services.prisma.report.count({ where: { citizenId: c.id } })).toBe(1);
    expect(steps.filter((s) => s.bytes > 2048).map((s) => `${s.step}: ${s.bytes} B`)).toEqual([]);
    // the draft, the daily count and the place chosen ride in the unit's statements: each answer costs none of its own
    expect(steps.map((s) => s.transactions)).toEqual(PER_STEP_COLD);
  });

  it('claims the update and reads chat state and citizen in one statement, writes state and done mark in one: a step without work of its own commits two transactions', async () => {
    // A first citizen fills the reference caches (a report's category, region, calendar), as a running bot has them.
    const first = h.fake.user({ id: freshTelegramId(), first_name: 'Айгерим', language_code: 'ru' });
    await services.citizens.giveConsent(first.id, 'ru', 'Айгерим');
    await walk(first);
    const u = h.fake.user({ id: freshTelegramId(), first_name: 'Ерлан', language_code: 'ru' });
    await services.citizens.giveConsent(u.id, 'ru', 'Ерлан');
    const steps = await walk(u);
    if (process.env.HOT_PATH_FIGURES) console.log(target, JSON.stringify(steps.map((s) => s.transactions)));
    // choosing the region: the update's claim with the session, the conversation and the citizen; their write with the update done
    expect(steps.find((s) => s.step === 'region')).toMatchObject({ transactions: 2 });
    expect(steps.map((s) => s.transactions)).toEqual(PER_STEP);
  });

  it('forgets the draft it kept, and its answers not yet written, when the citizen erases their data in the same update', async () => {
    const c = await services.citizens.giveConsent(freshTelegramId(), 'ru', 'Дана');
    await services.reportCitizen.saveDraft(c.id, { description: 'Не горит фонарь во дворе' });
    const seen = await services.chatState.unit([], async () => {
      expect(await services.reportCitizen.getDraft(c.id)).toMatchObject({ description: 'Не горит фонарь во дворе' });
      await services.reportCitizen.saveDraft(c.id, { address: 'ул. Абая, 10' });
      await services.citizens.erase(c.id);
      return services.reportCitizen.getDraft(c.id);
    });
    expect(seen).toBeNull();
    expect(await services.prisma.reportDraft.findUnique({ where: { citizenId: c.id } })).toBeNull();
  });
});
