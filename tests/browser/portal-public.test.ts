// The portal's discussion, project, map and widget pages in Chromium (issue 17): a resident reads the topics under
// discussion with their Annex 1 fields and the bot link, a reviewed topic's Annex 2, the finished projects with
// their Annex 5 data and score, in both languages; the map draws the reports over the list (and the list alone
// works with JavaScript off); every page fits 390 px, shows nothing hidden or personal, and axe-core finds no WCAG
// 2.1 A/AA violation.
import type { FastifyInstance } from 'fastify';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.ts';
import { PORTAL_CLOCK, SECRETS, seedPortalWorld, type PortalWorld } from '../helpers/portal-fixtures.ts';
import { PUBLIC_SECRETS, seedPortalPublicWorld, type PortalPublicWorld } from '../helpers/portal-public-fixtures.ts';
import { testLogger } from '../helpers/silent-logger.ts';
import { browserAvailable, consoleDist, launchBrowser, OFFLINE_TILES, shot, type Browser } from './harness.ts';

const BOT = 'azamat_portal_bot';

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
  );
  const { violations, passes } = found as { violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>; passes: number };
  expect(passes).toBeGreaterThan(10);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!browserAvailable).each(dbTargets)('portal discussions, projects and map in Chromium (%s)', (target) => {
  let t: TestDb;
  let server: FastifyInstance;
  let base = '';
  let w: PortalWorld;
  let p: PortalPublicWorld;
  let b: Browser;
  let clock = PORTAL_CLOCK;

  beforeAll(async () => {
    t = await createTestDb(target);
    const services = createAppServices({
      db: t.db,
      logger: testLogger,
      sessionTtlHours: 12,
      now: () => clock,
      projects: { botUsername: () => BOT },
      portal: { home: true, distDir: await consoleDist(), map: { tileUrl: OFFLINE_TILES, attribution: '© OpenStreetMap' } },
    });
    server = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    w = await seedPortalWorld(services, (ms) => (clock = new Date(clock.getTime() + ms)));
    p = await seedPortalPublicWorld(services);
    b = await launchBrowser(base, { locale: 'ru-RU' });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await t?.drop();
  });

  const noSecrets = async (page: Page) => {
    const content = await page.content();
    for (const secret of [...Object.values(SECRETS), ...Object.values(PUBLIC_SECRETS)]) expect(content).not.toContain(secret);
  };

  it('reads the topics under discussion, a topic with its Annex 1 fields and bot link, and a reviewed topic with its Annex 2, in Russian and Kazakh', async () => {
    const { page } = b;
    await page.goto(`${base}/ru/reports`);
    await page.locator('nav.sections a[href="/ru/discussions"]').click();
    await page.waitForURL(`${base}/ru/discussions`);
    expect(await page.locator('ol.reports > li').count()).toBe(1);
    expect(await page.locator('ol.reports').innerText()).toContain('осталось дней: 9');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`a:text("${p.open.titleRu}")`).click();
    await page.waitForURL(`${base}/ru/discussions/${p.open.id}`);
    expect(await page.locator('.facts').innerText()).toContain('Целевая группа населения');
    expect(await page.locator('a.button').getAttribute('href')).toBe(`https://t.me/${BOT}?start=topic_${p.open.id}`);
    expect(await axeViolations(page)).toEqual([]);
    await noSecrets(page);
    await shot(page, 'portal-topic-ru');

    await page.locator('a[hreflang=kk]').click();
    await page.waitForURL(`${base}/kk/discussions/${p.open.id}`);
    expect(await page.locator('h1').innerText()).toBe(p.open.titleKk);
    expect(await page.locator('a.button').innerText()).toBe('Telegram-да ескерту не ұсыныс қалдыру');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${base}/ru/discussions`);
    await page.locator('nav.tabs a[href="/ru/discussions?tab=reviewed"]').click();
    await page.waitForURL(/tab=reviewed/);
    await page.locator(`a[href="/ru/discussions/${p.reviewed.id}"]`).click();
    await page.waitForURL(`${base}/ru/discussions/${p.reviewed.id}`);
    expect(await page.locator('table.annex tbody tr').count()).toBe(2);
    expect(await page.locator('table.annex').innerText()).toContain('Не принято. Обоснование: Спорт финансируется по другой программе');
    expect(await axeViolations(page)).toEqual([]);
    await noSecrets(page);
    await shot(page, 'portal-annex2-ru');
  });

  it('reads the finished projects with their Annex 5 data and score, in Russian and Kazakh', async () => {
    const { page } = b;
    await page.goto(`${base}/ru/projects`);
    expect(await page.locator('ol.reports > li').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(`a:text("${p.evaluated.nameRu}")`).click();
    await page.waitForURL(`${base}/ru/projects/${p.evaluated.id}`);
    expect(await page.locator('.facts').innerText()).toContain('16 из 20');
    expect(await page.locator('table.stats tbody tr').count()).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await noSecrets(page);
    await page.locator('a[hreflang=kk]').click();
    await page.waitForURL(`${base}/kk/projects/${p.evaluated.id}`);
    expect(await page.locator('h1').innerText()).toBe(p.evaluated.nameKk);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-project-kk');
  });

  it('draws the reports on the map in their colours over the same list, and a point opens its report', async () => {
    const { page } = b;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/ru/map`);
    await expect.poll(() => page.locator('#map.ready path.leaflet-interactive').count()).toBe(3);
    const fills = await page.locator('#map path.leaflet-interactive').evaluateAll((els) => els.map((e) => e.getAttribute('fill')).sort());
    expect(fills).toEqual(['#1B6E3A', '#5F6368', '#B3261E']);
    expect(await page.locator('ol.reports > li').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-map-ru');
    // The three points share one rounded position: the red one is clicked by its own element, not by where it lies.
    await page.locator('#map path.leaflet-interactive[fill="#B3261E"]').dispatchEvent('click');
    await page.locator('.leaflet-popup-content a').click();
    await page.waitForURL(`${base}/ru/reports/${w.open.number}`);
    expect(errors).toEqual([]);
    // Nothing but the offline tiles was asked of another server.
    expect(b.blocked.filter((u) => !u.startsWith('https://tiles.invalid/'))).toEqual([]);
  });

  it('works with JavaScript off and fits a 390 px phone on every new page', async () => {
    const phone = await launchBrowser(base, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'kk-KZ' });
    try {
      const { page } = phone;
      const wide = () => page.evaluate('document.documentElement.scrollWidth');
      for (const [url, name] of [
        ['/kk/discussions', 'portal-topics-390'],
        [`/kk/discussions/${p.open.id}`, null],
        [`/kk/discussions/${p.reviewed.id}`, 'portal-annex2-390'],
        ['/kk/projects', null],
        [`/kk/projects/${p.evaluated.id}`, 'portal-project-390'],
        ['/kk/stats', null],
        [`/embed/kk/reports?region=${w.regionA.code}`, null],
      ] as const) {
        await page.goto(`${base}${url}`);
        expect(await wide(), url).toBeLessThanOrEqual(390);
        if (name) await shot(page, name);
      }
      // The map page without script: no empty map box, the filter form and the list do the work.
      await page.goto(`${base}/kk/map`);
      expect(await page.locator('#map').isVisible()).toBe(false);
      await page.locator('select#status').selectOption('resolved');
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL(/\/kk\/map\?.*status=resolved/);
      expect(await page.locator('ol.reports > li').count()).toBe(1);
      expect(await wide()).toBeLessThanOrEqual(390);
      await shot(page, 'portal-map-nojs-390');
    } finally {
      await phone.close();
    }
  });
});
