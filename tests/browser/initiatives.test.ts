// Civic initiatives in Chromium (issue 18): a project manager reads the console's board and one initiative in
// Kazakh and removes a patron entered by mistake after confirming; then, on a phone's width in Russian, the public
// list and the initiative's page (with its progress photo) fit 390 px without sideways scrolling and axe-core finds
// no WCAG 2.1 A/AA violation.
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDate } from '../../core/calendar/local-time.ts';
import { dbTargets } from '../helpers/db.ts';
import { actor, places, propose, resident, staff, TITLE } from '../initiative-fixtures.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, type ConsoleApp } from './harness.ts';

// The browser keeps the session cookie by its own clock, so the server's clock is the real start of the test.
const NOW = new Date();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PM = { login: 'pm-initiatives', password: 'pm-initiatives-password-1' };

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  return (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations.map((v) => v.id))`,
  )) as string[];
}

describe.skipIf(!browserAvailable).each(dbTargets)('civic initiatives in Chromium (%s)', (target) => {
  let id = 0;
  let photoId = 0;

  /** An initiative of Astana in progress, with a patron entered by mistake and a progress update with a photo. */
  const prepare = async ({ services }: ConsoleApp) => {
    const p = await places(services.prisma);
    const pm = await services.staff.create(
      { type: 'system' },
      { login: PM.login, fullName: 'Жоба менеджері', password: PM.password, roles: ['project_manager'], regionId: p.astana, locale: 'kk' },
    );
    const who = staff(pm.id, ['project_manager'], p.astana);
    id = await propose(services, await resident(services, 'kk', 'Айгерім', p.astana), p);
    await services.initiatives.decisions.publish(actor(who), who, id);
    await services.initiatives.implementation.take(actor(who), who, id, { kind: 'ngo', name: '«Жасыл қала» ҚБ' });
    await services.initiatives.implementation.addPatron(actor(who), who, id, { name: 'ЖШС Қате', isPerson: false, public: true, contribution: 'services' });
    const update = await services.initiatives.implementation.addUpdate(actor(who), who, id, {
      heldOn: localDate(NOW),
      percent: 30,
      textKk: 'Көшеттер сатып алынды.',
      textRu: 'Саженцы закуплены.',
    });
    photoId = await services.initiatives.photos.upload(actor(who), who, id, update, { bytes: PNG, mimeType: 'image/png' });
  };
  const { app, b } = useConsoleSuite(target, { now: () => NOW, botUsername: 'azamat_test_bot', seed: false, locale: 'kk-KZ', signInAs: PM, prepare });

  it('shows the board and one initiative in Kazakh and removes a patron after confirming', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/initiatives?status=in_progress`);
    const board = page.locator('[data-testid=initiative-board]');
    await expect.poll(() => board.innerText()).toContain(TITLE);
    expect(await board.innerText()).toContain('Азаматтық бастамалар');
    await page.goto(`${app.baseUrl}/console/initiatives/${id}`);
    const people = page.locator('[data-testid=initiative-participants]');
    await expect.poll(() => people.innerText()).toContain('ЖШС Қате');
    expect(await people.getByRole('button', { name: 'Серіктесті алып тастау' }).count()).toBe(0);
    page.once('dialog', (d) => void d.accept());
    await people.getByRole('button', { name: 'Меценатты алып тастау' }).click();
    await expect.poll(() => people.innerText()).not.toContain('ЖШС Қате');
    expect(await app.services.prisma.initiativePatron.count({ where: { initiativeId: id } })).toBe(0);
  });

  it('fits the public list and the initiative’s page to 390 px in Russian, accessible', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    for (const url of [`/ru/initiatives?stage=in-progress`, `/ru/initiatives/${id}`]) {
      await page.goto(`${app.baseUrl}${url}`);
      expect(await page.locator('main').innerText(), url).toContain(TITLE);
      expect(await page.evaluate('document.documentElement.scrollWidth'), url).toBeLessThanOrEqual(390);
      expect(await axeViolations(page), url).toEqual([]);
    }
    // The progress update's photo loads from /media/i on the initiative's page.
    const img = page.locator(`img[src="/media/i/${photoId}"]`);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  });
});
