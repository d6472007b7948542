// Prometheus metrics of the whole app (bot by long polling, API, jobs and outbox) against the fake Bot API:
// /metrics answers only with METRICS_TOKEN on the API's port, or on the private METRICS_PORT listener; a
// citizen filing a report moves the bot's update counters and the open-reports gauge, and the notification
// of its status change moves the outbox's "sent" counter and the HTTP counter of the route that caused it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from './helpers/db.ts';
import { reportToSummaryRu } from './helpers/citizen-flow.ts';
import { act, onboard, startE2e, until, walk, type E2e } from './helpers/e2e.ts';
import { metricValue } from './helpers/prometheus.ts';

const TOKEN = 'metrics-token-0123456789abcdef';
const SPOT = { lat: 51.1282, lon: 71.4307 };

describe.each(dbTargets)('metrics (%s)', (target) => {
  let e: E2e;
  const scrape = async () => {
    const res = await fetch(`${e.app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    e = await startE2e(target, { env: { METRICS_TOKEN: TOKEN, METRICS_PORT: '0' } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  it('answers /metrics on the API port only to the token, and on the private port without one', async () => {
    expect((await fetch(`${e.app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${e.app.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const text = await scrape();
    // process and event-loop metrics, in this registry (prefixed, labelled with the roles)
    expect(metricValue(text, 'azamat_process_cpu_user_seconds_total', { role: 'all' })).toBeGreaterThan(0);
    expect(text).toContain('azamat_nodejs_eventloop_lag_seconds');
    expect(e.app.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const priv = await fetch(`${e.app.metricsUrl}/metrics`);
    expect(priv.status).toBe(200);
    expect(await priv.text()).toContain('azamat_reports_open');
    expect((await fetch(`${e.app.metricsUrl}/health/live`)).status).toBe(200);
  });

  it('counts a report being filed in the bot and its notification being sent', async () => {
    const before = await scrape();
    const openBefore = metricValue(before, 'azamat_reports_open')!;
    const messagesBefore = metricValue(before, 'azamat_bot_updates_total', { kind: 'message' }) ?? 0;
    const buttonsBefore = metricValue(before, 'azamat_bot_updates_total', { kind: 'callback_query' }) ?? 0;
    expect(metricValue(before, 'azamat_outbox_sends_total', { outcome: 'sent', kind: 'report.status' }) ?? 0).toBe(0);

    const author = await onboard(e.fake, 'ru');
    await walk(author, reportToSummaryRu(SPOT, 'Сломан светофор на перекрёстке у Байтерека'));
    const filed = await act(author, () => author.pressButton('✅ Отправить'), /Номер: KZ-\d{4}-\d{6}/);
    const number = /KZ-\d{4}-\d{6}/.exec(filed)![0];

    const afterFiling = await scrape();
    expect(metricValue(afterFiling, 'azamat_reports_open')).toBe(openBefore + 1);
    // /start, the menu, the location, the description, the photo …: every one counted, with its handling time
    expect(metricValue(afterFiling, 'azamat_bot_updates_total', { kind: 'message' })).toBeGreaterThanOrEqual(messagesBefore + 5);
    expect(metricValue(afterFiling, 'azamat_bot_updates_total', { kind: 'callback_query' })).toBeGreaterThanOrEqual(buttonsBefore + 6);
    expect(metricValue(afterFiling, 'azamat_bot_update_duration_seconds_count', { kind: 'message' })).toBe(
      metricValue(afterFiling, 'azamat_bot_updates_total', { kind: 'message' }),
    );
    expect(metricValue(afterFiling, 'azamat_bot_update_errors_total') ?? 0).toBe(0);

    const report = await e.app.services.prisma.report.findUniqueOrThrow({ where: { number } });
    expect((await e.api('POST', `/api/reports/${report.id}/status`, { to: 'in_work', publicNote: 'Принято в работу' })).status).toBe(200);
    await until('the status notification', () => author.texts().find((x) => x.includes('Принято в работу')));
    const sent = await until('the outbox counting it', async () => {
      const text = await scrape();
      return (metricValue(text, 'azamat_outbox_sends_total', { outcome: 'sent', kind: 'report.status' }) ?? 0) >= 1 && text;
    });
    expect(metricValue(sent, 'azamat_http_requests_total', { route: '/api/reports/:id/status', method: 'POST', status: '200' })).toBe(1);
    expect(metricValue(sent, 'azamat_http_request_duration_seconds_count', { route: '/api/reports/:id/status' })).toBe(1);
    expect(metricValue(sent, 'azamat_outbox_messages', { status: 'sent' })).toBeGreaterThanOrEqual(1);
    expect(metricValue(sent, 'azamat_outbox_stuck')).toBe(0);
    expect(metricValue(sent, 'azamat_reports_overdue')).toBe(0);
  });

  it('reports when each job last ran, how long it took and how it ended', async () => {
    await e.app.scheduler!.runNow('housekeeping');
    const text = await scrape();
    expect(metricValue(text, 'azamat_job_last_success', { job: 'housekeeping' })).toBe(1);
    expect(metricValue(text, 'azamat_job_last_run_timestamp_seconds', { job: 'housekeeping' })).toBeGreaterThan(0);
    expect(metricValue(text, 'azamat_job_runs_total', { job: 'housekeeping', result: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(text).toContain('azamat_job_last_duration_seconds{job="housekeeping"');
  });

  it('has every metric the example alert rules use (deploy/prometheus/azamat-alerts.yml)', async () => {
    const rules = readFileSync('deploy/prometheus/azamat-alerts.yml', 'utf8');
    const used = [...new Set([...rules.matchAll(/\b(azamat_[a-z0-9_]+)/g)].map((m) => m[1]!))];
    expect(used.length).toBeGreaterThan(10);
    const text = await scrape();
    // the backup gauge is absent until there is a backup, which the rule itself says (absent())
    const missing = used.filter((name) => name !== 'azamat_backup_last_timestamp_seconds' && !new RegExp(`^${name}[{ ]`, 'm').test(text));
    expect(missing).toEqual([]);
    expect(text).toContain('# TYPE azamat_backup_last_timestamp_seconds gauge');
  });
});
