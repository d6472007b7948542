// An admin in Chromium, in English: staff accounts with roles and scope (a refused save keeps the
// form), a category's deadline, a response template, a holiday, an Open311 key shown once, and the
// audit log that recorded all of it.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot } from './harness.ts';
import { ADMIN } from './seed.ts';

describe.skipIf(!browserAvailable).each(dbTargets)('console: administration (%s)', (target) => {
  const { app, seed, b } = useConsoleSuite(target, { locale: 'en-GB', signInAs: ADMIN });

  it('creates a staff account with roles and scope; a too-short password is refused and nothing typed is lost', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/admin/staff`);
    await page.locator('button', { hasText: 'New staff member' }).click();
    const form = page.locator('[data-testid=staff-form]');
    await form.locator('input[name=login]').fill('b.omarov');
    await form.locator('input[name=fullName]').fill('Бауыржан Омаров');
    await form.locator('input[name=password]').fill('short');
    await form.locator('label', { hasText: 'moderator' }).locator('input').check();
    await form.locator('select[name=regionId]').selectOption({ value: String(seed.regionId) });
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('.error-box').innerText()).toContain('Check the fields marked in the form.');
    expect(await form.locator('[data-testid=field-error-password]').innerText()).toBe('At least 12 characters.');
    expect(await form.locator('input[name=fullName]').inputValue()).toBe('Бауыржан Омаров');
    expect(await form.locator('label', { hasText: 'moderator' }).locator('input').isChecked()).toBe(true);

    await form.locator('input[name=password]').fill('a-long-enough-password');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=staff-table]').innerText()).toContain('Бауыржан Омаров');
    const user = await app.services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'b.omarov' } });
    expect(user.roles.sort()).toEqual(['moderator', 'operator']);
    expect(user.regionId).toBe(seed.regionId);
  });

  it("changes a category's deadline", async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/admin/categories`);
    const row = page.locator('[data-testid=categories-table] tbody tr').first();
    await row.locator('button').click();
    await page.locator('.modal input[type=number]').fill('12');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => row.innerText()).toContain('12 working days');
    const first = await app.services.prisma.category.findFirstOrThrow({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
    expect(first.deadlineDays).toBe(12);
  });

  it("sets a consultation topic's response deadline and a department's Telegram group", async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/admin/topics`);
    const row = page.locator('[data-testid=topics-table] tbody tr').first();
    await row.locator('button').click();
    await page.locator('.modal input[type=number]').fill('3');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => row.innerText()).toContain('3 working days');
    const topic = await app.services.prisma.consultationTopic.findFirstOrThrow({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
    expect(topic.responseDays).toBe(3);

    await page.goto(`${app.baseUrl}/console/admin/departments`);
    const dept = page.locator('[data-testid=departments-table] tbody tr').first();
    await dept.locator('button').click();
    // not a group id: refused, the value stays for correcting
    await page.locator('.modal input[name=telegramChatId]').fill('12345');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => page.locator('.modal .error-box').count()).toBe(1);
    expect(await page.locator('.modal input[name=telegramChatId]').inputValue()).toBe('12345');
    await page.locator('.modal input[name=telegramChatId]').fill('-1001234567890');
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(() => dept.innerText()).toContain('-1001234567890');
  });

  it('writes a response template in both languages', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/admin/templates`);
    await page.locator('button', { hasText: 'New template' }).click();
    const form = page.locator('[data-testid=template-form]');
    await form.locator('input[name=title]').fill('Not our responsibility: utilities');
    await form.locator('select[name=status]').selectOption('not_responsible');
    await form.locator('textarea[name=textKk]').fill('{{number}} өтініші коммуналдық қызметтерге жіберілді.');
    await form.locator('textarea[name=textRu]').fill('Обращение {{number}} передано коммунальным службам.');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=templates-table]').innerText()).toContain('Not our responsibility: utilities');
    const tpl = await app.services.prisma.responseTemplate.findFirstOrThrow({ where: { title: 'Not our responsibility: utilities' } });
    expect(tpl).toMatchObject({ status: 'not_responsible', categoryId: null, active: true });
  });

  it('adds a holiday to the calendar and issues an Open311 key that is shown once', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/admin/calendar`);
    const form = page.locator('[data-testid=calendar-form]');
    // The console shows the Almaty year (UTC+5), which turns before the machine's UTC year does.
    await form.locator('input[type=date]').fill(`${new Date(Date.now() + 5 * 3_600_000).getUTCFullYear()}-12-29`);
    await form.locator('input[lang=kk]').fill('Қосымша демалыс');
    await form.locator('input[lang=ru]').fill('Дополнительный выходной');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=calendar-table]').innerText()).toContain('Дополнительный выходной');
    const day = await app.services.prisma.calendarDay.findFirst({ where: { nameRu: 'Дополнительный выходной' } });
    expect(day?.kind).toBe('holiday');

    await page.goto(`${app.baseUrl}/console/admin/api-keys`);
    await page.locator('form.panel input').first().fill('Astana city portal');
    await page.locator('form.panel button[type=submit]').click();
    const key = await page.locator('[data-testid=api-key]').innerText();
    expect(key.length).toBeGreaterThan(20);
    const client = await app.services.prisma.apiClient.findFirstOrThrow({ where: { name: 'Astana city portal' } });
    expect(key.startsWith(client.keyPrefix)).toBe(true);
    await shot(page, 'admin-api-key');
  });

  it('shows all of it in the audit log with who did it', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/admin/audit`);
    const table = page.locator('[data-testid=audit-table]');
    // Each entry a sentence: who, the thing by its name or number, what happened (the code stays in the tooltip).
    await expect.poll(() => table.innerText()).toMatch(/Administrator: category #\d+ — changed/);
    const text = await table.innerText();
    expect(text).toMatch(/Administrator: staff member Бауыржан Омаров — created/);
    expect(text).toMatch(/Administrator: API client #\d+ — created/);
    expect(text).not.toContain('staff_user');
    await page.locator('select[name=action]').selectOption('category.*');
    await page.locator('form.filters button[type=submit]').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    await table.locator('tbody tr button').click();
    // The change as a field with its value before and after, not two blocks of JSON.
    // Fields by their labels, not their code names.
    await expect.poll(() => table.locator('[data-testid=audit-diff] tbody').innerText()).toMatch(/Deadline \(working days\)\s+\S+\s+12/);
    expect(await table.locator('[data-testid=audit-diff] tbody').innerText()).not.toContain('deadlineDays');
    // The person filter is a list of names, not an id to type.
    await page.locator('select[name=action]').selectOption('');
    await page.locator('[data-testid=audit-actor]').selectOption({ label: 'Administrator' });
    await page.locator('form.filters button[type=submit]').click();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    const sentences = await table.locator('[data-testid=audit-sentence]').allInnerTexts();
    expect(sentences.filter((x) => !x.startsWith('Administrator: '))).toEqual([]);
    await shot(page, 'admin-audit');
  });
});
