// A flow changed between two runs of the bot, on one database: a citizen in the middle of the report flow
// when the new version is deployed is told the bot was updated and continues from the saved draft, at the
// next step they had not answered, never with an error. A conversation stored before flows had versions is
// resumed so once. The same deploy without a changed flow goes on as if nothing happened. (Versions per
// flow: bot/flow-storage.ts, bot/flow-resume.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../app/compose.ts';
import type { Feature } from '../bot/features.ts';
import { createReportFeature } from '../bot/reports/report.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createBotHarness, type BotHarness } from './helpers/bot-harness.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import type { ScriptedUser } from './fake-telegram/types.ts';

let nextId = 730_000_000;
const CLOCK = new Date('2026-11-23T06:00:00Z');
const ru = createI18n().getFixedT('ru');

/**
 * The flow as a later release might have it: a new version whose replay differs from the old one's (an
 * `external` more at the start), so the old conversation's log would really no longer fit.
 */
function nextFlowVersion(feature: Feature, id: string): Feature {
  return {
    ...feature,
    flows: feature.flows!.map((f) =>
      f.id !== id
        ? f
        : {
            ...f,
            version: f.version + 1,
            builder: async (conversation, ctx, ...args) => {
              await conversation.external(() => 'a step the old version did not have');
              return f.builder(conversation, ctx, ...args);
            },
          },
    ),
  };
}

