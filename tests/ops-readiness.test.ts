// Health and readiness of the whole app: /health/live says the process is up; /health/ready checks the
// database, the migrations, the bot's connection and the outbox. When the outbox's Telegram goes down,
// a notification waits; once it has waited longer than OUTBOX_STUCK_MINUTES with nothing sent, readiness
// fails and names the outbox; when Telegram is back the notification goes out and readiness recovers.
// The app's clock is pinned to the real one plus an offset the test moves forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../core/outbox/outbox-repository.ts';
import { dbTargets } from './helpers/db.ts';
import { onboard, startE2e, until, type E2e } from './helpers/e2e.ts';
import { metricValue } from './helpers/prometheus.ts';

const TOKEN = 'metrics-token-0123456789abcdef';

describe.each(dbTargets)('health and readiness (%s)', (target) => {
  let e: E2e;
  const ready = async () => {
    const res = await fetch(`${e.app.url}/health/ready`);
    return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, { ok: boolean; detail: string }> } };
  };

  beforeAll(async () => {
    e = await startE2e(target, { env: { OUTBOX_STUCK_MINUTES: '5', METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    e?.fake.setDown(false);
    await e?.stop();
  });

  it('is live, and ready once the bot polls, with each check named', async () => {
    const live = await fetch(`${e.app.url}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });
    // the existing /health keeps answering as tools and CI expect
    expect(await (await fetch(`${e.app.url}/health`)).json()).toMatchObject({ status: 'ok', database: { ok: true } });
    const r = await until('ready', async () => {
      const x = await ready();
      return x.status === 200 && x;
    });
    expect(Object.keys(r.body.checks).sort()).toEqual(['bot', 'database', 'migrations', 'outbox']);
    expect(r.body.checks.bot!.detail).toBe('connected, long polling');
    expect(r.body.checks.migrations!.detail).toMatch(/^all \d+ applied$/);
  });

  it("fails while the outbox's Telegram is down and a notification has waited too long, then recovers", async () => {
    const citizen = await onboard(e.fake, 'kk');
    e.fake.setDown(true);
    const id = await enqueueMessage(e.app.services.prisma, {
      chatId: citizen.id,
      kind: 'test.notice',
      text: 'Тексеру хабарландыруы',
    });
    const failing = await until('a failed attempt', async () => {
      const m = await e.app.services.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });
      return m.attempts >= 1 && m.status === 'pending' && m.lastError?.includes('Bad Gateway') && m;
    });
    expect(failing.sentAt).toBeNull();
    // a short wait is not "stuck": Telegram may be back in a moment
    expect((await ready()).status).toBe(200);

    e.clock.set(new Date(e.clock.now().getTime() + 6 * 60_000));
    const down = await ready();
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('not_ready');
    expect(down.body.checks.outbox).toMatchObject({ ok: false });
    expect(down.body.checks.outbox!.detail).toMatch(/^stuck: the oldest notification has waited \d+ s and none was sent for 5 min$/);
    expect(down.body.checks.database!.ok).toBe(true);
    const metrics = await (await fetch(`${e.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(metricValue(metrics, 'azamat_outbox_stuck')).toBe(1);
    expect(metricValue(metrics, 'azamat_outbox_oldest_queued_age_seconds')).toBeGreaterThanOrEqual(360);
    expect(metricValue(metrics, 'azamat_outbox_sends_total', { outcome: 'retried', kind: 'test.notice' })).toBeGreaterThanOrEqual(1);
    expect(citizen.texts()).not.toContain('Тексеру хабарландыруы');

    e.fake.setDown(false);
    await until('the notification delivered', () => citizen.texts().includes('Тексеру хабарландыруы'));
    const back = await until('ready again', async () => {
      const x = await ready();
      return x.status === 200 && x;
    });
    expect(back.body.checks.outbox).toMatchObject({ ok: true });
  });
});
