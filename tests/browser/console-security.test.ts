// Issue 16 in Chromium: a photo an outside app gave as a link (Open311 media_url) is shown as a link
// naming its host and is never fetched by the page; an account with a generated password sees only the
// form to choose its own, and then the console.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot, signIn } from './harness.ts';
import { OPERATOR } from './seed.ts';

const MEDIA_URL = 'https://photos.city-app.example/p/42.jpg';

describe.skipIf(!browserAvailable).each(dbTargets)('console: outside links and generated passwords (%s)', (target) => {
  const { app, seed, b } = useConsoleSuite(target);

  it("shows an Open311 media_url as a link with its host, and the page never asks the app's server for it", async () => {
    const { key } = await app.services.apiClients.create({ type: 'system' }, { name: 'city app', regionId: seed.regionId });
    const category = await app.services.prisma.category.findUniqueOrThrow({ where: { id: seed.categoryId } });
    const filed = await app.server.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: key,
        service_code: category.code,
        address_string: 'ул. Кенесары, 40',
        description: 'Разбита плитка на тротуаре у остановки, люди спотыкаются',
        media_url: MEDIA_URL,
      }).toString(),
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const report = await app.services.prisma.report.findUniqueOrThrow({ where: { number: filed.json()[0].service_request_id } });

    const { page } = b;
    await signIn(page, app.baseUrl, OPERATOR.login, OPERATOR.password);
    await page.goto(`${app.baseUrl}/console/reports/${report.id}`);
    const link = page.locator('[data-testid=report-detail] [data-testid=evidence-link]');
    await expect.poll(() => link.innerText()).toContain('photos.city-app.example');
    expect(await link.getAttribute('href')).toBe(MEDIA_URL);
    expect(await link.getAttribute('rel')).toContain('noreferrer');
    expect(await page.locator('[data-testid=report-detail] .evidence img').count()).toBe(0);
    await shot(page, 'evidence-outside-link');
    expect(b.blocked.filter((u) => u.includes('city-app.example'))).toEqual([]);
  });

  it('asks an account with a generated password for a new one before anything else', async () => {
    const page = await b.context.newPage();
    await b.context.clearCookies();
    await app.services.prisma.staffUser.update({ where: { login: OPERATOR.login }, data: { mustChangePassword: true } });
    await page.goto(`${app.baseUrl}/console/`);
    await page.locator('input[name=login]').fill(OPERATOR.login);
    await page.locator('input[name=password]').fill(OPERATOR.password);
    await page.locator('form.login-card button[type=submit]').click();
    const form = page.locator('[data-testid=change-password]');
    await form.waitFor();
    expect(await page.locator('[data-testid=who]').count()).toBe(0);

    await form.locator('input[name=currentPassword]').fill(OPERATOR.password);
    await form.locator('input[name=newPassword]').fill('qwerty123456');
    await form.locator('input[name=repeatPassword]').fill('qwerty123456');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('.error-box').innerText()).toContain('Пароль легко подобрать');
    await shot(page, 'change-password-refused');

    const chosen = 'жёлтый-трамвай-у-Байтерека';
    await form.locator('input[name=newPassword]').fill(chosen);
    await form.locator('input[name=repeatPassword]').fill(chosen);
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=who]').waitFor();
    const user = await app.services.prisma.staffUser.findUniqueOrThrow({ where: { login: OPERATOR.login } });
    expect(user.mustChangePassword).toBe(false);
    await page.close();
  });
});
