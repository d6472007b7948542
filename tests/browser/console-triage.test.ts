// An operator triages reports in Chromium: the board with counts and status colours, a report's
// evidence and place on the map (tiles unreachable), accept with a template, a refused save that keeps
// what was typed, resolve; the API's state is checked afterwards, and the keyboard does the same.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot } from './harness.ts';
import { OPERATOR } from './seed.ts';

describe.skipIf(!browserAvailable).each(dbTargets)('console: report triage (%s)', (target) => {
  const { app, seed, b } = useConsoleSuite(target, { signInAs: OPERATOR });

  const report = (id: number) => app.services.prisma.report.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } } } });

  it('shows who is signed in, the counts per status and the list with status colours', async () => {
    const { page } = b;
    await expect.poll(() => page.locator('[data-testid=who]').innerText()).toContain(OPERATOR.fullName);
    expect(await page.locator('[data-testid=who]').innerText()).toContain('оператор');
    const rows = page.locator('[data-testid=report-list] li');
    await expect.poll(() => rows.count()).toBe(5);
    // counts as the API gives them: 3 new, 1 in work, 1 resolved
    await expect.poll(() => page.locator('.count-chip[data-status=new] b').innerText()).toBe('3');
    expect(await page.locator('.count-chip[data-status=in_work] b').innerText()).toBe('1');
    expect(await page.locator('.count-chip[data-status=resolved] b').innerText()).toBe('1');
    // in work (and new) is red, resolved green
    expect(await page.locator('li.report-row.colour-green').count()).toBe(1);
    expect(await page.locator('li.report-row.colour-red').count()).toBe(4);
    await shot(page, 'triage-board');

    await page.locator('.count-chip[data-status=resolved]').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(page.url()).toContain('status=resolved');
    await page.locator('.count-chip', { hasText: 'Все' }).click();
    await expect.poll(() => rows.count()).toBe(5);
  });

  it('opens a report with its photo inline (and in a viewer) and its marker on the map although tiles are unreachable', async () => {
    const { page } = b;
    await page.locator(`[data-report-id="${seed.photoReportId}"] a`).click();
    const detail = page.locator('[data-testid=report-detail]');
    await detail.waitFor();
    await expect
      .poll(() =>
        detail.locator('.evidence img').evaluate((el) => {
          const img = el as unknown as { complete: boolean; naturalWidth: number };
          return img.complete && img.naturalWidth;
        }),
      )
      .toBe(64);
    // the voice message plays from the API's evidence download, with the session
    const src = await detail.locator('audio').getAttribute('src');
    expect(src).toMatch(new RegExp(`^/api/reports/${seed.photoReportId}/evidence/\\d+$`));
    const audio = await page.request.get(`${app.baseUrl}${src}`);
    expect(audio.status()).toBe(200);
    expect(audio.headers()['content-type']).toBe('audio/ogg');
    await expect.poll(() => detail.locator('.map path.leaflet-interactive').count()).toBe(1);
    expect(b.blocked.some((u) => u.includes('tiles.invalid'))).toBe(true);
    expect(await detail.locator('[data-testid=history] li').count()).toBeGreaterThan(0);
    await shot(page, 'triage-detail');
    // The photo opens in the console's viewer, not as a raw file in a new tab.
    const pages = b.context.pages().length;
    await detail.locator('[data-testid=photo]').click();
    await page.locator('[role=dialog] img.photo-view').waitFor();
    expect(b.context.pages().length).toBe(pages);
    await shot(page, 'triage-photo-viewer');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[role=dialog]').count()).toBe(0);
  });

  it('accepts with a template, keeps the typed text when the API refuses to resolve, then resolves', async () => {
    const { page } = b;
    const detail = page.locator('[data-testid=report-detail]');
    await detail.locator('button[data-action=accept]').click();
    const dialog = page.locator('[data-testid=status-dialog]');
    await dialog.waitFor();
    await dialog.locator('select[data-testid=template]').selectOption({ label: 'Принято в работу' });
    const note = dialog.locator('textarea[name=publicNote]');
    await expect.poll(() => note.inputValue()).toContain('принято в работу');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').innerText()).toBe('В работе');
    let r = await report(seed.photoReportId);
    expect(r.status).toBe('in_work');
    expect(r.dueAt).not.toBeNull();
    expect(r.events.at(-1)!.publicNote).toContain(r.number);

    // Resolving needs a message to the citizen: the API refuses, the dialog stays with the internal note typed.
    await detail.locator('button[data-action=resolve]').click();
    await dialog.waitFor();
    await dialog.locator('textarea[name=internalNote]').fill('Бригада заменила лампу 12.03');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => dialog.locator('.error-box').innerText()).toContain('Напишите гражданину');
    expect(await dialog.locator('textarea[name=internalNote]').inputValue()).toBe('Бригада заменила лампу 12.03');
    expect((await report(seed.photoReportId)).status).toBe('in_work');
    await shot(page, 'triage-refused-save');

    await dialog.locator('select[data-testid=template]').selectOption({ label: 'Выполнено' });
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').innerText()).toBe('Выполнено');
    r = await report(seed.photoReportId);
    expect(r.status).toBe('resolved');
    const last = r.events.at(-1)!;
    expect(last.toStatus).toBe('resolved');
    expect(last.publicNote).toBe(`Работы по обращению ${r.number} выполнены. Спасибо, что сообщили!`);
    expect(last.internalNote).toBe('Бригада заменила лампу 12.03');
    // the row in the list turned green at once
    expect(await page.locator(`li[data-report-id="${seed.photoReportId}"]`).getAttribute('class')).toContain('colour-green');
    await expect.poll(() => page.locator('.count-chip[data-status=resolved] b').innerText()).toBe('2');
    // The history says who acted: the operator by name, not «сотрудник».
    await expect.poll(() => detail.locator('[data-testid=history-actor]').last().innerText()).toBe(OPERATOR.fullName);
  });

  it('works from the keyboard: j/k move, a accepts, ? lists the shortcuts, Escape closes', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/reports?status=new`);
    await page.locator('[data-testid=report-list] li').first().waitFor();
    await page.keyboard.press('j');
    await expect.poll(() => page.url()).toMatch(/\/console\/reports\/\d+\?status=new$/);
    const first = Number(/reports\/(\d+)/.exec(page.url())![1]);
    await page.keyboard.press('j');
    await expect.poll(() => Number(/reports\/(\d+)/.exec(page.url())![1])).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(() => Number(/reports\/(\d+)/.exec(page.url())![1])).toBe(first);

    await page.keyboard.press('?');
    const help = page.locator('.modal[role=dialog]');
    await expect.poll(() => help.innerText()).toContain('Горячие клавиши');
    expect(await help.locator('kbd').allInnerTexts()).toEqual(expect.arrayContaining(['j', 'k', 'a', 'r', 'x', 'g', 'd', '?']));
    await shot(page, 'triage-shortcuts');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);

    await page.locator('[data-testid=report-detail]').waitFor();
    await page.keyboard.press('a');
    const dialog = page.locator('[data-testid=status-dialog]');
    await dialog.waitFor();
    // typing in the dialog's fields is not taken for shortcuts
    await dialog.locator('textarea[name=internalNote]').fill('jkar');
    await page.keyboard.press('Control+Enter');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=detail-status]').innerText()).toBe('В работе');
    expect((await report(first)).status).toBe('in_work');

    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=report-detail]').count()).toBe(0);
    expect(page.url()).toMatch(/\/console\/reports\?status=new$/);
  });

  it('marks a duplicate by its number, merges another into the original, and hides a report with a reason', async () => {
    const { page } = b;
    const plain = await report(seed.plainReportId);
    const others = await app.services.prisma.report.findMany({ where: { status: 'in_work', id: { not: seed.plainReportId } }, orderBy: { id: 'asc' } });
    const [dup, merged] = [others[0]!, others[1]!];

    await page.goto(`${app.baseUrl}/console/reports/${dup.id}`);
    const detail = page.locator('[data-testid=report-detail]');
    await detail.locator('button[data-action=duplicate]').click();
    await page.locator('.modal input[name=main]').fill(plain.number);
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => detail.locator('[data-testid=detail-status]').innerText()).toBe('Повтор');
    expect((await report(dup.id)).duplicateOfId).toBe(plain.id);

    await page.goto(`${app.baseUrl}/console/reports/${plain.id}`);
    await detail.locator('button[data-action=merge]').click();
    // a number that does not exist is refused by name, and the field keeps what was typed
    await page.locator('.modal input[name=duplicates]').fill('KZ-2026-999999');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => page.locator('.modal .error-box').innerText()).toContain('KZ-2026-999999');
    await page.locator('.modal input[name=duplicates]').fill(merged.number);
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(async () => (await report(merged.id)).status).toBe('duplicate');
    expect((await report(merged.id)).duplicateOfId).toBe(plain.id);

    await page.locator('.modal-backdrop').waitFor({ state: 'detached' });
    await detail.locator('button[data-action=hide]').click();
    await page.locator('.modal textarea').fill('В тексте указан телефон соседа');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(async () => (await report(plain.id)).hidden).toBe(true);
    expect((await report(plain.id)).hiddenReason).toBe('В тексте указан телефон соседа');
    await expect.poll(() => detail.locator('button[data-action=unhide]').count()).toBe(1);
  });

  it('accepts several reports at once with a template; one that cannot move stays selected with the reason', async () => {
    const { page } = b;
    const sys = { type: 'system' as const };
    const base = { source: 'staff' as const, regionId: seed.regionId, categoryId: seed.categoryId, address: 'ул. Кенесары, 40', evidence: [] };
    const fresh = [];
    for (const n of [1, 2, 3]) fresh.push(await app.services.reports.create(sys, { ...base, description: `Снегоочистка двора номер ${n}: не чистят неделю` }));
    const closed = await app.services.reports.create(sys, { ...base, description: 'Снегоочистка двора номер 4: уже сделано' });
    await app.services.reports.changeStatus(sys, closed.id, { to: 'rejected', publicNote: 'Не в зоне ответственности' });

    await page.goto(`${app.baseUrl}/console/reports?q=${encodeURIComponent('Снегоочистка')}`);
    await expect.poll(() => page.locator('[data-testid=report-list] li').count()).toBe(4);
    await page.locator('.pick-all input').check();
    await expect.poll(() => page.locator('[data-testid=bulk-bar]').innerText()).toContain('4');
    await page.locator('[data-testid=bulk-bar] button[data-bulk=in_work]').click();
    const dialog = page.locator('[data-testid=bulk-dialog]');
    await dialog.locator('select[name=template]').selectOption({ label: 'Принято в работу' });
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=bulk-failures]').innerText()).toContain(closed.number);
    for (const r of fresh) {
      const after = await report(r.id);
      expect(after.status).toBe('in_work');
      expect(after.events.at(-1)!.publicNote).toContain(after.number);
    }
    expect((await report(closed.id)).status).toBe('rejected');
    expect(await page.locator(`li[data-report-id="${closed.id}"] input.pick`).isChecked()).toBe(true);
    expect(await page.locator(`li[data-report-id="${fresh[0]!.id}"] input.pick`).isChecked()).toBe(false);
    await shot(page, 'triage-bulk');
  });

  it('fits a tablet: the menu folds behind a button and an open report takes the whole width', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${app.baseUrl}/console/reports`);
    await page.locator('[data-testid=report-list] li').first().waitFor();
    expect(await page.locator('.mainnav').isVisible()).toBe(false);
    await page.locator('.menu-toggle').click();
    expect(await page.locator('.mainnav').isVisible()).toBe(true);
    await page.locator('.menu-toggle').click();
    await shot(page, 'tablet-board');
    await page.locator(`[data-report-id="${seed.plainReportId}"] a`).click();
    const detail = page.locator('[data-testid=report-detail]');
    await detail.waitFor();
    expect(await page.locator('[data-testid=report-list]').isVisible()).toBe(false);
    const box = (await detail.boundingBox())!;
    expect(box.width).toBeGreaterThan(760);
    // nothing sticks out sideways
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
    await shot(page, 'tablet-detail');
  });
});
