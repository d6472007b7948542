// Signing in and out of the console in Chromium, and the language: nothing of staff data is reachable
// without a session, a reload keeps the session and the chosen language, errors come in that language.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot, signIn } from './harness.ts';
import { ADMIN, OPERATOR } from './seed.ts';

describe.skipIf(!browserAvailable).each(dbTargets)('console: sign-in and language (%s)', (target) => {
  const { app, b } = useConsoleSuite(target);

  it('shows only the sign-in form without a session, and the API answers nothing to the page', async () => {
    const { page } = b;
    const apiCalls: { url: string; status: number }[] = [];
    page.on('response', (r) => r.url().includes('/api/') && apiCalls.push({ url: r.url().replace(app.baseUrl, ''), status: r.status() }));
    await page.goto(`${app.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/console/');
    await page.locator('form.login-card').waitFor();
    expect(await page.locator('[data-testid=report-list]').count()).toBe(0);
    // a deep link too shows the form, not the report
    await page.goto(`${app.baseUrl}/console/reports/1`);
    await page.locator('form.login-card').waitFor();
    expect(await page.locator('[data-testid=report-detail]').count()).toBe(0);
    // the page itself asked only for the public config and who is signed in (401)
    expect(apiCalls.filter((c) => c.status === 200).map((c) => c.url)).toEqual(['/api/console/config', '/api/console/config']);
    expect(apiCalls.filter((c) => c.url === '/api/auth/me').every((c) => c.status === 401)).toBe(true);
    const direct = await page.request.get(`${app.baseUrl}/api/reports`);
    expect(direct.status()).toBe(401);
    await shot(page, 'login');
  });

  it('fits the sign-in card to its form on a 1366×768 laptop: no empty band below the button', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 1366, height: 768 });
    try {
      await page.goto(`${app.baseUrl}/console/`);
      const card = (await page.locator('form.login-card').boundingBox())!;
      const button = (await page.locator('form.login-card button[type=submit]').boundingBox())!;
      const below = card.y + card.height - (button.y + button.height);
      expect(below).toBeLessThanOrEqual(48);
      // and it stays whole on the screen
      expect(card.y).toBeGreaterThanOrEqual(0);
      expect(card.y + card.height).toBeLessThanOrEqual(768);
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
    }
  });

  it('refuses a wrong password in the chosen language and keeps the login typed', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/`);
    await page.locator('.lang-switch button[data-lang=kk]').click();
    await expect.poll(() => page.locator('form.login-card h1').innerText()).toBe('Қызметкерлердің кіруі');
    await page.locator('input[name=login]').fill(OPERATOR.login);
    await page.locator('input[name=password]').fill('wrong-password-1');
    await page.locator('form.login-card button[type=submit]').click();
    // Kazakh from the API (Accept-Language: kk)
    await expect.poll(() => page.locator('form.login-card .error-box').innerText()).toBe('Логин немесе құпиясөз қате.');
    expect(await page.locator('input[name=login]').inputValue()).toBe(OPERATOR.login);

    await page.locator('.lang-switch button[data-lang=en]').click();
    await page.locator('input[name=password]').fill('wrong-password-1');
    await page.locator('form.login-card button[type=submit]').click();
    // English from the console's own texts for the error code
    await expect.poll(() => page.locator('form.login-card .error-box').innerText()).toBe('Wrong login or password.');
  });

  it('signs in, keeps the session and the language over a reload, and switches language in the header', async () => {
    const { page } = b;
    await page.locator('.lang-switch button[data-lang=ru]').click();
    await signIn(page, app.baseUrl, OPERATOR.login, OPERATOR.password);
    await expect.poll(() => page.locator('.mainnav').innerText()).toContain('Обращения');
    await page.locator('.lang-switch button[data-lang=kk]').click();
    await expect.poll(() => page.locator('.mainnav').innerText()).toContain('Өтініштер');
    expect(await page.locator('.count-chip[data-status=in_work]').innerText()).toContain('Жұмыста');
    expect(await page.evaluate('document.documentElement.lang')).toBe('kk');
    await page.reload();
    await page.locator('[data-testid=who]').waitFor();
    await expect.poll(() => page.locator('.mainnav').innerText()).toContain('Өтініштер');
    await shot(page, 'board-kk');

    // a write after the reload still carries the CSRF header: the API accepts it
    await page.locator('[data-testid=report-list] li a').first().click();
    await page.locator('[data-testid=report-detail] button[data-action=assign]').click();
    await page.locator('[data-testid=assignee]').selectOption({ label: OPERATOR.fullName });
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => page.locator('.toast').first().innerText()).toBe('Сақталды');

    await page.locator('.lang-switch button[data-lang=en]').click();
    await expect.poll(() => page.locator('.mainnav').innerText()).toContain('Reports');
  });

  it('when the session ends mid-work, a save asks to sign in again over the screen and keeps what was typed', async () => {
    const { page } = b;
    await page.locator('.lang-switch button[data-lang=ru]').click();
    await page.locator('[data-testid=report-list] li a').nth(1).click();
    const detail = page.locator('[data-testid=report-detail]');
    await detail.locator('button[data-action=hide]').click();
    await page.locator('.modal textarea').fill('Жалоба на соседа с личными данными');
    await app.services.prisma.staffSession.deleteMany({});
    await page.locator('.modal button[type=submit]').click();
    const relogin = page.locator('[data-testid=relogin]');
    await expect.poll(() => relogin.innerText()).toContain('Сеанс завершён');
    expect(await relogin.locator('input[name=login]').inputValue()).toBe(OPERATOR.login);
    await relogin.locator('input[name=password]').fill(OPERATOR.password);
    await relogin.locator('button[type=submit]').click();
    // the sign-in round trip can take seconds on a loaded CI machine
    await expect.poll(() => relogin.count(), { timeout: 15_000 }).toBe(0);
    expect(await page.locator('.modal textarea').inputValue()).toBe('Жалоба на соседа с личными данными');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(async () => await app.services.prisma.report.count({ where: { hiddenReason: 'Жалоба на соседа с личными данными' } })).toBe(1);
    await page.locator('.lang-switch button[data-lang=en]').click();
  });

  it('signs out: the session ends on the server and the page shows the form again', async () => {
    const { page } = b;
    await page.locator('.topbar button', { hasText: 'Sign out' }).click();
    await page.locator('form.login-card').waitFor();
    const cookies = await b.context.cookies(app.baseUrl);
    expect(cookies.find((c) => c.name === 'azamat_session')).toBeUndefined();
    expect((await page.request.get(`${app.baseUrl}/api/reports`)).status()).toBe(401);
  });

  it('shows an admin every screen of theirs, including the administration tabs', async () => {
    const { page } = b;
    await signIn(page, app.baseUrl, ADMIN.login, ADMIN.password);
    await expect
      .poll(() => page.locator('.mainnav a').allInnerTexts())
      .toEqual(expect.arrayContaining(['Reports', 'Consultations', 'Knowledge base', 'Administration']));
    await page.goto(`${app.baseUrl}/console/admin/staff`);
    await expect.poll(() => page.locator('[data-testid=staff-table] tbody tr').count()).toBe(3);
    await shot(page, 'admin-staff');
  });
});
