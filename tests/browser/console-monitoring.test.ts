// A project manager in Chromium, in Russian, opens a project's monitoring tab: plans a round, starts it, sees the
// indicators, records two tools through the tool form (a sixth-round-style refusal is the API's, tested elsewhere),
// completes the round and sets a measure, which shows as open and "not delivered" (no NGO contact yet).
import { describe, expect, it } from 'vitest';
import { localDate } from '../../core/calendar/local-time.ts';
import { dbTargets } from '../helpers/db.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable } from './harness.ts';
import { managedProject } from './seed.ts';

// The browser keeps the session cookie by its own clock, so the server's clock is pinned at the real start of
// the test and every fixture date is relative to it.
const NOW = new Date();
const day = (offset: number) => localDate(new Date(NOW.getTime() + offset * 86_400_000));
const YEAR = day(0).slice(0, 4);
const PM = { login: 'pm-monitoring', password: 'pm-monitoring-password-1' };

describe.skipIf(!browserAvailable).each(dbTargets)('console: project monitoring (%s)', (target) => {
  let projectId = 0;
  const { app, b } = useConsoleSuite(target, {
    now: () => NOW,
    botUsername: 'azamat_test_bot',
    seed: false,
    signInAs: PM,
    prepare: async ({ services }) => {
      ({ projectId } = await managedProject(services, PM, day(-30), day(270)));
    },
  });

  it('plans, starts and completes a round with two tools, then sets a measure', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/monitoring/${projectId}?year=${YEAR}`);
    await expect.poll(() => page.locator('[data-testid=monitoring-status]').innerText()).toContain('запланировано 0, проведено 0');
    expect(await page.locator('[data-testid=monitoring-screen]').innerText()).toContain('Запланировано меньше 2 мониторингов на год.');
    await page.locator('input[type=date]').first().fill(day(0));
    await page.getByRole('button', { name: 'Запланировать' }).click();
    await expect.poll(() => page.locator('[data-testid=monitoring-rounds]').innerText()).toContain('запланирован');
    await page.getByRole('button', { name: 'Начать' }).click();
    await expect.poll(() => page.locator('[data-testid=monitoring-rounds]').innerText()).toContain('идёт');
    await page.getByRole('button', { name: 'Открыть' }).click();
    const form = page.locator('[data-testid=monitoring-tool-form]');
    await form.locator('select').selectOption('document_review');
    await form.locator('textarea').fill('Журналы ведутся');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('[data-testid=monitoring-tools]').innerText()).toContain('изучение документации: Журналы ведутся');
    await form.locator('select').first().selectOption('social_media');
    await form.locator('input[type=url]').fill('https://instagram.com/p/1');
    await form.locator('input[type=text]').first().fill('instagram');
    await form.locator('input[type=date]').fill(day(-5));
    await form.locator('textarea').fill('Отзывы положительные');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('[data-testid=monitoring-tools]').innerText()).toContain('мониторинг социальных сетей: Отзывы положительные');
    const round = page.locator('[data-testid=monitoring-round]');
    await round.locator('form:not([data-testid]) textarea').first().fill('План выполняется');
    await round.getByRole('button', { name: 'Завершить мониторинг' }).click();
    await expect.poll(() => page.locator('[data-testid=monitoring-rounds]').innerText()).toContain('завершён');
    await expect.poll(() => round.innerText()).toContain('Мониторинг завершён');
    await round.locator('textarea').last().fill('Вести журнал консультаций');
    await round.locator('input[type=date]').last().fill(day(10));
    await round.getByRole('button', { name: 'Добавить меру' }).click();
    const measures = page.locator('[data-testid=monitoring-measures]');
    await expect.poll(() => measures.innerText()).toContain('Вести журнал консультаций');
    expect(await measures.innerText()).toContain('открыта');
    expect(await measures.innerText()).toContain('Не доставлена');
  });

  it('gives the manager the link that binds the NGO contact in the bot, and a new one on renewal', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/monitoring/${projectId}?year=${YEAR}`);
    await page.getByRole('button', { name: 'Ссылка для контактного лица поставщика' }).click();
    const link = page.locator('[data-testid=monitoring-ngo-link]');
    await expect.poll(() => link.innerText()).toMatch(/^https:\/\/t\.me\/azamat_test_bot\?start=ngo_[A-Za-z0-9_-]{12}$/);
    const first = await link.innerText();
    await page.getByRole('button', { name: 'Ссылка для контактного лица поставщика' }).click();
    await expect.poll(() => link.innerText()).not.toBe(first);
    const p = await app.services.prisma.socialProject.findUniqueOrThrow({ where: { id: projectId } });
    expect(await link.innerText()).toContain(`ngo_${p.supplierInviteCode}`);
  });
});
