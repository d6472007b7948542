// The public portal in Chromium (issue 17): the list and a report's page read as a resident sees them, the language
// switch keeps the page, the filter form and the pages work with JavaScript off, nothing scrolls sideways at 390 px,
// the skip link comes first on the keyboard, and axe-core finds no WCAG 2.1 A/AA violation on any page.
import type { FastifyInstance } from 'fastify';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppServer, createAppServices } from '../../app/compose.ts';
import { createI18n } from '../../core/i18n/i18n.ts';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.ts';
import { PORTAL_CLOCK, SECRETS, seedPortalWorld, type PortalWorld } from '../helpers/portal-fixtures.ts';
import { testLogger } from '../helpers/silent-logger.ts';
import { browserAvailable, launchBrowser, shot, type Browser } from './harness.ts';

const axeSource = axe.source;

interface AxeViolation {
  id: string;
  impact: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is (run through the debugger: the page's CSP allows no script). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => ({ violations: r.violations, passes: r.passes.length }))`,
  );
  const { violations, passes } = found as { violations: AxeViolation[]; passes: number };
  // A run that checked nothing would pass any page.
  expect(passes).toBeGreaterThan(10);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.skipIf(!browserAvailable).each(dbTargets)('public portal in Chromium (%s)', (target) => {
  let t: TestDb;
  let server: FastifyInstance;
  let base = '';
  let w: PortalWorld;
  let b: Browser;
  let clock = PORTAL_CLOCK;

  beforeAll(async () => {
    t = await createTestDb(target);
    const services = createAppServices({ db: t.db, logger: testLogger, sessionTtlHours: 12, now: () => clock, portal: { home: true } });
    server = await buildAppServer({ services, i18n: createI18n(), logger: testLogger, cookieSecure: false });
    await server.listen({ host: '127.0.0.1', port: 0 });
    const address = server.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    w = await seedPortalWorld(services, (ms) => (clock = new Date(clock.getTime() + ms)));
    b = await launchBrowser(base, { locale: 'ru-RU' });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    await t?.drop();
  });

  it('shows the list with its status words and switches to Kazakh on the same page, without WCAG violations', async () => {
    const { page } = b;
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/ru/reports`);
    await expect.poll(() => page.locator('ol.reports > li').count()).toBe(3);
    expect(await page.locator(`li:has(a:text("${w.open.number}")) .badge.red`).innerText()).toContain('В работе');
    expect(await page.locator(`li:has(a:text("${w.resolved.number}")) .badge.green`).innerText()).toContain('Выполнено');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-list-ru');

    await page.locator(`a:text("${w.resolved.number}")`).click();
    await page.waitForURL(`${base}/ru/reports/${w.resolved.number}`);
    expect(await page.locator('h1').innerText()).toContain(`Обращение ${w.resolved.number}`);
    expect(await page.locator('body').innerText()).toContain('Фонарь заменён.');
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('a[hreflang=kk]').click();
    await page.waitForURL(`${base}/kk/reports/${w.resolved.number}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.locator('h1').innerText()).toContain(`Өтініш ${w.resolved.number}`);
    expect(await page.locator('body').innerText()).toContain('Шам ауыстырылды.');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-report-kk');
    // The choice is remembered for `/`.
    await page.goto(`${base}/`);
    expect(page.url()).toBe(`${base}/kk/reports`);

    await page.locator('nav.sections a[href="/kk/stats"]').click();
    await page.waitForURL(`${base}/kk/stats`);
    expect(await page.locator('table.stats caption').first().innerText()).toBe('Көрсеткіштер');
    expect(await page.locator('table.trend caption').innerText()).toBe('Айлар бойынша');
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'portal-stats-kk');

    await page.goto(`${base}/kk/reports/${w.hidden.number}`);
    expect(await page.locator('h1').innerText()).toBe('Бет табылмады');
    expect(await axeViolations(page)).toEqual([]);
    for (const secret of Object.values(SECRETS)) expect(await page.content()).not.toContain(secret);
    expect(b.blocked).toEqual([]);
  });

  it('reaches the skip link first with Tab and moves to the main content', async () => {
    const { page } = b;
    await page.goto(`${base}/ru/reports`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Перейти к содержанию');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('filters and opens a report with JavaScript off, and fits a 390 px phone without sideways scrolling', async () => {
    const phone = await launchBrowser(base, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false, locale: 'kk-KZ' });
    try {
      const { page } = phone;
      await page.goto(`${base}/kk/reports`);
      await page.locator('select#region').selectOption(w.regionB.code);
      await page.locator('select#status').selectOption('resolved');
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL(/region=/);
      expect(await page.locator('ol.reports > li').count()).toBe(1);
      expect(await page.locator('ol.reports').innerText()).toContain(w.resolved.number);
      const wide = () => page.evaluate('document.documentElement.scrollWidth');
      expect(await wide()).toBeLessThanOrEqual(390);
      await shot(page, 'portal-list-390');
      await page.locator(`a:text("${w.resolved.number}")`).click();
      await page.waitForURL(`${base}/kk/reports/${w.resolved.number}`);
      expect(await page.locator('.facts').innerText()).toContain('Мерзімінде орындалды');
      expect(await wide()).toBeLessThanOrEqual(390);
      await shot(page, 'portal-report-390');
      await page.goto(`${base}/kk/reports/${w.open.number}`);
      expect(await wide()).toBeLessThanOrEqual(390);
      await page.goto(`${base}/kk/stats`);
      await page.locator('select#region').selectOption(w.regionB.code);
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL(/stats\?period=2026&region=/);
      expect(await wide()).toBeLessThanOrEqual(390);
      await shot(page, 'portal-stats-390');
    } finally {
      await phone.close();
    }
  });
});
