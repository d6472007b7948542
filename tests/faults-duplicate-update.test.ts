// The same Telegram update delivered twice: Telegram resends a webhook update the bot has not answered in
// time, the resend may reach another instance while the first is still at work, and any update may come
// again later. Two bot instances behind a round-robin proxy get a citizen's report, the final "Send" is slow
// to answer so Telegram resends it, and afterwards every update of the flow is delivered once more: one
// report, one confirmation, no message sent twice. Also: two submissions of one draft at once file one report.
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../app/config.ts';
import { startApp, type RunningApp } from '../app/app.ts';
import { startFakeTelegram, type FakeTelegram, type WebhookDeliveryOptions } from './fake-telegram/server.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';
import { reportToSummaryRu } from './helpers/citizen-flow.ts';
import { act, E2E_ADMIN_PASSWORD, E2E_TOKEN, until, walk } from './helpers/e2e.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './helpers/round-robin-proxy.ts';
import { testLogger } from './helpers/silent-logger.ts';

const HOOK = '/telegram/hook';
const NUMBER = /Номер: KZ-\d{4}-\d{6}/;

describe.each(dbTargets)('an update delivered twice (%s)', (target) => {
  let t: TestDb;
  let fake: FakeTelegram;
  let apps: RunningApp[] = [];
  let proxy: RoundRobinProxy;
  // Telegram gives the bot 1.5 s per update here, then sends it again.
  const delivery: WebhookDeliveryOptions = { timeoutMs: 1500, retryDelayMs: 100 };

  beforeAll(async () => {
    t = await createTestDb(target);
    fake = await startFakeTelegram({ token: E2E_TOKEN, webhookDelivery: delivery });
    const config = parseConfig(
      {
        PORT: '0',
        BOT_TOKEN: E2E_TOKEN,
        TELEGRAM_API_ROOT: fake.apiRoot,
        WEBHOOK_URL: `https://bot.example.kz${HOOK}`,
        LOG_LEVEL: 'silent',
        ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      },
      process.cwd(),
    );
    // Two instances of the bot role on one database, as behind a load balancer.
    for (let i = 0; i < 2; i++) apps.push(await startApp({ config, db: t.db, roles: ['bot'], logger: testLogger, print: () => {}, throttle: false }));
    proxy = await startRoundRobinProxy(apps.map((a) => a.url!));
    delivery.url = `${proxy.url}${HOOK}`;
    await until('both instances registered the webhook', () => fake.callsTo('setWebhook').length >= 2);
  });
  afterAll(async () => {
    for (const app of apps) await app.stop();
    apps = [];
    await proxy?.close();
    await fake?.close();
    await t?.drop();
  });

  it('files one report and confirms it once when Telegram resends the slow "Send", and ignores every update delivered again later', async () => {
    const services = apps[0]!.services;
    const u = fake.user({ language_code: 'ru', first_name: 'Сергей' });
    const citizen = await services.citizens.giveConsent(u.id, 'ru', 'Сергей Ким');
    const updates: Update[] = [];
    const track = (p: Promise<Update>) => p.then((up) => void updates.push(up));

    await walk(u, reportToSummaryRu({ lat: 51.1282, lon: 71.4307 }, 'Глубокая яма на проезжей части у Байтерека'), track);
    // The confirmation takes Telegram 4 s to accept: the bot cannot answer the webhook within 1.5 s, so
    // Telegram sends "Send" again, to the other instance, while the first is still filing the report.
    fake.injectFault({ kind: 'slow', delayMs: 4000, method: (m, p) => m === 'sendMessage' && /KZ-\d{4}-\d{6}/.test(String(p.text)) });
    const before = fake.webhookAttempts.length;
    await act(u, () => track(u.pressButton('✅ Отправить')), NUMBER);
    const sendId = updates.at(-1)!.update_id;
    await until('the resent "Send" is answered', () => fake.webhookAttempts.some((a) => a.updateId === sendId && a.outcome === 200));
    const sendAttempts = fake.webhookAttempts.slice(before).filter((a) => a.updateId === sendId);

    // Later, every update of the flow arrives once more (a poller restarted, Telegram unsure of an answer).
    const messagesBefore = fake.delivered.filter((d) => d.chatId === u.id).length;
    const secret = fake.webhook!.secretToken!;
    const again: number[] = [];
    for (const up of updates) {
      const res = await fetch(`${proxy.url}${HOOK}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(up),
      });
      again.push(res.status);
    }
    const messagesAfter = fake.delivered.filter((d) => d.chatId === u.id).length;

    const reports = await services.prisma.report.findMany({ where: { citizenId: citizen.id } });
    const confirmations = fake.delivered.filter((d) => d.chatId === u.id && NUMBER.test(d.message.text ?? '')).length;
    const handled = await services.prisma.botUpdate.count({ where: { updateId: { in: updates.map((x) => BigInt(x.update_id)) }, doneAt: { not: null } } });
    console.log(
      `[faults] ${target}: "Send" delivered ${sendAttempts.length} times (${sendAttempts.map((a) => a.outcome).join(', ')}) to 2 instances; every one of ${updates.length} updates delivered again: answered ${again.filter((s) => s === 200).length}×200, new messages ${messagesAfter - messagesBefore}; reports filed ${reports.length} (expected 1), confirmations ${confirmations} (expected 1), updates handled ${handled} of ${updates.length}`,
    );

    expect(sendAttempts.length).toBeGreaterThanOrEqual(2);
    expect(sendAttempts[0]!.outcome).toBe('timeout');
    expect(proxy.forwarded.every((n) => n > 0)).toBe(true);
    expect(again.every((s) => s === 200)).toBe(true);
    expect(messagesAfter - messagesBefore).toBe(0);
    expect(reports).toHaveLength(1);
    expect(confirmations).toBe(1);
    expect(handled).toBe(updates.length);
  });

  it('files one report when one draft is submitted twice at once', async () => {
    const services = apps[0]!.services;
    const citizen = await services.citizens.giveConsent(fake.user({ language_code: 'kk' }).id, 'kk', 'Айгүл Серікқызы');
    const { categories, regions } = await services.reference.get();
    const region = regions.find((r) => r.districts.length > 0)!;
    await services.reportCitizen.saveDraft(citizen.id, {
      categoryId: categories.find((c) => c.active)!.id,
      regionId: region.id,
      districtId: region.districts[0]!.id,
      address: 'Абай даңғылы 10',
      description: 'Аула жарықсыз қалды, кешке қараңғы',
      anonymous: false,
    });
    await services.reportCitizen.addDraftEvidence(citizen.id, { kind: 'photo', telegramFileId: 'AgAC-one', fileUniqueId: 'one' });
    const outcomes = await Promise.allSettled([services.reportCitizen.submitDraft(citizen.id), services.reportCitizen.submitDraft(citizen.id)]);
    const reports = await services.prisma.report.count({ where: { citizenId: citizen.id } });
    console.log(
      `[faults] ${target}: one draft submitted twice at once: ${outcomes.filter((o) => o.status === 'fulfilled').length} filed, ${outcomes.filter((o) => o.status === 'rejected').length} refused; reports ${reports} (expected 1)`,
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(reports).toBe(1);
    expect(await services.prisma.reportDraft.count({ where: { citizenId: citizen.id } })).toBe(0);
  });

  it('changes a status once when two operators accept the same report at the same moment: one history entry, one notification', async () => {
    const services = apps[0]!.services;
    const u = fake.user({ language_code: 'ru' });
    const citizen = await services.citizens.giveConsent(u.id, 'ru', 'Дана Ахметова');
    const { categories, regions } = await services.reference.get();
    const report = await services.reports.create(
      { type: 'citizen', id: citizen.id },
      {
        source: 'bot',
        citizenId: citizen.id,
        categoryId: categories.find((c) => c.active)!.id,
        regionId: regions[0]!.id,
        address: 'Бейбітшілік көшесі 5',
        description: 'Подъезд не убирают уже месяц',
        evidence: [{ kind: 'photo', telegramFileId: 'AgAC-two', fileUniqueId: 'two' }],
      },
    );
    const accept = (staffId: number) =>
      services.reports.changeStatus({ type: 'staff', id: staffId }, report.id, { to: 'in_work', publicNote: 'Принято в работу' });
    const outcomes = await Promise.allSettled([accept(1), accept(2), accept(1), accept(2)]);
    const events = await services.prisma.reportEvent.count({ where: { reportId: report.id, type: 'status', toStatus: 'in_work' } });
    const notices = await services.prisma.outboxMessage.count({ where: { kind: 'report.status', chatId: BigInt(u.id) } });
    console.log(
      `[faults] ${target}: 4 simultaneous "accept" of one report: ${outcomes.filter((o) => o.status === 'fulfilled').length} changed it, ${outcomes.filter((o) => o.status === 'rejected').length} refused; history entries ${events} (expected 1), notifications queued ${notices} (expected 1)`,
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(events).toBe(1);
    expect(notices).toBe(1);
  });
});
