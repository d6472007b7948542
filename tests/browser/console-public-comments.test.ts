// Staff in Chromium on what the public portal shows (issue 17): an operator sees under each file of a report
// whether the portal shows it and withholds a photo with a reason, then releases it; a moderator finds a comment
// hidden by residents' flags at /console/comments, and removing it without a note is refused before it is removed
// with one. The API's state is checked afterwards.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot, signIn } from './harness.ts';
import { ADMIN, OPERATOR } from './seed.ts';

describe.skipIf(!browserAvailable).each(dbTargets)('console: what the portal shows (%s)', (target) => {
  const { app, seed, b } = useConsoleSuite(target);

  it('lets an operator withhold one photo from the portal with a reason and release it', async () => {
    const { page } = b;
    await signIn(page, app.baseUrl, OPERATOR.login, OPERATOR.password);
    await page.goto(`${app.baseUrl}/console/reports/${seed.photoReportId}`);
    const detail = page.locator('[data-testid=report-detail]');
    await detail.waitFor();
    const badges = detail.locator('[data-testid=evidence-publicity] .badge');
    await expect.poll(() => badges.allInnerTexts()).toEqual(['На портале после принятия', 'Не публикуется (не фото)']);
    await detail.locator('button', { hasText: 'Не публиковать' }).click();
    await detail.locator('input[name=reason]').fill('видно номер машины');
    await detail.locator('button', { hasText: 'Скрыть с портала' }).click();
    await expect.poll(() => badges.first().innerText()).toBe('Не публикуется');
    const photo = await app.services.prisma.reportEvidence.findFirstOrThrow({ where: { reportId: seed.photoReportId, kind: 'photo' } });
    expect(photo.withheldReason).toBe('видно номер машины');
    await shot(page, 'console-evidence-withheld');
    await detail.locator('button', { hasText: 'Снова публиковать' }).click();
    await expect.poll(() => badges.first().innerText()).toBe('На портале после принятия');
    expect((await app.services.prisma.reportEvidence.findUniqueOrThrow({ where: { id: photo.id } })).withheldAt).toBeNull();
  });

  it('shows a moderator the comment hidden by flags and removes it only with a note', async () => {
    const { services } = app;
    const citizen = async (n: number, name: string | null) =>
      services.prisma.citizen.create({ data: { telegramId: BigInt(9_200_000 + n), locale: 'ru', consentAt: new Date('2026-01-05T04:00:00Z'), name } });
    const author = await citizen(1, 'Автор Спама');
    await services.comments.citizen.startDraft(author.id, seed.photoReportId);
    await services.comments.citizen.saveText(author.id, 'Купите дешёвые окна у нас, звоните сейчас');
    await services.comments.citizen.saveShowName(author.id, true);
    const { id } = await services.comments.citizen.submit(author.id, 'ru');
    for (const n of [2, 3, 4]) await services.comments.citizen.flag((await citizen(n, null)).id, id);

    const { page } = b;
    await page.context().clearCookies();
    await signIn(page, app.baseUrl, ADMIN.login, ADMIN.password);
    await page.goto(`${app.baseUrl}/console/comments`);
    const item = page.locator(`[data-comment-id="${id}"]`);
    await item.waitFor();
    expect(await item.innerText()).toContain('Купите дешёвые окна у нас');
    expect(await item.innerText()).toContain('🚩 3');
    await item.locator('button', { hasText: 'Снять с портала' }).click();
    await expect
      .poll(() =>
        page
          .locator('.toast, [role=alert], .error')
          .allInnerTexts()
          .then((t) => t.join(' ')),
      )
      .toContain('Укажите, почему комментарий снимается');
    await item.locator('textarea[name=note]').fill('Реклама на портале запрещена');
    await item.locator('button', { hasText: 'Снять с портала' }).click();
    await expect.poll(() => page.locator(`[data-comment-id="${id}"]`).count()).toBe(0);
    const after = await services.prisma.publicComment.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ hidden: true, moderationNote: 'Реклама на портале запрещена', text: 'Купите дешёвые окна у нас, звоните сейчас' });
    await shot(page, 'console-comments');
  });
});
