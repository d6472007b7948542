// The demo (`npm run demo`) promises a living console: every report status with history and photos, a queue
// of questions in every state, a discussion open, one awaiting review and one reviewed, volunteers with
// attendance, a project with two poll waves and answers; all made by the real services, in both languages,
// nothing dated in the future, and every demo account able to sign in.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportStatus } from '../generated/prisma/enums.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import { DEMO_PASSWORD, fillDemo, type DemoSummary } from '../core/demo/fill-demo.ts';
import { CAPABILITIES } from '../app/capabilities/index.ts';
import { earliestEnd } from '../core/discussions/discussion-rules.ts';
import { parsePeriod } from '../core/volunteering/volunteer-rankings.ts';
import { localDate } from '../core/calendar/local-time.ts';
import { toPrincipal } from '../core/staff/staff-service.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const NOW = new Date('2026-11-20T12:00:00+05:00');
const KAZAKH = /[әғқңөұүһі]/i;

describe.each(dbTargets)('demo data on %s', (target) => {
  const suite = useTestDb(target);
  let services: ServicesWithDb;
  let summary: DemoSummary;
  const storageDir = mkdtempSync(path.join(tmpdir(), 'azamat-demo-'));

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 12, now: () => NOW, storageDir });
    summary = await fillDemo(services, CAPABILITIES, { storageDir, now: NOW });
  });
  afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

  it('has reports in every status, in several regions, each with a history, a stored photo and the colour rule', async () => {
    const reports = await services.prisma.report.findMany({ include: { events: true, evidence: true, followers: true } });
    const statuses = new Set(reports.map((r) => r.status));
    const all: ReportStatus[] = ['new', 'in_work', 'resolved', 'rejected', 'duplicate', 'not_responsible', 'reopened'];
    expect([...statuses].sort()).toEqual([...all].sort());
    expect(new Set(reports.map((r) => r.regionId)).size).toBeGreaterThanOrEqual(5);
    for (const r of reports) {
      expect(r.events.some((e) => e.type === 'created')).toBe(true);
      if (r.status !== 'new') expect(r.events.some((e) => e.type === 'status' && e.toStatus === r.status)).toBe(true);
      expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence) expect(statSync(path.join(storageDir, e.storedPath!)).size).toBeGreaterThan(100);
    }
    // Closing needs a public reason (DOMAIN.md: no report closes without a resolution or a reason).
    for (const r of reports.filter((x) => ['resolved', 'rejected', 'not_responsible'].includes(x.status))) {
      expect(r.events.find((e) => e.toStatus === r.status)!.publicNote).toBeTruthy();
    }
    expect(reports.some((r) => r.hidden && r.hiddenReason)).toBe(true);
    // the dashboard's "solved by residents themselves" has something to show
    expect(reports.some((r) => r.selfResolved && r.status === 'resolved')).toBe(true);
    expect(reports.some((r) => r.followers.length >= 3)).toBe(true);
    expect(reports.some((r) => r.rating !== null && r.confirmedFixed)).toBe(true);
    expect(reports.some((r) => KAZAKH.test(r.description))).toBe(true);
    expect(reports.some((r) => !KAZAKH.test(r.description) && /[а-я]/i.test(r.description))).toBe(true);
  });

  it("ships response templates in both languages, and an operator's in-work report offers a filled one to resolve it", async () => {
    const templates = await services.prisma.responseTemplate.findMany({ where: { active: true } });
    expect(new Set(templates.map((t) => t.status))).toEqual(new Set(['in_work', 'resolved', 'rejected', 'not_responsible']));
    for (const t of templates) {
      expect(t.textKk).toMatch(KAZAKH);
      expect(t.textRu).not.toMatch(KAZAKH);
    }
    const operator = toPrincipal(await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'operator' } }));
    const inWork = await services.prisma.report.findFirstOrThrow({
      where: { status: 'in_work', regionId: operator.regionId!, category: { code: 'roads-sidewalks' } },
      orderBy: { id: 'asc' },
    });
    const offered = await services.reportTemplates.applicable(operator, inWork.id, 'resolved');
    expect(offered.map((o) => o.template.title)).toContain('Яма заделана');
    for (const o of offered) expect(o.text).not.toMatch(/\{\{|\}\}/);
  });

  it('sets due times from the working-day calendar, and some in-work reports are overdue', async () => {
    const cal = await services.calendar.calendar();
    const inWork = await services.prisma.report.findMany({ where: { status: 'in_work' }, include: { category: true } });
    // the deadline runs from filing (a reopened report gets a fresh one when taken up again)
    for (const r of inWork.filter((x) => x.reopenCount === 0))
      expect(r.dueAt!.getTime()).toBe(cal.addWorkingDays(r.createdAt, r.category.deadlineDays).getTime());
    expect(inWork.some((r) => r.dueAt! < NOW)).toBe(true);
    expect(inWork.some((r) => r.dueAt! > NOW)).toBe(true);
  });

  it('dates nothing after its "now" and numbers reports in the order they were filed', async () => {
    const latest = await services.prisma.reportEvent.findFirst({ orderBy: { at: 'desc' } });
    expect(latest!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    const reports = await services.prisma.report.findMany({ orderBy: { seq: 'asc' } });
    const times = reports.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const oldest = reports[0]!.createdAt;
    expect(NOW.getTime() - oldest.getTime()).toBeGreaterThan(30 * 86_400_000);
  });

  it('has questions in every state of the queue, an overdue one, ratings and a bilingual knowledge base', async () => {
    const questions = await services.prisma.question.findMany();
    expect(new Set(questions.map((q) => q.state))).toEqual(new Set(['waiting', 'claimed', 'answered', 'closed']));
    expect(questions.some((q) => q.state === 'waiting' && q.dueAt < NOW)).toBe(true);
    expect(questions.some((q) => q.followUpAt !== null)).toBe(true);
    expect(new Set(questions.filter((q) => q.result).map((q) => q.result))).toEqual(new Set(['answered', 'referred', 'not_in_scope', 'self_served']));
    expect(questions.filter((q) => q.rating !== null).length).toBeGreaterThanOrEqual(3);
    const offline = await services.prisma.consultation.groupBy({ by: ['channel'], _count: true });
    expect(offline.map((o) => o.channel).sort()).toEqual(['bot', 'in_person', 'online_meeting', 'phone']);
    const faq = await services.prisma.faqArticle.findMany();
    expect(faq.some((a) => a.published && KAZAKH.test(a.bodyKk) && a.bodyRu.length > 0)).toBe(true);
    expect(faq.some((a) => !a.published)).toBe(true);
  });

  it('has a discussion open for at least 10 working days, one awaiting review and one reviewed with reasons', async () => {
    const cal = await services.calendar.calendar();
    const topics = await services.prisma.discussionTopic.findMany({ include: { comments: true } });
    const byStatus = (s: string) => topics.filter((t) => t.status === s);
    const open = byStatus('open')[0]!;
    expect(open.endsAt!.getTime()).toBeGreaterThan(NOW.getTime());
    expect(open.endsAt!.getTime()).toBeGreaterThanOrEqual(earliestEnd(cal, open.publishedAt!).getTime());
    expect(open.comments.some((c) => c.hidden && c.moderatedAt === null)).toBe(true);
    expect(open.comments.some((c) => c.stance === 'support') && open.comments.some((c) => c.stance === 'object')).toBe(true);

    const awaiting = byStatus('closed')[0]!;
    expect(awaiting.endsAt!.getTime()).toBeLessThan(NOW.getTime());
    expect(awaiting.comments.every((c) => c.createdAt < awaiting.endsAt!)).toBe(true);
    expect(awaiting.comments.some((c) => c.decision === null)).toBe(true);
    expect(awaiting.comments.some((c) => c.decision !== null)).toBe(true);

    const reviewed = byStatus('reviewed')[0]!;
    expect(reviewed.comments.every((c) => c.decision !== null && (c.decision === 'accepted' || c.decisionReason))).toBe(true);
    expect(new Set(reviewed.comments.map((c) => c.decision))).toEqual(new Set(['accepted', 'partly_accepted', 'rejected']));
    expect(byStatus('draft')).toHaveLength(1);
  });

  it('has volunteers with attendance and reviews that make a ranking, and every application state an organiser meets', async () => {
    const apps = await services.prisma.volunteerApplication.findMany({ include: { opportunity: true } });
    expect(new Set(apps.map((a) => a.state))).toEqual(new Set(['attended', 'no_show', 'approved', 'applied', 'waitlisted', 'declined', 'cancelled']));
    const attended = apps.filter((a) => a.state === 'attended');
    expect(attended.every((a) => a.minutes! > 0 && a.attendanceAt! >= a.opportunity.startsAt)).toBe(true);
    const opportunities = await services.prisma.volunteerOpportunity.findMany();
    expect(new Set(opportunities.map((o) => o.status))).toEqual(new Set(['draft', 'published', 'cancelled']));
    const past = attended[0]!.opportunity;
    const admin = { id: 1, login: 'admin', fullName: 'A', roles: ['admin' as const], regionId: null, districtId: null, departmentId: null, locale: 'ru' };
    const rankings = await services.volunteering.rankings(
      admin,
      { level: 'region', regionId: past.regionId },
      parsePeriod(localDate(past.startsAt).slice(0, 4)),
    );
    expect(rankings.mostActive.length).toBeGreaterThan(0);
    expect(rankings.totals.hours).toBeGreaterThan(0);
  });

  it('has a social project with beneficiaries and a poll run in two waves with answers', async () => {
    const waves = await services.prisma.pollWave.findMany({ include: { _count: { select: { responses: true } } }, orderBy: { position: 'asc' } });
    expect(waves.length).toBeGreaterThanOrEqual(2);
    expect(waves.every((w) => w._count.responses > 0)).toBe(true);
    expect(await services.prisma.projectBeneficiary.count()).toBeGreaterThan(10);
    const answers = await services.prisma.pollAnswer.count();
    expect(answers).toBeGreaterThan(waves.reduce((n, w) => n + w._count.responses, 0));
    // Dynamics are worth looking at only if the second wave differs from the baseline.
    const satisfied = await Promise.all(
      waves.map((w) =>
        services.prisma.pollAnswer.count({ where: { response: { waveId: w.id }, question: { type: 'satisfaction' }, choice: { in: ['fully', 'rather'] } } }),
      ),
    );
    expect(satisfied[1]! / waves[1]!._count.responses).toBeGreaterThan(satisfied[0]! / waves[0]!._count.responses);
  });

  it("fills the project's impact: a framework with targets, a manual value with evidence, three stories (one chosen and published without a name), an SROI", async () => {
    const manager = toPrincipal(await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'manager' } }));
    const project = await services.prisma.socialProject.findFirstOrThrow({ where: { resultNodes: { some: {} } } });
    const tree = await services.impact.values.tree(manager, project.id);
    expect(tree.nodes.map((n) => n.level)).toEqual(['goal', 'outcome', 'outcome', 'output', 'output']);
    const indicators = tree.nodes.flatMap((n) => n.indicators);
    expect(indicators.every((i) => i.target > i.baseline)).toBe(true);
    expect(indicators.flatMap((i) => i.periods).some((p) => p.manual && p.manual.evidenceText.length > 5 && p.actual === 35)).toBe(true);
    const stories = await services.impact.storyReview.list(manager, project.id, { status: 'submitted' });
    expect(stories).toHaveLength(3);
    const chosen = stories.filter((x) => x.selections.length > 0);
    expect(chosen.map((x) => [x.consent, x.publishedAt !== null, x.selections[0]!.reason.length > 20])).toEqual([['anonymous', true, true]]);
    const { result } = await services.impact.sroi.result(manager, project.id);
    // I = 24 500 000 (contract) + 1 200 000 (premises) = 25 700 000 ₸;
    // children: 18 · 960 000 · 0.8 · 0.9 = 12 441 600 / 1.05 = 11 849 142.86;
    // mothers: 6 · 1 020 000 · 0.7 · 0.75 = 3 213 000, then half: 3 060 000 + 1 606 500 / 1.05² = 4 517 142.86;
    // PV = 16 366 285.71 → SROI 0.64, always beside its assumptions
    expect(result!.totalInputs).toBe(25_700_000);
    expect(result!.ratio).toBeCloseTo(0.64, 2);
    expect(result!.outcomes.map((o) => [o.assumptions.rationale.length > 20, o.assumptions.proxySource.length > 5])).toEqual([
      [true, true],
      [true, true],
    ]);
  });

  it('has a finished project before its expert council, scored by the demo expert after declaring no conflict', async () => {
    const finished = await services.prisma.socialProject.findFirstOrThrow({ where: { status: 'finished' }, include: { scores: true, declarations: true } });
    expect(finished.councilId).not.toBeNull();
    expect(finished.resultsKk && finished.resultsRu).toBeTruthy();
    const expert = await services.prisma.staffUser.findUniqueOrThrow({ where: { login: 'expert' } });
    expect(finished.declarations).toEqual([expect.objectContaining({ staffUserId: expert.id, conflicts: [] })]);
    expect(finished.scores.map((x) => x.criterion).sort()).toEqual([1, 2, 3]);
  });

  it('lets every demo account sign in with the demo password, one per role', async () => {
    expect(summary.password).toBe(DEMO_PASSWORD);
    const roles = new Set<string>();
    for (const a of summary.staff) {
      const result = await services.staff.login(a.login, DEMO_PASSWORD);
      for (const r of result.user.roles) roles.add(r);
    }
    expect([...roles].sort()).toEqual(['admin', 'consultant', 'expert', 'moderator', 'operator', 'project_manager']);
    // The console has no reports board for a moderator: the account is described by what it really moderates.
    const moderator = summary.staff.find((a) => a.login === 'moderator')!;
    expect(moderator.purpose).toMatch(/comments of topic discussions and of public reports/);
    expect(moderator.purpose).not.toMatch(/of comments and reports/);
  });

  it('refuses to fill the same database twice', async () => {
    await expect(fillDemo(services, CAPABILITIES, { storageDir, now: NOW })).rejects.toThrow(/already holds the demo/);
  });
});
