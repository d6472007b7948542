// A project manager in Chromium, in Russian, opens a project's social impact from its page: the framework shows
// the goal and its indicator, a value is entered with its evidence and a file, its progress appears and the file
// downloads back; the indicator's target and the goal's text are changed; a goal is added from the node form and a second one refused in
// the user's language; the SROI tab says why there is no ratio yet.
import { describe, expect, it } from 'vitest';
import { localDate } from '../../core/calendar/local-time.ts';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, type ConsoleApp } from './harness.ts';
import { managedProject } from './seed.ts';

// The browser keeps the session cookie by its own clock, so the server's clock is pinned at the real start of
// the test and every fixture date is relative to it.
const NOW = new Date();
const day = (offset: number) => localDate(new Date(NOW.getTime() + offset * 86_400_000));
const PM = { login: 'pm-impact', password: 'pm-impact-password-1' };

describe.skipIf(!browserAvailable).each(dbTargets)('console: social impact (%s)', (target) => {
  let projectId = 0;

  /** The project's goal and its indicator, entered by its manager. */
  const prepare = async ({ services }: ConsoleApp) => {
    const made = await managedProject(services, PM, day(-200), day(160));
    projectId = made.projectId;
    const staff = {
      id: made.pmId,
      login: PM.login,
      fullName: 'Жоба менеджері',
      roles: ['project_manager' as const],
      regionId: made.regionId,
      districtId: null,
      departmentId: null,
      locale: 'ru' as const,
    };
    const actor = { type: 'staff' as const, id: made.pmId };
    const { framework } = services.impact;
    const goal = await framework.addNode(actor, staff, projectId, { level: 'goal', textKk: 'Жастар жұмыспен қамтылған', textRu: 'Молодёжь трудоустроена' });
    await framework.addIndicator(actor, staff, goal.id, {
      nameKk: 'Жұмысқа орналасқандар',
      nameRu: 'Трудоустроено',
      unitKk: 'адам',
      unitRu: 'чел.',
      baseline: 0,
      target: 50,
      verificationKk: 'Шарттар',
      verificationRu: 'Договоры',
      schedule: 'year',
      source: 'manual',
    });
  };
  const { app, b } = useConsoleSuite(target, { now: () => NOW, botUsername: 'azamat_test_bot', seed: false, signInAs: PM, prepare });

  it("enters a value with an evidence file that downloads back, sees its progress, changes the target and the goal's text; refuses a second goal; the SROI tab explains the missing ratio", async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/projects/${projectId}`);
    await page.locator('[data-testid=project-impact-link]').click();
    const fw = page.locator('[data-testid=impact-framework]');
    await expect.poll(() => fw.innerText()).toContain('Молодёжь трудоустроена');
    expect(await fw.innerText()).toContain('Трудоустроено');
    await fw.getByRole('button', { name: 'Внести значение' }).first().click();
    const form = page.locator('[data-testid=impact-value-form]');
    await form.locator('input[type=number]').fill('12');
    await form.locator('input[type=text]').fill('Копии 12 трудовых договоров');
    const pdf = Buffer.from('%PDF-1.4 договоры');
    await form.locator('input[type=file]').setInputFiles({ name: 'договоры.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: 'Сохранить' }).click();
    // 12 of 50 from 0: 24 %
    const table = page.locator('[data-testid=impact-indicators]');
    await expect.poll(() => table.innerText()).toContain('выполнение: 24');
    expect(await table.innerText()).toContain('Копии 12 трудовых договоров');
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: 'договоры.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('договоры.pdf');
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(c);
    expect(Buffer.concat(chunks).equals(pdf)).toBe(true);

    // the target lowered to 40: 12 of 40 is 30 %
    await table.getByRole('button', { name: 'Изменить индикатор' }).click();
    const edit = page.locator('[data-testid=impact-indicator-form]');
    expect(await edit.locator('input[name=nameRu]').inputValue()).toBe('Трудоустроено');
    await edit.locator('input[name=target]').fill('40');
    await edit.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => table.innerText()).toContain('выполнение: 30');

    // the goal's Russian text corrected in place
    await fw.locator('[data-level=goal]').getByRole('button', { name: 'Изменить', exact: true }).click();
    const nodeEdit = page.locator('[data-testid=impact-node-edit]');
    await nodeEdit.locator('input[name=textRu]').fill('Молодёжь трудоустроена в своём районе');
    await nodeEdit.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => fw.locator('[data-level=goal] h3').innerText()).toContain('Молодёжь трудоустроена в своём районе');

    const nodeForm = page.locator('[data-testid=impact-node-form]');
    await nodeForm.locator('input[type=text]').nth(0).fill('Екінші мақсат');
    await nodeForm.locator('input[type=text]').nth(1).fill('Вторая цель');
    await nodeForm.getByRole('button', { name: 'Сохранить' }).click();
    await expect
      .poll(() => page.locator('[data-testid=impact-framework] [role=alert]').first().innerText())
      .toContain('У проекта может быть только одна цель.');
    expect(await page.locator('[data-testid=impact-screen]').innerText()).not.toContain('Вторая цель');

    await page.getByRole('tab', { name: 'SROI' }).click();
    await expect.poll(() => page.locator('[data-testid=impact-sroi-result]').innerText()).toMatch(/\S/);
    expect(await page.locator('[data-testid=impact-sroi-result]').innerText()).not.toContain('SROI =');
  });
});
