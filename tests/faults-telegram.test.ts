// Telegram failing in the middle of a citizen's report: server errors, flood control and calls never
// answered are carried through below the conversation, so the citizen goes on as if nothing happened; an
// outage longer than the retries ends the conversation, but the draft keeps every answer and the citizen
// carries on from the menu. Each test prints what was injected and what was lost (must be nothing).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBot, type AppBot } from '../bot/create-bot.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { citizens } from '../app/capabilities/citizens.ts';
import { createAppServices } from '../app/compose.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createReportFeature } from '../bot/reports/report.ts';
import { startFakeTelegram, type FakeTelegram, type FaultSpec, type ScriptedUser } from './fake-telegram/server.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { walker } from './helpers/walk.ts';

const ALMATY = { lat: 43.2389, lon: 76.8897 };
const ERROR_RU = 'Что-то пошло не так';
let nextId = 730_000_000;

describe.each(dbTargets)('Telegram failing during a report (%s)', (target) => {
  let t: TestDb;
  let services: ServicesWithDb;
  let fake: FakeTelegram;
  let app: AppBot;

  beforeAll(async () => {
    t = await createTestDb(target);
    const i18n = createI18n();
    services = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12, now: () => new Date('2026-11-23T06:00:00Z') });
    fake = await startFakeTelegram();
    // As deployed (paced fetch, retries), with the waits shortened: a call unanswered for 400 ms counts as timed out.
    app = createBot({
      token: fake.token,
      apiRoot: fake.apiRoot,
      services,
      i18n,
      logger: testLogger,
      rateLimitPerMinute: 1000,
      botInfo: fake.botInfo,
      features: [...(await citizens.bot!({ i18n })), createReportFeature()],
      pacing: { perChatMs: 0, perSecond: 1000, attemptTimeoutMs: 400, backoffMs: 50 },
    });
  });
  afterAll(async () => {
    await fake?.close();
    await t?.drop();
  });
  beforeEach(() => fake.clearFaults());

  const deliver = async (update: Promise<unknown>) => app.bot.handleUpdate((await update) as never);
  const { say, press } = walker(deliver);
  /** Messages delivered to the citizen containing `part` (edits of earlier messages not counted again). */
  const count = (u: ScriptedUser, part: string) =>
    fake.delivered.filter((d) => d.chatId === u.id && (d.message.text ?? d.message.caption ?? '').includes(part)).length;

  async function citizen(): Promise<{ u: ScriptedUser; id: number }> {
    const u = fake.user({ id: ++nextId, first_name: 'Ерлан', language_code: 'ru' });
    const c = await services.citizens.giveConsent(u.id, 'ru', 'Ерлан Төлеуов');
    return { u, id: c.id };
  }

  it('carries the flow through 500, 502, 503, 429 and unanswered calls at every step: one report with every answer', async () => {
    const { u, id } = await citizen();
    const injected: Array<{ step: string; spec: FaultSpec; fault: ReturnType<FakeTelegram['injectFault']> }> = [];
    const breakNext = (step: string, spec: FaultSpec) => injected.push({ step, spec, fault: fake.injectFault(spec) });
    const where = { lat: ALMATY.lat, lon: ALMATY.lon };
    const description = 'Открытый люк на тротуаре у школы, дети ходят рядом';

    breakNext('menu', { method: 'sendMessage', kind: 'error', status: 500 });
    await say(u, '📝 Подать обращение');
    breakNext('category', { method: 'answerCallbackQuery', kind: 'error', status: 502 });
    await press(u, /Дороги и тротуары/);
    breakNext('region', { method: 'sendMessage', kind: 'error', status: 429, retryAfter: 1 });
    await press(u, 'город Алматы');
    breakNext('district', { method: 'sendMessage', kind: 'timeout' });
    await press(u, 'Алмалинский район');
    breakNext('location', { method: 'sendMessage', kind: 'error', status: 503, times: 2 });
    await deliver(u.sendLocation(where.lat, where.lon));
    breakNext('description', { method: 'sendMessage', kind: 'timeout', times: 2 });
    await say(u, description);
    breakNext('photo', { kind: 'error', status: 500 });
    await deliver(u.sendPhoto());
    await press(u, '✅ Готово');
    breakNext('name', { method: 'sendMessage', kind: 'error', status: 502 });
    await press(u, '👤 Показывать имя');
    breakNext('send', { method: 'sendMessage', kind: 'timeout' });
    await press(u, '✅ Отправить');

    const reports = await services.prisma.report.findMany({ where: { citizenId: id }, include: { evidence: true } });
    const met = injected.reduce((n, i) => n + i.fault.hits, 0);
    const planned = injected.reduce((n, i) => n + (i.spec.times ?? 1), 0);
    const r = reports[0];
    const answers = {
      category: r?.categoryId != null,
      region: r?.regionId != null,
      district: r?.districtId != null,
      location: r?.lat === where.lat && r?.lon === where.lon,
      description: r?.description === description,
      photo: r?.evidence.length === 1,
      name: r?.anonymous === false,
    };
    const kept = Object.values(answers).filter(Boolean).length;
    console.log(
      `[faults] ${target}: Telegram failed ${met} of ${planned} planned calls across ${injected.length} steps (500, 502, 503, 429, no answer); reports filed ${reports.length} (expected 1); answers given ${Object.keys(answers).length}, found in the report ${kept}; error messages shown ${count(u, ERROR_RU)}; flow restarted 0 times`,
    );

    expect(met).toBe(planned);
    expect(reports).toHaveLength(1);
    expect(answers).toEqual({ category: true, region: true, district: true, location: true, description: true, photo: true, name: true });
    expect(count(u, ERROR_RU)).toBe(0);
    // every step asked once: nothing started over, nothing skipped
    for (let n = 1; n <= 6; n++) expect(count(u, `Шаг ${n} из 6`), `step ${n}`).toBe(1);
    expect(count(u, `Номер: ${r!.number}`)).toBe(1);
    expect(await services.prisma.reportDraft.count({ where: { citizenId: id } })).toBe(0);
  });

  it('keeps the draft through an outage longer than the retries, and the citizen carries on from the menu', async () => {
    const { u, id } = await citizen();
    const where = { lat: ALMATY.lat + 0.05, lon: ALMATY.lon + 0.05 };
    const description = 'Не работает светофор на перекрёстке третий день';
    await say(u, '📝 Подать обращение');
    await press(u, /Дороги и тротуары/);
    await press(u, 'город Алматы');
    await press(u, 'Алмалинский район');
    await deliver(u.sendLocation(where.lat, where.lon));
    // Telegram answers nothing but 500 for a while: the next question cannot be sent, retries included.
    const outage = fake.injectFault({ method: 'sendMessage', kind: 'error', status: 500, times: 4 });
    await say(u, description);
    expect(outage.spent).toBe(true);
    const draft = await services.reportCitizen.getDraft(id);
    const given = { category: true, region: true, district: true, location: true, description: true };
    const found = {
      category: draft?.categoryId != null,
      region: draft?.regionId != null,
      district: draft?.districtId != null,
      location: draft?.lat === where.lat,
      description: draft?.description === description,
    };

    // Telegram is back. The citizen opens the report again: the draft is offered and the flow goes on at the photo.
    await say(u, '📝 Подать обращение');
    const offered = count(u, 'незаконченное обращение');
    await press(u, '▶️ Продолжить');
    const resumedAt = u.texts().at(-1) ?? '';
    await deliver(u.sendPhoto());
    await press(u, '✅ Готово');
    await press(u, '👤 Показывать имя');
    await press(u, '✅ Отправить');
    const reports = await services.prisma.report.findMany({ where: { citizenId: id } });
    console.log(
      `[faults] ${target}: Telegram down for ${outage.hits} calls (longer than the retries) after the description: answers given before it ${Object.keys(given).length}, found in the draft ${Object.values(found).filter(Boolean).length}; draft offered again ${offered}; reports filed after carrying on ${reports.length} (expected 1), description kept ${reports[0]?.description === description}`,
    );

    expect(found).toEqual(given);
    expect(offered).toBe(1);
    expect(resumedAt).toContain('Шаг 5 из 6');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ description, lat: where.lat, lon: where.lon });
  });
});
