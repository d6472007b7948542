// Issue 22 in Chromium with the demo data, in Kazakh and Russian, at 1366 px and on a 390 px phone: chart text
// stays 11–14 px and inside its canvas, the trend ends today, validation errors stand in the reader's language
// next to their fields, a report card's dialogs cover the header, consultations fit a phone, and every screen
// fits a 390 px phone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES } from '../../app/capabilities/index.ts';
import { fillDemo } from '../../core/demo/fill-demo.ts';
import { dbTargets } from '../helpers/db.ts';
import { chartTexts, clearChartTexts, recordChartText } from './chart-text.ts';
import { browserAvailable, launchBrowser, shot, startConsoleApp, type ConsoleApp } from './harness.ts';
import { signInDemo as signIn, sideways, walkPhone } from './phone-walk.ts';

const WIDTHS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const almatyToday = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);

describe.skipIf(!browserAvailable).each(dbTargets)('console polish with the demo data (%s)', (target) => {
  let app: ConsoleApp;

  beforeAll(async () => {
    app = await startConsoleApp(target);
    await fillDemo(app.services, CAPABILITIES, { storageDir: app.storageDir });
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it.each(WIDTHS)('draws the dashboard charts with 11–14 px labels inside the canvas, the trend ending today ($name)', async ({ name, viewport }) => {
    const b = await launchBrowser(app.baseUrl, { viewport });
    try {
      const { page } = b;
      await recordChartText(page);
      await signIn(page, app.baseUrl, 'manager');
      const quarter = `${almatyToday().slice(0, 4)}-Q${Math.ceil(Number(almatyToday().slice(5, 7)) / 3)}`;
      await page.goto(`${app.baseUrl}/console/dashboard?period=${quarter}`);
      await page.locator('[data-testid=dash-rankings] canvas').first().waitFor();
      await page.locator('[data-testid=dash-civic] .line-chart canvas').waitFor();
      // The period is picked by name («IV тоқсан 2026»), never typed as a code.
      expect(await page.locator('.filters input:not([type=date])').count()).toBe(0);
      expect(await page.locator('select[name=period] option:checked').innerText()).toMatch(/^(I|II|III|IV) (тоқсан|квартал) \d{4}$/);
      const texts = await chartTexts(page);
      expect(texts.length).toBeGreaterThan(10);
      expect(texts.filter((x) => x.px < 11 || x.px > 14)).toEqual([]);
      expect(texts.filter((x) => !x.inside)).toEqual([]);
      // The count axis steps by whole numbers.
      const ticks = texts.map((x) => x.text).filter((x) => /^\d+,\d+$/.test(x));
      expect(ticks).toEqual([]);
      // The weekly trend ends with the week that holds today: no future weeks drawn as zeros.
      const weeks = await page.locator('[data-testid=dash-civic] .line-chart .sr-only tbody th').allInnerTexts();
      const [d, m, y] = weeks.at(-1)!.split('.');
      const last = `${y}-${m}-${d}`;
      expect(last <= almatyToday()).toBe(true);
      expect(new Date(`${almatyToday()}T00:00:00Z`).getTime() - new Date(`${last}T00:00:00Z`).getTime()).toBeLessThan(7 * 86_400_000);
      await page.locator('[data-testid=dash-civic]').scrollIntoViewIfNeeded();
      await shot(page, `polish-dashboard-charts-${name}`);
      await page.locator('[data-testid=dash-rankings]').scrollIntoViewIfNeeded();
      await shot(page, `polish-dashboard-rankings-${name}`);
      expect(await sideways(page)).toEqual([]);
      await clearChartTexts(page);
    } finally {
      await b.close();
    }
  });

  const LOCALES = [
    { lang: 'kk', label: 'Қаз', required: 'Бұл өрісті толтырыңыз.', short: 'Ең аз таңба саны: 3.', check: 'Пішінде белгіленген өрістерді тексеріңіз.' },
    { lang: 'ru', label: 'Рус', required: 'Заполните это поле.', short: 'Минимум символов: 3.', check: 'Проверьте поля, отмеченные в форме.' },
  ] as const;

  it.each(LOCALES)(
    "says in the reader's language, next to the field, what a new staff account lacks ($lang)",
    async ({ lang, label, required, short, check }) => {
      const b = await launchBrowser(app.baseUrl);
      try {
        const { page } = b;
        await signIn(page, app.baseUrl, 'admin');
        await page.locator('.lang-switch button', { hasText: label }).click();
        await page.goto(`${app.baseUrl}/console/admin/staff`);
        // The admin sees every screen: a menu that would wrap goes behind ☰, so the header keeps one line.
        // Either the entries on one line, or none shown and the ☰ button instead.
        const oneLine = `(() => {
          const tops = new Set(Array.from(document.querySelectorAll('.mainnav a')).filter((a) => a.offsetParent).map((a) => a.offsetTop));
          const toggle = !!document.querySelector('.menu-toggle').offsetParent;
          return tops.size === 1 ? !toggle : tops.size === 0 && toggle;
        })()`;
        await expect.poll(() => page.evaluate(oneLine)).toBe(true);
        await page.locator('.screen-head button.primary').click();
        const form = page.locator('[data-testid=staff-form]');
        // Required fields are marked before anyone submits.
        const mark = await page.evaluate(
          `getComputedStyle(document.querySelector('[data-testid=staff-form] input[name=login]').closest('.field').querySelector('.field-label'), '::after').content`,
        );
        expect(mark).toContain('*');
        // Nothing typed: the console names the empty fields itself, without the browser's English bubble.
        await form.locator('button[type=submit]').click();
        await expect.poll(() => form.locator('[data-testid=field-error-login]').innerText()).toBe(required);
        expect(await form.locator('[data-testid=field-error-fullName]').innerText()).toBe(required);
        // A login too short for the API: its code comes back and stands beside the login, in the reader's language.
        await form.locator('input[name=login]').fill('ab');
        await form.locator('input[name=fullName]').fill('Бауыржан Омаров');
        await form.locator('input[name=password]').fill('a-long-enough-password-1');
        await form.locator('button[type=submit]').click();
        await expect.poll(() => form.locator('[data-testid=field-error-login]').innerText()).toBe(short);
        expect(await form.locator('input[name=login]').getAttribute('aria-invalid')).toBe('true');
        expect(await form.locator('.error-box').innerText()).toContain(check);
        // Nothing English on the page: no zod text, no path, no toast repeating it.
        const text = await page.locator('body').innerText();
        expect(text).not.toMatch(/Too small|expected string|body\.login|Please fill/);
        expect(await page.locator('.toast').count()).toBe(0);
        expect(await form.locator('.hint').allInnerTexts()).not.toContain(expect.stringMatching(/прежний|бұрынғысы/));
        await shot(page, `polish-staff-validation-${lang}`);
      } finally {
        await b.close();
      }
    },
  );

  it.each(WIDTHS)("opens a report card's dialog above the dimmed header ($name)", async ({ name, viewport }) => {
    const b = await launchBrowser(app.baseUrl, { viewport });
    try {
      const { page } = b;
      await signIn(page, app.baseUrl, 'operator');
      await page.goto(`${app.baseUrl}/console/reports`);
      await page.locator('.report-list a').first().click();
      const detail = page.locator('[data-testid=report-detail]');
      await detail.locator('button[data-action]').first().click();
      const dialog = page.locator('[role=dialog]');
      await dialog.waitFor();
      // The backdrop covers the header: the point in the header's middle belongs to the backdrop, and the
      // dialog's top is below the window's top edge.
      const onTop = await page.evaluate(`(() => {
        const h = document.querySelector('.topbar').getBoundingClientRect();
        const at = document.elementFromPoint(h.left + h.width / 2, h.top + h.height / 2);
        return !!at && !!at.closest('.modal-backdrop') && !at.closest('.topbar');
      })()`);
      expect(onTop).toBe(true);
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      // Focus is inside the dialog, stays there on Tab, and returns to the button on Escape.
      for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(`!!document.activeElement.closest('[role=dialog]')`)).toBe(true);
      await shot(page, `polish-report-dialog-${name}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.evaluate(`document.activeElement.getAttribute('data-action') !== null`)).toBe(true);
    } finally {
      await b.close();
    }
  });

  it.each([500])('shows a tapped question on its own view with the way back, nothing sideways, at %i px', async (width) => {
    const b = await launchBrowser(app.baseUrl, { viewport: { width, height: 844 } });
    try {
      const { page } = b;
      await signIn(page, app.baseUrl, 'consultant');
      await page.goto(`${app.baseUrl}/console/questions?view=open`);
      const list = page.locator('[data-testid=question-list]');
      await list.locator('a').first().click();
      const detail = page.locator('[data-testid=question-detail]');
      await detail.waitFor();
      // The detail replaces the list and starts at the top of the window, not below the whole list.
      await expect.poll(() => list.isVisible()).toBe(false);
      expect((await detail.boundingBox())!.y).toBeLessThan(300);
      expect(await sideways(page)).toEqual([]);
      // One close per meaning: the panel's is named as such, the question's is «close the question».
      const names: string[] = await page.evaluate(
        `Array.from(document.querySelectorAll('[data-testid=question-detail] button')).filter((b) => b.offsetParent).map((b) => b.getAttribute('aria-label') || b.innerText.trim())`,
      );
      expect(names.length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(names.length);
      await shot(page, `polish-question-${width}`);
      await detail.locator('[data-testid=detail-back]').click();
      await expect.poll(() => list.isVisible()).toBe(true);
    } finally {
      await b.close();
    }
  });

  // Every screen of every role at 390 px (phone-walk.ts), in each language. The screens do not depend on the
  // database engine: with both targets, Kazakh walks on PGlite and Russian on PostgreSQL (CI's time is tight).
  const langs = dbTargets.length > 1 ? ([target === 'pglite' ? 'kk' : 'ru'] as const) : (['kk', 'ru'] as const);
  it.each(langs)('fits every screen on a 390 px phone, a list item opening on its own view with the way back (%s)', async (lang) => {
    await walkPhone(app.baseUrl, lang);
  });
});
