// Every console screen on a 390×844 phone with the demo data, as the admin (who may open them all): nothing scrolls
// sideways, a list's item opens as a view of its own with the way back (components/master-detail.tsx), and a
// detail page starts with its back link. Screenshots go to test-artifacts/screenshots/phone-<lang>-<screen>.png.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../core/demo/fill-demo.ts';
import { launchBrowser, shot } from './harness.ts';

const PHONE = { width: 390, height: 844 };

/** Signs in at any width (on a phone the header hides the name behind the menu). */
export async function signInDemo(page: Page, baseUrl: string, login: string) {
  await page.goto(`${baseUrl}/console/`);
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill(DEMO_PASSWORD);
  await page.locator('form.login-card button[type=submit]').click();
  await page.locator('[data-testid=who]').waitFor({ state: 'attached' });
}

/** The elements that stick out past the window's right edge (the page then scrolls sideways); none expected. */
export async function sideways(page: Page): Promise<string[]> {
  // A string: the tests' TypeScript has no DOM types.
  return page.evaluate(`(() => {
    const root = document.scrollingElement;
    // A detail pane scrolls in its own box on a desktop: on a phone nothing in it may be cut at the right.
    const cut = Array.from(document.querySelectorAll('.detail')).filter((e) => e.scrollWidth > e.clientWidth + 1);
    if (cut.length) return cut.map((d) => 'cut in .detail: ' + Array.from(d.querySelectorAll('*')).filter((e) => e.getBoundingClientRect().right > d.getBoundingClientRect().right + 1).slice(0, 4).map((e) => e.tagName.toLowerCase() + '.' + Array.from(e.classList).join('.')).join(', '));
    if (root.scrollWidth <= window.innerWidth) return [];
    const over = (e) => e.getBoundingClientRect().right > window.innerWidth + 1;
    // An element inside a box that scrolls or clips (a wide table in its own scroller) does not widen the page.
    const clipped = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible' && !over(a)) return true;
      return false;
    };
    const wide = Array.from(document.querySelectorAll('body *')).filter((e) => over(e) && !clipped(e));
    return ['page ' + root.scrollWidth + ' > ' + window.innerWidth, ...wide.slice(0, 8).map((e) => e.tagName.toLowerCase() + '.' + Array.from(e.classList).join('.') + ' ' + Math.round(e.getBoundingClientRect().right))];
  })()`);
}

/** Moves within the console as a click on a link does (no page load), then waits for the screen's data. */
async function open(page: Page, path: string) {
  await page.evaluate(`(() => { history.pushState(null, '', ${JSON.stringify(`/console/${path}`)}); dispatchEvent(new PopStateEvent('popstate')); })()`);
  await settled(page);
}

async function settled(page: Page) {
  await page.locator('main .screen, main [data-testid]').first().waitFor();
  await expect.poll(() => page.locator('.loading, [aria-busy=true]').count()).toBe(0);
}

/** A screen as the phone shows it: nothing sideways, then its picture. */
async function check(page: Page, lang: string, name: string) {
  expect(await sideways(page), `${name} (${lang}) scrolls sideways`).toEqual([]);
  await shot(page, `phone-${lang}-${name}`);
}

/** A list whose item opens beside it on a desktop: on the phone the item replaces the list, and comes back. */
async function masterDetail(page: Page, lang: string, name: string, item: string) {
  const master = page.locator('.master-detail > .master');
  await page.locator(item).first().click();
  const detail = page.locator('.master-detail > .detail');
  await detail.waitFor();
  await settled(page);
  await expect.poll(() => master.isVisible(), { message: `${name}: the list stays beside the detail` }).toBe(false);
  expect((await detail.boundingBox())!.y, `${name}: the detail starts below the list`).toBeLessThan(200);
  await check(page, lang, `${name}-detail`);
  await detail.locator('[data-testid=detail-back]').click();
  await expect.poll(() => master.isVisible()).toBe(true);
}

/** A detail with a page of its own: it starts with the way back to where it was opened from. */
async function detailPage(page: Page, lang: string, name: string, link: string) {
  await page.locator(link).first().click();
  await settled(page);
  const back = page.locator('main .screen > p > a', { hasText: '←' }).first();
  expect(await back.isVisible(), `${name}: no way back`).toBe(true);
  await check(page, lang, name);
}

