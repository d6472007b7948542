// One citizen through the whole report flow, one update at a time, measuring what each update costs: the bytes
// of chat state handed to the storage and the transactions committed (counted at the driver adapter, as
// PostgreSQL's xact_commit counts them). Shared by tests/bot-report-state.test.ts, which asserts the figures,
// and bench/hot-path.ts, which reports them in `npm run bench`.
import { createAppServices } from '../../app/compose.ts';
import type { KeyValueStorage } from '../../core/chat-state/chat-state.ts';
import type { Database } from '../../core/db/client.ts';
import type { ServicesWithDb } from '../../core/services.ts';
import { createReportFeature } from '../../bot/reports/report.ts';
import type { ScriptedUser } from '../fake-telegram/types.ts';
import { createBotHarness, freshTelegramId, type BotHarness } from './bot-harness.ts';
import { countingDatabase, type CountingDatabase } from './counting-db.ts';
import { testLogger } from './silent-logger.ts';

export interface StepCost {
  step: string;
  /** bytes of chat state written by the update, all keys together */
  bytes: number;
  /** the largest single write */
  largest: number;
  transactions: number;
}

export interface ReportWalk {
  services: ServicesWithDb;
  harness: BotHarness;
  /** a new Russian-speaking citizen who has consented, at the start of the main menu */
  citizen(name: string): Promise<{ u: ScriptedUser; citizenId: number }>;
  /** the whole flow, from the menu to «send», with the cost of each update */
  walk(u: ScriptedUser): Promise<StepCost[]>;
  /** the transactions `fn` committed */
  transactionsOf(fn: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

const ALMATY = { lat: 43.2389, lon: 76.8897 };

export async function createReportWalk(db: Database, now: () => Date): Promise<ReportWalk> {
  const counting: CountingDatabase = countingDatabase(db);
  const base = createAppServices({ db: counting.db, logger: testLogger, sessionTtlHours: 12, now });
  let written: Array<{ key: string; bytes: number }> = [];
  const measured = <T>(prefix: string, store: KeyValueStorage<T>): KeyValueStorage<T> => ({
    ...store,
    read: (k) => store.read(k),
    delete: (k) => store.delete(k),
    write: (k, v) => {
      written.push({ key: prefix + k, bytes: Buffer.byteLength(JSON.stringify(v)) });
      return store.write(k, v);
    },
  });
  const services: ServicesWithDb = { ...base, chatState: { ...base.chatState, store: (prefix) => measured(prefix, base.chatState.store(prefix)) } };
  const harness = await createBotHarness(services, { features: [createReportFeature()] });
  // as the app does when it starts the bot (app/app.ts): the caches the flow reads are loaded before it serves
  await harness.app.warm();

  async function walk(u: ScriptedUser): Promise<StepCost[]> {
    const steps: StepCost[] = [];
    const step = async (name: string, update: () => Promise<unknown>) => {
      written = [];
      counting.reset();
      await harness.deliver(update() as never);
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

  return {
    services,
    harness,
    async citizen(name) {
      const u = harness.fake.user({ id: freshTelegramId(), first_name: name.split(' ')[0]!, language_code: 'ru' });
      const c = await services.citizens.giveConsent(u.id, 'ru', name);
      return { u, citizenId: c.id };
    },
    walk,
    async transactionsOf(fn) {
      counting.reset();
      await fn();
      return counting.count();
    },
    async close() {
      await harness.close();
      await counting.db.close();
    },
  };
}
