// The demo data (fillDemo) in Chromium: a project manager reviews a discussion comment (decision and reason,
// then the API gives it back), opens a poll's results whose bars carry the counts the database holds,
// and watches a wave's sending progress; a moderator sees the comment hidden by flags. Screenshots of each
// screen are kept in test-artifacts/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, fillDemo } from '../../core/demo/fill-demo.ts';
import { CAPABILITIES } from '../../app/capabilities/index.ts';
import { earliestEnd } from '../../core/discussions/discussion-rules.ts';
import { parsePeriod } from '../../core/volunteering/volunteer-rankings.ts';
import { dbTargets } from '../helpers/db.ts';
import { browserAvailable, launchBrowser, shot, signIn, startConsoleApp, type Browser, type ConsoleApp } from './harness.ts';

const SATISFACTION_RU: Record<string, string> = {
  fully: 'Полностью удовлетворён',
  rather: 'Скорее удовлетворён',
  rather_not: 'Скорее не удовлетворён',
  not_at_all: 'Совсем не удовлетворён',
  hard_to_say: 'Затрудняюсь ответить',
};

describe.skipIf(!browserAvailable).each(dbTargets)('console with the demo data (%s)', (target) => {
  let app: ConsoleApp;
  let b: Browser;

  beforeAll(async () => {
    app = await startConsoleApp(target);
    await fillDemo(app.services, CAPABILITIES, { storageDir: app.storageDir });
    b = await launchBrowser(app.baseUrl);
    await signIn(b.page, app.baseUrl, 'manager', DEMO_PASSWORD);
  });
  afterAll(async () => {
    await b?.close();
    await app?.stop();
  });

  /** The API as the given demo account, as any client would call it. */
  async function apiAs(login: string, url: string) {
    const res = await app.server.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: DEMO_PASSWORD }, remoteAddress: '10.9.9.9' });
    const token = res.json().token as string;
    const r = await app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  /** The region with the most demo reports. */
  async function busiestRegion(): Promise<number> {
    const rows = await app.services.prisma.report.groupBy({ by: ['regionId'], _count: { _all: true } });
    return rows.sort((a, b) => b._count._all - a._count._all)[0]!.regionId;
  }

  it('lists the topics in every state and shows the earliest allowed end when publishing a draft', async () => {
    const { page } = b;
    await page.goto(`${app.baseUrl}/console/topics`);
    const items = page.locator('[data-testid=topic-list] li');
    await expect.poll(() => items.count()).toBe(4);
    for (const status of ['draft', 'open', 'closed', 'reviewed'] as const)
      expect(await page.locator(`[data-testid=topic-list] [data-status=${status}]`).count()).toBe(1);
    await shot(page, 'c2-topics');

    const draft = await app.services.prisma.discussionTopic.findFirstOrThrow({ where: { status: 'draft' } });
    await page.goto(`${app.baseUrl}/console/topics/${draft.id}`);
    const earliest = page.locator('[data-testid=earliest-end]');
    // The day shown is the one the server's calendar gives for 10 working days from today.
    const cal = await app.services.calendar.calendar();
    const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
    const endDay = cal.nthWorkingDayAfter(cal.nthWorkingDayAfter(today, 0), 10);
    const [y, m, d] = endDay.split('-');
    await expect.poll(() => earliest.innerText()).toContain(`${d}.${m}.${y}`);
    expect(await page.locator('[data-testid=publish-panel] input[name=endsAt]').getAttribute('min')).toBe(endDay);

    // Published with the earliest end: exactly 10 working days from the moment of publication.
    await page.locator('[data-testid=publish-panel] button[data-action=publish]').click();
    await expect.poll(async () => (await app.services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('open');
    const published = await app.services.prisma.discussionTopic.findUniqueOrThrow({ where: { id: draft.id } });
    expect(published.endsAt!.getTime()).toBe(earliestEnd(cal, published.publishedAt!).getTime());
    await expect.poll(() => page.locator('[data-testid=topic-ends-at]').count()).toBe(1);
  });

  it('reviews a comment after the end: a decision with its reason, which the API then gives back', async () => {
    const { page } = b;
    const topic = await app.services.prisma.discussionTopic.findFirstOrThrow({
      where: { status: 'closed' },
      include: { comments: { where: { decision: null }, orderBy: { id: 'asc' } } },
    });
    const comment = topic.comments[0]!;
    await page.goto(`${app.baseUrl}/console/topics/${topic.id}`);
    const item = page.locator(`[data-testid=topic-comments] li[data-comment-id="${comment.id}"]`);
    await item.waitFor();
    await shot(page, 'c2-topic-review');

    // A rejection without a reason is refused by the API; what was chosen stays on the screen.
    await item.locator('input[value=rejected]').check();
    await item.locator('button[data-action=save-decision]').click();
    await expect.poll(() => item.locator('.error-box').count()).toBe(1);
    expect(await item.locator('input[value=rejected]').isChecked()).toBe(true);

    const reason = 'Коворкинг предусмотрен другой программой акимата на следующий год.';
    await item.locator('textarea[name=reason]').fill(reason);
    await item.locator('button[data-action=save-decision]').click();
    await expect.poll(() => item.locator('.hint', { hasText: 'решение от' }).count()).toBe(1);

    const comments = (await apiAs('manager', `/api/discussions/${topic.id}/comments`)) as Array<{ id: number; decision: string; decisionReason: string }>;
    const saved = comments.find((c) => c.id === comment.id)!;
    expect(saved.decision).toBe('rejected');
    expect(saved.decisionReason).toBe(reason);
    await shot(page, 'c2-topic-decided');
  });

  it("shows a poll's results as bars with the counts of each answer, and the dynamics across waves", async () => {
    const { page } = b;
    const poll = await app.services.prisma.poll.findFirstOrThrow({
      orderBy: { id: 'asc' },
      include: { questions: { orderBy: { position: 'asc' } }, waves: { orderBy: { position: 'asc' } } },
    });
    const question = poll.questions.find((q) => q.type === 'satisfaction')!;
    await page.goto(`${app.baseUrl}/console/projects/${poll.projectId}`);
    await page.locator('[data-testid=grant-stats] canvas').first().waitFor();
    await shot(page, 'c2-project');
    await page.locator(`[data-testid=project-polls] [data-poll-id="${poll.id}"] a`).click();
    await page.locator('[data-testid=poll-results]').waitFor();
    await expect.poll(() => page.locator('[data-testid=dynamics] canvas').count()).toBeGreaterThan(0);

    for (const wave of poll.waves) {
      await page.locator(`[data-testid=wave-table] tr[data-wave-id="${wave.id}"] button`).click();
      const answers = await app.services.prisma.pollAnswer.groupBy({
        by: ['choice'],
        where: { questionId: question.id, response: { waveId: wave.id } },
        _count: true,
      });
      const expected = Object.fromEntries(
        Object.keys(SATISFACTION_RU).map((code) => [SATISFACTION_RU[code]!, answers.find((a) => a.choice === code)?._count ?? 0]),
      );
      // The chart's table for screen readers: a row per bar, its label and "count · share".
      const bars = page.locator(`[data-testid=question-result-${question.id}] .sr-only tbody tr`);
      await expect.poll(() => bars.count()).toBe(5);
      await expect
        .poll(async () => {
          const rows = await bars.evaluateAll((els) => els.map((e) => [e.querySelector('th')?.textContent ?? '', e.querySelector('td')?.textContent ?? '']));
          return Object.fromEntries(rows.map(([label, value]) => [label, Number.parseInt(value!, 10)]));
        })
        .toEqual(expected);
      expect(Object.values(expected).reduce((a, n) => a + n, 0)).toBeGreaterThan(0);
      await page.locator(`[data-testid=question-result-${question.id}]`).scrollIntoViewIfNeeded();
      await shot(page, `c2-poll-results-wave-${wave.position}`);
    }
  });

  it("shows the open wave's sending progress from the outbox", async () => {
    const { page } = b;
    const wave = await app.services.prisma.pollWave.findFirstOrThrow({ where: { status: 'open' }, orderBy: { id: 'asc' } });
    const answered = await app.services.prisma.pollInvitation.count({ where: { waveId: wave.id, answeredAt: { not: null } } });
    await page.goto(`${app.baseUrl}/console/polls/${wave.pollId}?tab=waves`);
    const card = page.locator(`[data-testid=wave-card][data-wave-id="${wave.id}"]`);
    await expect.poll(() => card.locator('[data-part=answered] b').innerText()).toBe(String(answered));
    await shot(page, 'c2-poll-waves');
  });

  it('builds a new questionnaire, adds a wave and sends it, with the progress the outbox reports', async () => {
    const { page } = b;
    const project = await app.services.prisma.socialProject.findFirstOrThrow({ where: { status: 'active' }, orderBy: { id: 'asc' } });
    await page.goto(`${app.baseUrl}/console/projects/${project.id}`);
    await page.locator('button[data-action=new-poll]').click();
    const form = page.locator('[data-testid=poll-form]');
    await form.locator('input[name=titleKk]').fill('Іс-шара сапасы');
    await form.locator('input[name=titleRu]').fill('Качество мероприятий');
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=poll-builder]').waitFor();
    const pollId = Number(new URL(page.url()).pathname.split('/').pop());

    await page.locator('button[data-action=add-question]').click();
    const q = page.locator('[data-testid=question-form]');
    await q.locator('select').first().selectOption('single');
    await q.locator('input[name=textKk]').fill('Қай форматты қалайсыз?');
    await q.locator('input[name=textRu]').fill('Какой формат вам удобнее?');
    const kk = q.locator('input[lang=kk]:not([name])');
    const ru = q.locator('input[lang=ru]:not([name])');
    await kk.nth(0).fill('Күндіз');
    await ru.nth(0).fill('Днём');
    await kk.nth(1).fill('Кешке');
    await ru.nth(1).fill('Вечером');
    await q.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[data-testid=poll-builder] li[data-question-id]').count()).toBe(1);
    const saved = await app.services.prisma.pollQuestion.findMany({ where: { pollId } });
    expect(saved.map((x) => ({ type: x.type, textRu: x.textRu, options: x.options }))).toEqual([
      {
        type: 'single',
        textRu: 'Какой формат вам удобнее?',
        options: [
          { code: 'a', kk: 'Күндіз', ru: 'Днём' },
          { code: 'b', kk: 'Кешке', ru: 'Вечером' },
        ],
      },
    ]);

    await page.goto(`${app.baseUrl}/console/polls/${pollId}?tab=waves`);
    const wave = page.locator('[data-testid=new-wave]');
    const closes = new Date(Date.now() + 5 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    await wave.locator('input[type=date]').nth(1).fill(closes);
    await wave.locator('button[type=submit]').click();
    const card = page.locator('[data-testid=wave-card]');
    await card.waitFor();
    page.once('dialog', (d) => void d.accept());
    await card.locator('button[data-action=send-wave]').click();
    const w = await app.services.prisma.pollWave.findFirstOrThrow({ where: { pollId } });
    await expect.poll(async () => (await app.services.prisma.pollWave.findUniqueOrThrow({ where: { id: w.id } })).sendRequestedAt).not.toBeNull();
    const progress = await apiAs('manager', `/api/polls/waves/${w.id}/progress`);
    expect(progress.total).toBeGreaterThan(0);
    await expect.poll(() => card.locator('[data-part=queued] b').innerText()).toBe(String(progress.queued));
    expect(await card.locator('[data-part=unreachable] b').innerText()).toBe(String(progress.unreachable));
    await shot(page, 'c2-poll-new-wave-sent');
  });

  it('ranks the volunteers of a region for a year, as the API does', async () => {
    const { page } = b;
    const past = await app.services.prisma.volunteerOpportunity.findFirstOrThrow({
      where: { applications: { some: { state: 'attended' } } },
      orderBy: { startsAt: 'desc' },
    });
    const year = new Date(past.startsAt.getTime() + 5 * 3_600_000).toISOString().slice(0, 4);
    const admin = { id: 1, login: 'admin', fullName: 'admin', roles: ['admin' as const], regionId: null, districtId: null, departmentId: null, locale: 'ru' };
    const expected = await app.services.volunteering.rankings(admin, { level: 'region', regionId: past.regionId }, parsePeriod(year));
    await page.goto(`${app.baseUrl}/console/volunteers?tab=rankings&regionId=${past.regionId}&period=${year}`);
    const bars = page.locator('[data-testid=volunteer-rankings] .panel').first().locator('.sr-only tbody tr');
    await expect.poll(() => bars.count()).toBe(expected.mostActive.length);
    expect(await page.locator('[data-testid=ranking-totals]').innerText()).toContain(String(expected.totals.peopleHelped));
    await shot(page, 'c2-volunteer-rankings');

    await page.goto(`${app.baseUrl}/console/volunteers/${past.id}`);
    await expect.poll(() => page.locator('[data-testid=application-list] li[data-state=attended]').count()).toBeGreaterThan(0);
    await shot(page, 'c2-volunteer-opportunity');
  });

  it('shows the dashboard for a period: the indicators and, to a manager, the districts (not single reports) on the problem map', async () => {
    const { page } = b;
    const period = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 4);
    const civic = await apiAs('manager', `/api/analytics/civic-control?period=${period}`);
    const districts = await apiAs('manager', `/api/analytics/map/districts?period=${period}`);
    const located = (districts.features as Array<{ geometry: unknown; properties: { reports: number } }>).filter(
      (f) => f.geometry && f.properties.reports > 0,
    ).length;
    expect(located).toBeGreaterThan(1);
    await page.goto(`${app.baseUrl}/console/dashboard?period=${period}`);
    await expect.poll(() => page.locator('[data-testid=dash-map] .map path.leaflet-interactive').count()).toBe(located);
    expect(await page.locator('[data-testid=dash-map] .error-box').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=dash-civic] dl.facts dd').first().innerText()).toBe(String(civic.received));
    await shot(page, 'c2-dashboard');
    await page.locator('[data-testid=dash-map]').scrollIntoViewIfNeeded();
    await shot(page, 'c2-dashboard-map');
  });

  it('fills a new topic’s justification and source from the needs assessment, for the manager to edit', async () => {
    const { page } = b;
    const region = await busiestRegion();
    const need = (await apiAs('manager', `/api/analytics/needs-assessment?regionId=${region}`)).needs[0] as { areaId: number };
    const expected = await apiAs('manager', `/api/analytics/needs-assessment/justification?regionId=${region}&areaId=${need.areaId}`);
    expect(expected.justificationRu).toBeTruthy();
    await page.goto(`${app.baseUrl}/console/topics/new`);
    const form = page.locator('[data-testid=topic-form]');
    const fill = page.locator('[data-testid=needs-fill] button');
    expect(await fill.isDisabled()).toBe(true);
    await form.locator('select').nth(1).selectOption(String(region));
    await form.locator('select').nth(2).selectOption(String(need.areaId));
    await form.locator('textarea[name=justificationRu]').fill('набранное ранее');
    await fill.click();
    await expect.poll(() => form.locator('textarea[name=justificationRu]').inputValue()).toBe(expected.justificationRu);
    expect(await form.locator('textarea[name=justificationKk]').inputValue()).toBe(expected.justificationKk);
    expect(await form.locator('textarea[name=informationSource]').inputValue()).toBe(expected.informationSourceRu);
    // still an ordinary field: the manager's edit is what is saved
    await form.locator('textarea[name=justificationRu]').fill(`${expected.justificationRu} Уточнено менеджером.`);
    await shot(page, 'c2-topic-needs-fill');
  });

  it('shows the needs assessment of a region and the per-district figures, and narrows by area and a date range', async () => {
    const { page } = b;
    const region = await busiestRegion();
    const year = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 4);
    const needs = await apiAs('manager', `/api/analytics/needs-assessment?regionId=${region}`);
    const districts = await apiAs('manager', `/api/analytics/map/districts?period=${year}&regionId=${region}`);
    await page.goto(`${app.baseUrl}/console/dashboard?period=${year}&regionId=${region}`);
    const items = page.locator('[data-testid=needs-list] > li');
    await expect.poll(() => items.count()).toBe(Math.min(5, needs.needs.length));
    expect(await items.first().locator('strong').innerText()).toBe(needs.needs[0].nameRu);
    expect(await page.locator('[data-testid=dash-needs] button', { hasText: 'XLSX' }).count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=districts-table] tbody tr').count()).toBe(districts.features.length);
    await page.locator('[data-testid=dash-needs]').scrollIntoViewIfNeeded();
    await shot(page, 'c2-dashboard-needs');

    await page.locator('.filters select[name=areaId]').selectOption(String(needs.needs[0].areaId));
    await expect.poll(() => new URL(page.url()).searchParams.get('areaId')).toBe(String(needs.needs[0].areaId));
    await page.locator('.filters input[name=from]').fill(`${year}-01-01`);
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(`${year}-01-01`);
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();
    const narrowed = await apiAs('manager', `/api/analytics/map/districts?from=${year}-01-01&regionId=${region}&areaId=${needs.needs[0].areaId}`);
    await expect.poll(() => page.locator('[data-testid=districts-table] tbody tr').count()).toBe(narrowed.features.length);
  });

  it('shows the same screens in Kazakh', async () => {
    const { page } = b;
    const poll = await app.services.prisma.poll.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await page.goto(`${app.baseUrl}/console/polls/${poll.id}`);
    await page.locator('.lang-switch button', { hasText: 'Қаз' }).click();
    await expect.poll(() => page.locator('[data-testid=poll-screen] [role=tab]').first().innerText()).toContain('Нәтижелер');
    await expect.poll(() => page.locator('[data-testid=poll-results] h2').first().innerText()).toContain('Толқындар бойынша динамика');
    await shot(page, 'c2-poll-results-kk');
    await page.goto(`${app.baseUrl}/console/topics`);
    await expect.poll(() => page.locator('h1').innerText()).toBe('Жария талқылау');
    await shot(page, 'c2-topics-kk');
    await page.locator('.lang-switch button', { hasText: 'Рус' }).click();
  });

  it("opens an operator's dashboard on their own region and department, with their reports on the map", async () => {
    const o = await launchBrowser(app.baseUrl);
    try {
      const me = await app.services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'operator.pavlodar' } });
      const year = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 4);
      const points = await apiAs(
        'operator.pavlodar',
        `/api/analytics/map/reports?period=${year}&regionId=${me.regionId}&departmentId=${me.departmentId}&limit=2000`,
      );
      await signIn(o.page, app.baseUrl, 'operator.pavlodar', DEMO_PASSWORD);
      await o.page.goto(`${app.baseUrl}/console/dashboard?period=${year}`);
      expect(await o.page.locator('.filters select[name=regionId]').inputValue()).toBe(String(me.regionId));
      expect(await o.page.locator('.filters select[name=departmentId]').inputValue()).toBe(String(me.departmentId));
      expect(await o.page.locator('.filters select[name=departmentId]').isDisabled()).toBe(true);
      const located = (points.features as Array<{ geometry: unknown }>).filter((f) => f.geometry).length;
      await expect.poll(() => o.page.locator('[data-testid=dash-map] .map path.leaflet-interactive').count()).toBe(located);
    } finally {
      await o.close();
    }
  });

  it('shows a moderator the comment that citizens’ flags hid', async () => {
    const m = await launchBrowser(app.baseUrl);
    try {
      await signIn(m.page, app.baseUrl, 'moderator', DEMO_PASSWORD);
      await m.page.goto(`${app.baseUrl}/console/topics?tab=moderation`);
      const hidden = await app.services.prisma.discussionComment.findFirstOrThrow({ where: { hidden: true, moderatedAt: null } });
      await m.page.locator(`[data-testid=moderation-list] [data-comment-id="${hidden.id}"]`).waitFor();
      await shot(m.page, 'c2-moderation');
    } finally {
      await m.close();
    }
  });
});