/** Every screen of every role, in one language; a fresh browser whose language is `lang`. */
export async function walkPhone(baseUrl: string, lang: 'kk' | 'ru') {
  const b = await launchBrowser(baseUrl, { viewport: PHONE, locale: lang === 'kk' ? 'kk-KZ' : 'ru-RU' });
  const { page } = b;
  const as = async (login: string) => {
    await b.context.clearCookies();
    await signInDemo(page, baseUrl, login);
    await settled(page);
  };
  try {
    // The sign-in card holds its form, with no empty band below the button.
    await page.goto(`${baseUrl}/console/`);
    const card = (await page.locator('form.login-card').boundingBox())!;
    const button = (await page.locator('form.login-card button[type=submit]').boundingBox())!;
    expect(card.y + card.height - (button.y + button.height)).toBeLessThanOrEqual(48);
    await check(page, lang, 'login');

    // The admin opens every screen (sign-ins are limited to 10 a minute, which one walk per role would pass).
    await as('admin');
    await open(page, 'reports');
    await check(page, lang, 'reports');
    await masterDetail(page, lang, 'reports', '.report-list a');
    // A phone has no keyboard: the action buttons carry no shortcut hints.
    await page.locator('.report-list a').first().click();
    await page.locator('.master-detail > .detail button[data-action]').first().waitFor();
    expect(await page.locator('button kbd').count()).toBeGreaterThan(0);
    expect(await page.locator('button kbd:visible').count()).toBe(0);
    await page.locator('[data-testid=detail-back]').click();

    await open(page, 'questions');
    await check(page, lang, 'questions');
    await masterDetail(page, lang, 'questions', '[data-testid=question-list] a');
    await open(page, 'faq');
    await check(page, lang, 'faq');
    await masterDetail(page, lang, 'faq', '[data-testid=faq-list] button.item');

    await open(page, 'dashboard');
    await check(page, lang, 'dashboard');
    await open(page, 'topics');
    await check(page, lang, 'topics');
    await detailPage(page, lang, 'topic', '[data-testid=topic-list] a');
    // a project with a poll (the demo's first project may have none)
    const get = async <T>(url: string) => (await (await page.request.get(`${baseUrl}${url}`)).json()) as T;
    let polled = 0;
    for (const p of (await get<{ items: { id: number }[] }>('/api/projects?limit=50')).items)
      if (!polled && (await get<{ items: unknown[] }>(`/api/polls?projectId=${p.id}`)).items.length) polled = p.id;
    await open(page, 'projects');
    await check(page, lang, 'projects');
    await detailPage(page, lang, 'project', `[data-testid=project-list] a[href$="/projects/${polled}"]`);
    const project = page.url();
    await detailPage(page, lang, 'poll', '[data-testid=project-detail] a[href*="/polls/"]');
    await page.goBack();
    await settled(page);
    expect(page.url()).toBe(project);
    await detailPage(page, lang, 'monitoring', '[data-testid=project-monitoring-link]');
    await open(page, 'monitoring/annex3');
    await check(page, lang, 'annex3');
    await open(page, 'monitoring/annex9');
    await check(page, lang, 'annex9');
    // The screens of civic initiatives and of social impact.
    for (const screen of ['initiatives/queue', 'initiatives', 'initiatives/map', 'impact/scorecard', 'impact/proxies']) {
      await open(page, screen);
      await check(page, lang, screen.replace('/', '-'));
    }
    for (const tab of ['opportunities', 'volunteers', 'rankings']) {
      await open(page, `volunteers?tab=${tab}`);
      await check(page, lang, `volunteers-${tab}`);
    }
    await open(page, 'volunteers');
    await detailPage(page, lang, 'opportunity', '[data-testid=opportunity-list] a');

    await open(page, 'comments');
    await check(page, lang, 'comments');
    await open(page, 'topics?tab=moderation');
    await check(page, lang, 'topics-moderation');

    for (const tab of ['staff', 'categories', 'departments', 'topics', 'templates', 'calendar', 'api-keys', 'audit']) {
      await open(page, `admin/${tab}`);
      await check(page, lang, `admin-${tab}`);
      // A row's Edit button is in view inside the table's box, with no sideways scrolling.
      const edit = page.locator('main table.data tbody button.row-edit').first();
      if (await edit.count()) {
        const [box, btn] = [(await page.locator('main table.data').first().boundingBox())!, (await edit.boundingBox())!];
        expect(btn.x + btn.width, `admin-${tab}: Edit out of view`).toBeLessThanOrEqual(box.x + box.width + 1);
        expect(btn.x).toBeGreaterThanOrEqual(box.x);
      }
    }
    // The audit log in sentences: the operator by name, the report by its number, the step in words.
    await page.locator('select[name=action]').selectOption('report.*');
    await page.locator('form.filters button[type=submit]').click();
    const said = lang === 'kk' ? /^\S+ \S+: өтініш KZ-\d{4}-\d{6} — [а-яәғқңөұүһі ]+$/ : /^\S+ \S+: обращение KZ-\d{4}-\d{6} — [а-яё ]+$/;
    await expect.poll(async () => (await page.locator('[data-testid=audit-sentence]').allInnerTexts()).filter((x) => said.test(x)).length).toBeGreaterThan(0);
    await page.locator('[data-testid=audit-table] tbody tr button').first().click();
    const diff = page.locator('[data-testid=audit-diff]');
    await diff.waitFor();
    // Fields by their labels, a region and a category by name, not by id.
    const changes = await diff.innerText();
    expect(changes).not.toMatch(/\bnumber\b|regionId|categoryId/);
    expect(changes).not.toMatch(/^(Регион|Өңір|Категория|Санат)\s+—\s+\d+$/m);
    await check(page, lang, 'admin-audit-report');
    // One action by name, then one report by the number people quote: only that report's entries of that action.
    const accepted = lang === 'kk' ? 'жұмысқа қабылданды' : 'принято в работу';
    const sentences = () => page.locator('[data-testid=audit-sentence]').allInnerTexts();
    await page.locator('select[name=action]').selectOption({ label: accepted });
    await page.locator('form.filters button[type=submit]').click();
    await expect.poll(async () => (await sentences()).length > 0 && (await sentences()).every((x) => x.endsWith(` — ${accepted}`))).toBe(true);
    const number = /KZ-\d{4}-\d{6}/.exec((await sentences())[0]!)![0];
    await page.locator('input[name=entityId]').fill(number);
    await page.locator('form.filters button[type=submit]').click();
    await expect
      .poll(async () => (await sentences()).length > 0 && (await sentences()).every((x) => x.includes(number) && x.endsWith(` — ${accepted}`)))
      .toBe(true);
    await open(page, 'system');
    await check(page, lang, 'system');
  } finally {
    await b.close();
  }
}
