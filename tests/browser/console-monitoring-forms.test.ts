// Annex 9 in the console, in Chromium: a project manager opens the half-year report of their body, sees the
// table as the file will be (area heading, the project, column 7 drafted from the completed round, the
// totals), edits column 7 in both languages, and the file they download carries the edit.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot, type ConsoleApp } from './harness.ts';

// The browser keeps the session cookie on its own clock, so the server runs on the real one too; every
// fixture date sits inside the current Almaty year, which holds on any date.
const YEAR = new Date(Date.now() + 5 * 3_600_000).getUTCFullYear();
const MANAGER = { login: 'forms.manager', password: 'forms-manager-password-1' };

describe.skipIf(!browserAvailable).each(dbTargets)('console: Annex 9 (%s)', (target) => {
  const ids = { body: 0, project: 0 };

  /** The body with its head, an active project of its area 9, a completed round with two tools, and the body's manager. */
  const prepare = async ({ services }: ConsoleApp) => {
    const prisma = services.prisma;
    ids.body = (
      await prisma.stateBody.create({ data: { code: 'forms-body', nameKk: 'Жастар басқармасы', nameRu: 'Управление молодёжи', headName: 'Б. Омаров' } })
    ).id;
    ids.project = (
      await prisma.socialProject.create({
        data: {
          nameKk: 'Құқықтық көмек',
          nameRu: 'Правовая помощь',
          supplierName: 'ОФ «Болашақ»',
          contractSum: 4500.5,
          plannedSum: 4000,
          startsOn: new Date(`${YEAR}-01-15T00:00:00Z`),
          endsOn: new Date(`${YEAR}-12-20T00:00:00Z`),
          areaId: 9,
          stateBodyId: ids.body,
          status: 'active',
          inviteCode: 'forms-browser',
        },
      })
    ).id;
    const round = await prisma.monitoringRound.create({
      data: {
        projectId: ids.project,
        year: YEAR,
        plannedOn: new Date(`${YEAR}-01-20T00:00:00Z`),
        status: 'completed',
        conductedBy: 'self',
        completedAt: new Date(`${YEAR}-01-20T10:00:00Z`),
      },
    });
    for (const tool of ['survey', 'document_review'] as const) await prisma.roundTool.create({ data: { roundId: round.id, tool, findings: 'ok' } });
    const manager = await services.staff.create({ type: 'system' }, { ...MANAGER, fullName: 'Менеджер', roles: ['project_manager'] });
    await prisma.staffUser.update({ where: { id: manager.id }, data: { stateBodyId: ids.body } });
  };
  const { app, b } = useConsoleSuite(target, { seed: false, signInAs: MANAGER, prepare });

  it('previews the half-year report with column 7 drafted from the round, and keeps an edit of column 7', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/monitoring/annex9?stateBodyId=${ids.body}&year=${YEAR}&kind=half_year`);
    const table = page.locator('[data-testid=form-preview]');
    await expect.poll(() => table.innerText()).toContain('Правовая помощь');
    const text = await table.innerText();
    expect(text).toContain('Сфера 9.');
    expect(text).toContain('Проведено мониторингов: 1 (запланировано на год: 1); инструменты: опрос и интервью, изучение документации.');
    expect(text).toContain('Первый руководитель: Б. Омаров');
    await shot(page, 'monitoring-annex9-preview');

    await page.locator('[data-action=edit-col7]').click();
    await page.locator('.modal textarea[name=col7Ru]').fill('Семинары проведены, охват 120 человек.');
    await page.locator('.modal textarea[name=col7Kk]').fill('Семинарлар өткізілді, 120 адам қамтылды.');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => table.innerText()).toContain('Семинары проведены, охват 120 человек.');
    const row = await app.services.prisma.monitoringReportRow.findFirstOrThrow({ where: { projectId: ids.project } });
    expect(row).toMatchObject({ col7Kk: 'Семинарлар өткізілді, 120 адам қамтылды.', col7Ru: 'Семинары проведены, охват 120 человек.' });
    expect(row.editedAt).not.toBeNull();
  });
});