describe.each(dbTargets)('bot: a flow changed between two runs (%s)', (target) => {
  let t: TestDb;
  const running: BotHarness[] = [];

  beforeAll(async () => {
    t = await createTestDb(target);
  });
  afterAll(async () => {
    for (const h of running) await h.close();
    await t.drop();
  });

  /** One run of the bot: its own services (as after a restart) and its own Bot API, on the same database. */
  async function start(feature: Feature): Promise<BotHarness & { services: ServicesWithDb }> {
    const services = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12, now: () => CLOCK });
    const h = await createBotHarness(services, { features: [feature] });
    running.push(h);
    return { ...h, services };
  }
  const stop = async (h: BotHarness) => {
    running.splice(
      running.findIndex((r) => r.fake === h.fake),
      1,
    );
    await h.close();
  };

  /** Run 1: a citizen starts a report and chooses the category, the region and the district; the flow asks where. */
  async function midway(): Promise<{ id: number; citizenId: number }> {
    const h = await start(createReportFeature());
    const u = h.fake.user({ id: ++nextId, first_name: 'Ерлан', language_code: 'ru' });
    const c = await h.services.citizens.giveConsent(u.id, 'ru', 'Ерлан');
    await h.deliver(u.send('📝 Подать обращение'));
    await h.deliver(u.pressButton(/Дороги и тротуары/));
    await h.deliver(u.pressButton('город Алматы'));
    await h.deliver(u.pressButton('Алмалинский район'));
    expect(u.texts().at(-1)).toContain(ru('reports:flow.step', { n: 3, total: 6 }));
    const draft = await t.db.prisma.reportDraft.findUniqueOrThrow({ where: { citizenId: c.id } });
    expect(draft.categoryId).not.toBeNull();
    expect(draft.regionId).not.toBeNull();
    await stop(h);
    return { id: u.id, citizenId: c.id };
  }

  const errorText = ru('common:error');
  const said = (u: ScriptedUser) => u.texts().join('\n');

  it('tells a citizen in the middle of a changed flow that the bot was updated, and continues from the draft at the next step', async () => {
    const { id, citizenId } = await midway();
    const h = await start(nextFlowVersion(createReportFeature(), 'report'));
    const u = h.fake.user({ id, first_name: 'Ерлан', language_code: 'ru' });

    await h.deliver(u.send('Большая яма на дороге у остановки'));
    const texts = u.texts();
    expect(texts[0]).toBe(ru('common:flow.resumed'));
    expect(texts.at(-1)).toContain('незаконченное обращение');
    await h.deliver(u.pressButton('▶️ Продолжить'));
    // the next missing step (where), not the category again
    expect(u.texts().at(-1)).toContain(ru('reports:flow.step', { n: 3, total: 6 }));
    expect(said(u)).not.toContain(ru('reports:flow.step', { n: 1, total: 6 }));
    expect(said(u)).not.toContain(errorText);
    // the text that came while the flow was stale was not taken as an answer
    expect((await t.db.prisma.reportDraft.findUniqueOrThrow({ where: { citizenId } })).address).toBeNull();

    // and the new version's conversation goes on as usual
    await h.deliver(u.send('ул. Толе би, 55, у остановки'));
    expect(u.texts().at(-1)).toContain(ru('reports:flow.step', { n: 4, total: 6 }));
    expect((await t.db.prisma.reportDraft.findUniqueOrThrow({ where: { citizenId } })).address).toBe('ул. Толе би, 55, у остановки');
    await stop(h);
  });

  it('lets a command pass while a changed flow waits, and offers the draft at the next visit', async () => {
    const { id } = await midway();
    const h = await start(nextFlowVersion(createReportFeature(), 'report'));
    const u = h.fake.user({ id, first_name: 'Ерлан', language_code: 'ru' });

    await h.deliver(u.send('/help'));
    expect(said(u)).not.toContain(ru('common:flow.resumed'));
    expect(u.texts().at(-1)).toContain('/report');
    await h.deliver(u.send('📝 Подать обращение'));
    expect(u.texts().at(-1)).toContain('незаконченное обращение');
    expect(said(u)).not.toContain(errorText);
    await stop(h);
  });

  it('resumes a conversation stored before flows had versions once, and then goes on as usual', async () => {
    const { id, citizenId } = await midway();
    // the row as the release before versions wrote it: the plugin's state without the versions of its flows
    const key = `c:${id}`;
    const { flows, ...legacy } = (await t.db.prisma.botSession.findUniqueOrThrow({ where: { key } })).value as { flows?: unknown };
    expect(flows).toEqual({ report: 2 });
    await t.db.prisma.botSession.update({ where: { key }, data: { value: legacy as object } });
    const h = await start(createReportFeature());
    const u = h.fake.user({ id, first_name: 'Ерлан', language_code: 'ru' });

    await h.deliver(u.send('Большая яма на дороге у остановки'));
    expect(u.texts()[0]).toBe(ru('common:flow.resumed'));
    await h.deliver(u.pressButton('▶️ Продолжить'));
    expect(u.texts().at(-1)).toContain(ru('reports:flow.step', { n: 3, total: 6 }));
    await h.deliver(u.send('ул. Толе би, 55, у остановки'));
    expect(u.texts().at(-1)).toContain(ru('reports:flow.step', { n: 4, total: 6 }));
    expect(said(u).split(ru('common:flow.resumed')).length - 1).toBe(1);
    expect(said(u)).not.toContain(errorText);
    expect((await t.db.prisma.reportDraft.findUniqueOrThrow({ where: { citizenId } })).address).toBe('ул. Толе би, 55, у остановки');
    await stop(h);
  });

  it('goes on as if nothing happened when the flow did not change', async () => {
    const { id, citizenId } = await midway();
    const h = await start(createReportFeature());
    const u = h.fake.user({ id, first_name: 'Ерлан', language_code: 'ru' });

    await h.deliver(u.send('ул. Толе би, 55, у остановки'));
    expect(said(u)).not.toContain(ru('common:flow.resumed'));
    expect(u.texts()[0]).toBe(ru('reports:flow.address_saved'));
    expect(u.texts().at(-1)).toContain(ru('reports:flow.step', { n: 4, total: 6 }));
    expect((await t.db.prisma.reportDraft.findUniqueOrThrow({ where: { citizenId } })).address).toBe('ул. Толе би, 55, у остановки');
    await stop(h);
  });
});
