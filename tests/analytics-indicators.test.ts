// Every indicator of issue 8 against the hand-computed fixture (tests/helpers/analytics-fixtures.ts):
// civic control with working-day medians across the 16 December holiday, consultations, discussion,
// polls, volunteering, engagement, the problem rankings and the needs assessment; an empty period
// gives zeros and nulls; the scope narrows or refuses.
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../core/calendar/periods.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { buildAnalyticsWorld, NOW, type AnalyticsWorld } from './helpers/analytics-fixtures.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const staff = (roles: StaffPrincipal['roles'], scope: { regionId?: number; districtId?: number; departmentId?: number } = {}): StaffPrincipal => ({
  id: 1,
  login: 'x',
  fullName: 'X',
  roles,
  regionId: scope.regionId ?? null,
  districtId: scope.districtId ?? null,
  departmentId: scope.departmentId ?? null,
  locale: 'ru',
});
const ADMIN = staff(['admin']);
const DECEMBER = parsePeriodKey('2026-12');

describe.each(dbTargets)('analytics indicators (%s)', (target) => {
  const suite = useTestDb(target);
  let services: ServicesWithDb;
  let w: AnalyticsWorld;
  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 1, now: () => NOW, i18n: createI18n() });
    w = await buildAnalyticsWorld(services.prisma);
  });
  const dec = (extra: Record<string, number> = {}) => ({ period: DECEMBER, regionId: w.regionA, ...extra });

  it('civic control: counts, shares, deadlines, supports, self-resolved and the weekly trend', async () => {
    const r = await services.analytics.civicControl(ADMIN, dec());
    // R9, merged into R8, is received and has its status, but is not in the base of the shares (see the fixture)
    expect(r).toMatchObject({
      received: 7,
      byStatus: { new: 1, in_work: 1, resolved: 3, rejected: 1, duplicate: 1, not_responsible: 0, reopened: 0 },
      resolved: 3,
      resolvedShare: 0.5,
      resolvedWithDeadline: 2,
      resolvedOnTime: 1,
      resolvedOnTimeShare: 0.5,
      overdueNow: 1,
      reopened: 1,
      reopenedShare: 0.1667,
      rated: 2,
      averageRating: 4,
      satisfiedShare: 0.5,
      supports: 8,
      supportsPerReport: 1,
      selfResolved: 1,
      trendUnit: 'week',
    });
    expect(r.trend).toEqual([
      { start: '2026-11-30', received: 0, resolved: 0 },
      { start: '2026-12-07', received: 0, resolved: 0 },
      { start: '2026-12-14', received: 3, resolved: 2 },
      { start: '2026-12-21', received: 4, resolved: 1 },
      { start: '2026-12-28', received: 0, resolved: 0 },
    ]);
  });

  it('civic control: median and 90th percentile in working days skip the 16 December holiday and the weekend', async () => {
    const r = await services.analytics.civicControl(ADMIN, dec());
    // accepted after 1, 0.625 (a day that was the holiday) and 1 (Friday → Monday) working days; 24, 24, 72 hours
    expect(r.timeToAccept).toEqual({ count: 3, medianWorkingDays: 1, p90WorkingDays: 1, medianHours: 24, p90Hours: 62.4 });
    // resolved by the akimat after 2 and 2.5 working days (the holiday again), 72 and 84 hours; the self-resolved one is left out
    expect(r.timeToResolve).toEqual({ count: 2, medianWorkingDays: 2.25, p90WorkingDays: 2.45, medianHours: 78, p90Hours: 82.8 });
  });

  it('civic control: the same figures as the working calendar gives report by report', async () => {
    const cal = await services.calendar.calendar();
    const rows = await services.prisma.report.findMany({
      where: { regionId: w.regionA, createdAt: { gte: DECEMBER.from, lt: DECEMBER.to }, acceptedAt: { not: null } },
    });
    const days = rows.map((x) => cal.elapsedWorkingDays(x.createdAt, x.acceptedAt!)).sort((a, b) => a - b);
    expect(days).toEqual([0.625, 1, 1]);
  });

  it('civic control: monthly trend on request, and a department filter', async () => {
    const r = await services.analytics.civicControl(ADMIN, dec(), 'month');
    expect(r.trend).toEqual([{ start: '2026-12-01', received: 7, resolved: 3 }]);
    const roads = await services.analytics.civicControl(ADMIN, dec({ categoryId: w.categories.roads }));
    // R1, R2 and the duplicate R9: 2 resolved of a base of 2; supports 3 + 1 (R9's 2 left out of the per-report figure)
    expect(roads).toMatchObject({ received: 3, resolved: 2, resolvedShare: 1, supports: 6, supportsPerReport: 2, resolvedOnTime: 1 });
  });

  it('an empty period gives zeros and nulls, not errors', async () => {
    const q = { period: parsePeriodKey('2026-06'), regionId: w.regionA };
    const c = await services.analytics.civicControl(ADMIN, q);
    expect(c).toMatchObject({
      received: 0,
      resolvedShare: null,
      resolvedOnTimeShare: null,
      reopenedShare: null,
      averageRating: null,
      satisfiedShare: null,
      supportsPerReport: null,
      selfResolved: 0,
    });
    expect(c.timeToAccept).toEqual({ count: 0, medianWorkingDays: null, p90WorkingDays: null, medianHours: null, p90Hours: null });
    expect(c.trend.every((p) => p.received === 0)).toBe(true);
    expect(await services.analytics.consultations(ADMIN, q)).toMatchObject({
      count: 0,
      byTopic: [],
      medianResponseMinutes: null,
      averageSatisfaction: null,
      satisfiedShare: null,
    });
    expect(await services.analytics.discussion(ADMIN, q)).toMatchObject({
      topicsPublished: 0,
      comments: 0,
      participants: 0,
      acceptanceRate: null,
      reviewsOnTimeShare: null,
    });
    expect(await services.analytics.polls(ADMIN, q)).toEqual({ projects: [], beneficiaries: 0, respondents: 0, coverage: [], notApplied: [] });
    expect(await services.analytics.volunteering(ADMIN, q)).toMatchObject({ activeVolunteers: 0, hours: 0, peopleHelped: 0, events: 0 });
    expect(await services.analytics.engagement(ADMIN, q)).toMatchObject({ activeCitizens: 0, newCitizens: 0, multiCapabilityShare: null });
    const ranked = await services.analytics.rankings(ADMIN, q);
    expect(ranked.categories).toEqual([]);
    expect(ranked.areas.every((a) => a.total === 0 && a.rank === 1)).toBe(true);
  });

  it('consultations: by topic, target group and channel; median first response; satisfaction', async () => {
    const r = await services.analytics.consultations(ADMIN, dec());
    expect(r).toMatchObject({ count: 3, responded: 2, medianResponseMinutes: 60, rated: 2, averageSatisfaction: 4, satisfiedShare: 0.5 });
    expect(r.byTopic.map((t) => [t.id, t.count])).toEqual([
      [w.topics.T1, 2],
      [w.topics.T2, 1],
    ]);
    expect(r.byTargetGroup.map((t) => [t.key, t.count])).toEqual([
      ['individual', 2],
      ['ngo', 1],
    ]);
    expect(r.byChannel.map((t) => [t.key, t.count])).toEqual([
      ['bot', 2],
      ['phone', 1],
    ]);
    // the log has no district: a district filter is reported as not applied
    expect((await services.analytics.consultations(ADMIN, dec({ districtId: w.districtA }))).notApplied).toEqual(['districtId']);
  });

  it('discussion: topics, comments (not removed ones), participants, acceptance and reviews on time', async () => {
    expect(await services.analytics.discussion(ADMIN, dec())).toMatchObject({
      topicsPublished: 1,
      comments: 4,
      participants: 3,
      decided: 3,
      accepted: 1,
      partlyAccepted: 1,
      rejected: 1,
      acceptanceRate: 0.6667,
      reviewsDue: 2,
      reviewsOnTime: 1,
      reviewsOnTimeShare: 0.5,
    });
  });

  it('polls: satisfaction index per wave with "hard to answer" in the base, its change, and coverage', async () => {
    const r = await services.analytics.polls(ADMIN, dec());
    expect(r.projects).toHaveLength(1);
    expect(
      r.projects[0]!.waves.map((x) => ({
        position: x.position,
        responses: x.responses,
        answers: x.answers,
        positive: x.positive,
        index: x.index,
        change: x.change,
      })),
    ).toEqual([
      { position: 1, responses: 2, answers: 4, positive: 2, index: 0.5, change: null },
      { position: 2, responses: 2, answers: 4, positive: 3, index: 0.75, change: 0.25 },
    ]);
    expect(r.beneficiaries).toBe(3);
    expect(r.respondents).toBe(4);
    const cell = (dimension: string, code: string) => r.coverage.find((c) => c.dimension === dimension && c.code === code);
    expect(cell('gender', 'male')).toMatchObject({ beneficiaries: 1, respondents: 2 });
    expect(cell('gender', 'female')).toMatchObject({ beneficiaries: 2, respondents: 2 });
    expect(cell('ageBracket', 'under-8')).toMatchObject({ beneficiaries: 1, respondents: 0 });
    expect(cell('ageBracket', 'age-23-27')).toMatchObject({ beneficiaries: 1, respondents: 2 });
    expect(cell('ageBracket', 'age-59-plus')).toMatchObject({ beneficiaries: 1, respondents: 2 });
    expect(cell('socialStatus', 'children')).toMatchObject({ beneficiaries: 1, respondents: 0 });
    // every beneficiary in exactly one cell of each breakdown
    for (const d of ['gender', 'ageBracket', 'socialStatus'])
      expect(r.coverage.filter((c) => c.dimension === d).reduce((s, c) => s + c.beneficiaries, 0)).toBe(3);
    // a project of another region is not in region B's figures
    expect((await services.analytics.polls(ADMIN, { period: DECEMBER, regionId: w.regionB })).projects).toEqual([]);
  });

  it('volunteering: counted attendance only (not denied, not absent)', async () => {
    expect(await services.analytics.volunteering(ADMIN, dec())).toMatchObject({ activeVolunteers: 1, hours: 2, peopleHelped: 5, events: 1 });
    expect(await services.analytics.volunteering(ADMIN, dec({ districtId: w.districtA }))).toMatchObject({ activeVolunteers: 1, notApplied: [] });
  });

  it('engagement: active and new citizens and the share using more than one capability', async () => {
    expect(await services.analytics.engagement(ADMIN, dec())).toMatchObject({
      activeCitizens: 3,
      newCitizens: 1,
      multiCapability: 2,
      multiCapabilityShare: 0.6667,
      byCapability: { civic_control: 3, consultations: 0, discussion: 2, volunteering: 2, polls: 2 },
    });
    expect(await services.analytics.engagement(ADMIN, { period: DECEMBER })).toMatchObject({ activeCitizens: 4, multiCapability: 3 });
  });

  it('rankings: categories and the 19 areas with the change against November', async () => {
    const r = await services.analytics.rankings(ADMIN, dec());
    expect(r.previousPeriod).toMatchObject({ key: '2026-11', firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(r.categories.map((c) => [c.rank, c.code, c.reports, c.supports, c.previousReports, c.reportsChange])).toEqual([
      [1, 'roads-sidewalks', 3, 6, 1, { delta: 2, relative: 2 }],
      [2, 'waste-sanitation', 2, 2, 0, { delta: 2, relative: null }],
      [3, 'stray-animals', 2, 0, 0, { delta: 2, relative: null }],
    ]);
    const top = r.areas.slice(0, 6).map((a) => [a.rank, a.areaId, a.reports, a.supports, a.consultations, a.comments, a.total, a.previous.total]);
    expect(top).toEqual([
      [1, 14, 3, 6, 0, 0, 9, 1],
      [2, 3, 2, 2, 0, 0, 4, 0],
      [2, 4, 0, 0, 0, 4, 4, 0],
      [4, 9, 0, 0, 2, 0, 2, 0],
      [4, 18, 2, 0, 0, 0, 2, 0],
      [6, 16, 0, 0, 1, 0, 1, 0],
    ]);
    expect(r.areas).toHaveLength(19);
    expect(r.areas[0]!.totalChange).toEqual({ delta: 8, relative: 8 });
  });

  it('map: report points without personal data and hidden reports; district aggregates', async () => {
    const points = await services.analytics.reportPoints(ADMIN, dec(), { limit: 100 });
    expect(points.features.map((f) => f.properties.id).sort()).toEqual([w.reports.R1, w.reports.R2, w.reports.R3, w.reports.R5, w.reports.R6].sort());
    // positions to 3 decimals (~100 m), as stored ones rounded: R1 is at 51.13112, 71.43134
    const r1 = points.features.find((f) => f.properties.id === w.reports.R1)!;
    expect(r1.geometry!.coordinates).toEqual([71.431, 51.131]);
    for (const f of points.features) for (const c of f.geometry!.coordinates) expect(Math.round(c * 1000) / 1000).toBe(c);
    const limited = await services.analytics.reportPoints(ADMIN, dec(), { limit: 2 });
    expect(limited.features).toHaveLength(2);
    expect(limited.truncated).toBe(true);
    const districts = await services.analytics.districts(ADMIN, dec());
    const dA = districts.features.find((f) => f.properties.districtId === w.districtA)!;
    // R1–R5 and the duplicate R9 (no position): the share is over the 5 others
    expect(dA.properties).toMatchObject({ reports: 6, resolved: 3, resolvedShare: 0.6, supports: 8, overdueNow: 1, located: 4 });
    const none = districts.features.find((f) => f.properties.districtId === null)!;
    expect(none.properties).toMatchObject({ regionId: w.regionA, reports: 1, resolved: 0 });
  });

  it('needs assessment: areas over two years with evidence and a justification to cite', async () => {
    const r = await services.analytics.needsAssessment(ADMIN, { regionId: w.regionA, lastDay: '2026-12-31' });
    expect(r).toMatchObject({ firstDay: '2025-01-01', lastYearFrom: '2026-01-01', lastDay: '2026-12-31' });
    const roads = r.needs[0]!;
    expect(roads).toMatchObject({
      rank: 1,
      areaId: 14,
      lastYear: { reports: 4, supports: 6, consultations: 0, comments: 0, total: 10 },
      yearBefore: { total: 0 },
    });
    expect(roads.topCategories.map((c) => [c.code, c.reports])).toEqual([['roads-sidewalks', 4]]);
    // the most supported public texts; never a hidden, duplicate (R9 has 2 supports) or rejected one
    expect(roads.examples.map((e) => e.text)).toEqual(['Глубокая яма на проспекте Абая у остановки', 'Разбит тротуар возле школы № 12', 'Ноябрьская яма']);
    const texts = r.needs.flatMap((n) => n.examples.map((e) => e.text));
    expect(texts).not.toContain('Скрытый текст с личными данными');
    expect(texts).not.toContain('Та же яма, что в ноябре');
    expect(texts).toContain('Собаки у подъезда — уже увезли');
    expect(texts).not.toContain('Кошка на дереве');
    expect(roads.justificationRu).toContain('Астана');
    expect(roads.justificationRu).toContain('поступило обращений граждан в «Азаматтық бақылау»: 4 ');
    expect(roads.justificationKk).toContain('азаматтардан 4 өтініш түсті');
    expect(r.informationSourceRu).toContain('01.01.2025–31.12.2026');
    expect(r.informationSourceKk).toContain('қажеттіліктерін бағалау');
  });

  it('scope: an operator of region B sees only B; asking for A is refused; experts are refused', async () => {
    const operatorB = staff(['operator'], { regionId: w.regionB });
    expect(await services.analytics.civicControl(operatorB, { period: DECEMBER })).toMatchObject({ received: 1, resolved: 1 });
    await expect(services.analytics.civicControl(operatorB, { period: DECEMBER, regionId: w.regionA })).rejects.toMatchObject({ code: 'auth.out_of_scope' });
    await expect(services.analytics.rankings(staff(['expert']), { period: DECEMBER })).rejects.toMatchObject({ kind: 'forbidden' });
    const roadsDept = staff(['operator'], { regionId: w.regionA, departmentId: w.departments.roads });
    expect((await services.analytics.civicControl(roadsDept, { period: DECEMBER })).received).toBe(
      (await services.analytics.civicControl(ADMIN, dec({ departmentId: w.departments.roads }))).received,
    );
    await expect(services.analytics.needsAssessment(ADMIN, {})).rejects.toMatchObject({ code: 'analytics.region_required' });
  });

  it('single reports only for the roles the reports API shows them to: consultants and project managers get aggregates', async () => {
    for (const roles of [['consultant'], ['project_manager']] as const) {
      const who = staff([...roles], { regionId: w.regionA });
      expect((await services.analytics.civicControl(who, { period: DECEMBER })).received).toBe(7);
      await expect(services.analytics.reportPoints(who, { period: DECEMBER }, { limit: 100 })).rejects.toMatchObject({ code: 'auth.role_required' });
      const needs = await services.analytics.needsAssessment(who, { lastDay: '2026-12-31' });
      expect(needs.needs[0]).toMatchObject({ areaId: 14, lastYear: { total: 10 } });
      expect(needs.needs.every((n) => n.examples.length === 0)).toBe(true);
    }
    for (const roles of [['operator'], ['moderator']] as const) {
      const who = staff([...roles], { regionId: w.regionA });
      expect((await services.analytics.reportPoints(who, { period: DECEMBER }, { limit: 100 })).features).toHaveLength(5);
      expect((await services.analytics.needsAssessment(who, { lastDay: '2026-12-31' })).needs[0]!.examples).toHaveLength(3);
    }
  });
});
