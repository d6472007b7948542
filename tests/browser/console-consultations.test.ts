// A consultant works the queue in Chromium: takes a question, answers it (the citizen's bot gets it
// through the API), hands another over, closes with a result; then writes a knowledge-base article,
// where a refused save keeps both languages' text.
import { describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/db.ts';
import { makeCitizen, makeQuestion } from '../helpers/consult-fixtures.ts';
import { useConsoleSuite } from './console-suite.ts';
import { browserAvailable, shot, type ConsoleApp } from './harness.ts';
import { CONSULTANT, type ConsoleSeed } from './seed.ts';

describe.skipIf(!browserAvailable).each(dbTargets)('console: consultations (%s)', (target) => {
  let first: number;
  let second: number;
  let topicId: number;
  const prepare = async (app: ConsoleApp, seed: ConsoleSeed) => {
    const { prisma } = app.services;
    await app.services.staff.create(
      { type: 'system' },
      { login: 'consultant2', fullName: 'Динара Оспанова', password: 'consultant2-password', roles: ['consultant'], regionId: seed.regionId },
    );
    topicId = (await prisma.consultationTopic.findFirstOrThrow({ where: { active: true }, orderBy: { id: 'asc' } })).id;
    const citizen = await makeCitizen(prisma, { locale: 'kk', name: 'Айгерім' });
    first = (
      await makeQuestion(prisma, {
        citizenId: citizen.id,
        topicId,
        regionId: seed.regionId,
        text: 'Қоғамдық бірлестікті қалай тіркеуге болады? Қандай құжаттар керек?',
        createdAt: new Date(Date.now() - 3_600_000),
      })
    ).id;
    second = (await makeQuestion(prisma, { citizenId: citizen.id, topicId, regionId: seed.regionId, text: 'Грантқа өтінімді қай мерзімге дейін беру керек?' }))
      .id;
  };
  const { app, b } = useConsoleSuite(target, { prepare, signInAs: CONSULTANT });

  const question = (id: number) => app.services.prisma.question.findUniqueOrThrow({ where: { id }, include: { messages: { orderBy: { id: 'asc' } } } });

  it('takes the oldest question and answers it', async () => {
    const { page } = b;
    await expect.poll(() => page.locator('[data-testid=question-list] li').count()).toBe(2);
    await page.locator('[data-testid=question-list] li a').first().click();
    const detail = page.locator('[data-testid=question-detail]');
    await expect.poll(() => detail.locator('[data-testid=thread]').innerText()).toContain('Қоғамдық бірлестікті');
    await detail.locator('button[data-action=claim]').click();
    await expect.poll(async () => (await question(first)).consultantId).not.toBeNull();

    await detail.locator('textarea[name=answer]').fill('Әділет басқармасына өтініш, жарғы және құрылтай жиналысының хаттамасы керек.');
    await detail.locator('input[name=linkUrl]').fill('https://egov.kz/cms/kk');
    await detail.locator('form.panel button[type=submit]').click();
    await expect.poll(async () => (await question(first)).state).toBe('answered');
    const q = await question(first);
    expect(q.messages.at(-1)).toMatchObject({ kind: 'answer', text: 'Әділет басқармасына өтініш, жарғы және құрылтай жиналысының хаттамасы керек.' });
    await expect.poll(() => detail.locator('[data-testid=thread]').innerText()).toContain('хаттамасы');
    // the answer box is empty again only because the API accepted it
    expect(await detail.locator('textarea[name=answer]').inputValue()).toBe('');
    await shot(page, 'consultations-queue');
  });

  it('closes as answered, and takes the other question and hands it over to a colleague', async () => {
    const { page } = b;
    const detail = page.locator('[data-testid=question-detail]');
    await detail.locator('button[data-action=close]').click();
    await page.locator('.modal button[type=submit]').click();
    await expect.poll(async () => (await question(first)).state).toBe('closed');
    expect((await question(first)).result).toBe('answered');

    await page.goto(`${app.baseUrl}/console/questions/${second}`);
    // only the consultant holding a question hands it over
    await detail.locator('button[data-action=claim]').waitFor();
    expect(await detail.locator('button[data-action=handover]').count()).toBe(0);
    await detail.locator('button[data-action=claim]').click();
    await detail.locator('button[data-action=handover]').click();
    await page.locator('.modal select').selectOption({ label: 'Динара Оспанова' });
    await page.locator('.modal textarea').fill('Гранттар бойынша сіз жақсы білесіз');
    await page.locator('.modal button[type=submit]').click();
    const colleague = await app.services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'consultant2' } });
    await expect.poll(async () => (await question(second)).consultantId).toBe(colleague.id);
  });

  it('writes a knowledge-base article: a refused save keeps the Kazakh text, then it is saved with both', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/faq`);
    await page.locator('button[data-action=new-article]').click();
    const form = page.locator('[data-testid=faq-form]');
    await form.locator('input[name=titleKk]').fill('Қоғамдық бірлестікті тіркеу');
    await form.locator('textarea[name=bodyKk]').fill('Әділет басқармасына өтініш береді.');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('.error-box').innerText()).toContain('на казахском и на русском');
    expect(await form.locator('input[name=titleKk]').inputValue()).toBe('Қоғамдық бірлестікті тіркеу');
    expect(await form.locator('textarea[name=bodyKk]').inputValue()).toBe('Әділет басқармасына өтініш береді.');

    await form.locator('input[name=titleRu]').fill('Регистрация общественного объединения');
    await form.locator('textarea[name=bodyRu]').fill('Подайте заявление в управление юстиции.');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=faq-list]').innerText()).toContain('Регистрация общественного объединения');
    const article = await app.services.prisma.faqArticle.findFirstOrThrow({ where: { titleRu: 'Регистрация общественного объединения' } });
    expect(article).toMatchObject({ titleKk: 'Қоғамдық бірлестікті тіркеу', published: false, topicId });
    await shot(page, 'faq-editor');
  });
});
