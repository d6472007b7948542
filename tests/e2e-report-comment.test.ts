// One resident's way from the portal to the bot and back (issue 17), through the fake Bot API on a pinned clock:
// the report's public page carries the t.me link; /start with its payload opens the report in the bot, where the
// resident supports it and leaves an idea; the idea is on the page; two other residents flag it, it leaves the
// page and its author is told; a moderator restores it and it is back.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer } from '../app/compose.ts';
import { createPublicReportFeature } from '../bot/comments/feature.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { useBotSuite } from './helpers/bot-harness.ts';
import { dbTargets } from './helpers/db.ts';
import { PORTAL_CLOCK, seedPortalWorld, type PortalWorld } from './helpers/portal-fixtures.ts';
import { testLogger } from './helpers/silent-logger.ts';

describe.each(dbTargets)('end to end: from a report’s page to the bot and moderation (%s)', (target) => {
  const h = useBotSuite(target, {
    features: [createPublicReportFeature()],
    now: PORTAL_CLOCK,
    services: { portal: { home: true }, comments: { botUsername: () => 'azamat_test_bot', flagsToHide: 2 } },
  });
  const { services, say, press, last, alert } = h;
  let w: PortalWorld;
  let web: FastifyInstance;

  beforeAll(async () => {
    let clock = PORTAL_CLOCK;
    w = await seedPortalWorld(services, (ms) => (clock = new Date(clock.getTime() + ms)));
    web = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
  });
  afterAll(async () => {
    await web?.close();
  });
  const page = async () => (await web.inject({ method: 'GET', url: `/ru/reports/${w.open.number}` })).body;

  it('follows the page’s Telegram link, supports and comments in the bot, and the comment is flagged, hidden and restored', async () => {
    const link = /href="https:\/\/t\.me\/azamat_test_bot\?start=([A-Za-z0-9_-]+)"/.exec(await page());
    expect(link).not.toBeNull();
    const { u } = await h.citizen({ locale: 'ru', name: 'Айдос Нурланов' });
    await say(u, `/start ${link![1]}`);
    expect(last(u)).toContain(`Обращение ${w.open.number}`);
    await press(u, '👍 Поддержать');
    expect(alert()).toContain('Вы поддержали обращение');
    await press(u, '💡 Идея или комментарий');
    await say(u, 'Поставьте временное ограждение вокруг ямы до ремонта');
    await press(u, '👤 Показывать имя');
    await press(u, '✅ Отправить');
    expect(last(u)).toContain('Комментарий опубликован');
    const html = await page();
    expect(html).toContain('Поставьте временное ограждение вокруг ямы до ремонта');
    expect(html).toContain('Айдос Нурланов');

    for (const name of ['Первый Читатель', 'Второй Читатель']) {
      const { u: reader } = await h.citizen({ locale: 'kk', name });
      await say(reader, `/start ${link![1]}`);
      await press(reader, '🚩 №1 пікірге шағым');
    }
    expect(alert()).toBe('Рақмет. Пікір модератор шешім қабылдағанға дейін жасырылды.');
    expect(await page()).not.toContain('временное ограждение');
    await h.deliverOutbox();
    expect(last(u)).toContain(`Ваш комментарий к обращению ${w.open.number} скрыт до решения модератора`);

    await services.staff.create({ type: 'system' }, { login: 'e2e-mod', fullName: 'Модератор', password: 'e2e-mod-password-1', roles: ['moderator'] });
    const token = (await web.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'e2e-mod', password: 'e2e-mod-password-1' } })).json().token;
    const queue = (await web.inject({ method: 'GET', url: '/api/comments/moderation', headers: { authorization: `Bearer ${token}` } })).json();
    expect(queue.items).toHaveLength(1);
    const restored = await web.inject({
      method: 'POST',
      url: `/api/comments/${queue.items[0].id}/restore`,
      headers: { authorization: `Bearer ${token}` },
      payload: {},
    });
    expect(restored.json()).toEqual({ id: queue.items[0].id, state: 'visible' });
    expect(await page()).toContain('временное ограждение');
    await h.deliverOutbox();
    expect(last(u)).toContain('снова виден всем');
  });
});
