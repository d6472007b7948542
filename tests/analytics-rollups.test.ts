// The year-level indicators read rollups the database keeps up to date (issue 23). They must stay exact:
// on a random world (tests/helpers/rollup-fixtures.ts, seeded) after every kind of change, each rollup
// equals the same figures recomputed from the source tables, and every indicator answered from the
// rollups equals the same indicator computed over the source tables (rollups: false), for named periods
// and custom ranges that start and end inside months, for the country, a region and the narrower filters.
import { describe, expect, it } from 'vitest';
import { createAnalyticsService, type AnalyticsRequest } from '../core/analytics/analytics-service.ts';
import { DURATION_THRESHOLDS } from '../core/analytics/duration-buckets.ts';
import { durationFromReports, durations } from '../core/analytics/duration-percentiles.ts';
import { dayRange, parsePeriodKey } from '../core/calendar/periods.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createAppServices } from '../app/compose.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { NOW } from './helpers/analytics-fixtures.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { buildRandomWorld, ROLLUP_TABLES, rollupDifferences } from './helpers/rollup-fixtures.ts';
import { testLogger } from './helpers/silent-logger.ts';
import { useFixture } from './helpers/fixture.ts';

const ADMIN: StaffPrincipal = { id: 1, login: 'x', fullName: 'X', roles: ['admin'], regionId: null, districtId: null, departmentId: null, locale: 'ru' };

const PERIODS = [
  parsePeriodKey('2026'),
  parsePeriodKey('2025'),
  parsePeriodKey('2026-H2'),
  parsePeriodKey('2026-Q1'),
  parsePeriodKey('2026-12'),
  parsePeriodKey('2027-01'),
  // ranges: inside one month, across a year's end, across whole years with a month and days around them
  dayRange('2026-05-03', '2026-05-20'),
  dayRange('2026-11-10', '2026-12-15'),
  dayRange('2025-12-20', '2026-01-05'),
  dayRange('2026-03-15', '2026-09-10'),
  dayRange('2025-11-15', '2027-01-09'),
  dayRange('2025-12-01', '2027-01-01'),
];

describe.each(dbTargets)('analytics rollups (%s)', (target) => {
  const suite = useTestDb(target);

  const given = useFixture(async () => {
    const services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 1, now: () => NOW, i18n: createI18n() });
    const deps = { prisma: services.prisma, calendar: services.calendar, i18n: createI18n(), now: () => NOW, concurrent: target === 'postgres' };
    const fromRollups = createAnalyticsService({ ...deps, rollups: true });
    const fromTables = createAnalyticsService({ ...deps, rollups: false });
    return { services, fromRollups, fromTables, w: await buildRandomWorld(services.prisma) };
  }, 240_000);

  const filters = (): Array<Omit<AnalyticsRequest, 'period'>> => [
    {},
    { regionId: given.w.regionA },
    { regionId: given.w.regionC },
    { districtId: given.w.districtA2 },
    { categoryId: given.w.categories.roads },
    { areaId: 14 },
    { departmentId: given.w.departments.roads },
    { regionId: given.w.regionA, categoryId: given.w.categories.waste },
  ];
  const cases = () => PERIODS.flatMap((period) => filters().map((f) => ({ period, ...f })));

  const expectRollupsExact = async () => {
    for (const [table, differ] of await rollupDifferences(given.services.prisma)) expect(differ, table).toEqual([]);
  };

  it('after every kind of change, each rollup holds what the source tables give when recomputed', async () => {
    await expectRollupsExact();
    for (const [table] of ROLLUP_TABLES) {
      const [{ n }] = await given.services.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "${table}"`);
      expect(n, `${table} has rows`).toBeGreaterThan(0);
    }
  });

  it('civic control from the rollups equals civic control over the reports, for every period and filter', async () => {
    for (const req of cases()) {
      expect(await given.fromRollups.civicControl(ADMIN, req), JSON.stringify(req)).toEqual(await given.fromTables.civicControl(ADMIN, req));
    }
    // a monthly trend asked for a short period, a weekly one for a long range
    for (const period of [parsePeriodKey('2026-Q1'), dayRange('2026-05-03', '2026-05-20')]) {
      expect(await given.fromRollups.civicControl(ADMIN, { period }, 'month')).toEqual(await given.fromTables.civicControl(ADMIN, { period }, 'month'));
    }
    expect(await given.fromRollups.civicControl(ADMIN, { period: parsePeriodKey('2026') }, 'week')).toEqual(
      await given.fromTables.civicControl(ADMIN, { period: parsePeriodKey('2026') }, 'week'),
    );
  });

  it('the medians and 90th percentiles from the duration buckets are the very doubles percentile_cont gives', async () => {
    const cal = await given.services.calendar.calendar();
    // the year's working days are all stored, so the buckets answer (November 2025's are not: the calendar does)
    const [{ unstored }] = await given.services.prisma.$queryRawUnsafe<Array<{ unstored: number }>>(
      `SELECT count(*)::int AS unstored FROM "RollupReportDuration" WHERE bucket = -1 AND n > 0 AND month >= '2026-01-01'`,
    );
    expect(unstored).toBe(0);
    for (const period of PERIODS) {
      for (const regionId of [undefined, given.w.regionA, given.w.regionB]) {
        const q = { period, regionId };
        const [accept, resolve] = await durations(given.services.prisma, cal, q, NOW, { rollups: true, concurrent: false });
        expect(accept, JSON.stringify(q)).toEqual(await durationFromReports(given.services.prisma, cal, q, NOW, 'accept'));
        expect(resolve, JSON.stringify(q)).toEqual(await durationFromReports(given.services.prisma, cal, q, NOW, 'resolve'));
      }
    }
  });

  it('the map per district and the problem rankings from the rollups equal those over the reports', async () => {
    for (const req of cases()) {
      expect(await given.fromRollups.districts(ADMIN, req), JSON.stringify(req)).toEqual(await given.fromTables.districts(ADMIN, req));
      expect(await given.fromRollups.rankings(ADMIN, req), JSON.stringify(req)).toEqual(await given.fromTables.rankings(ADMIN, req));
    }
  });

  it('engagement from the citizens’ monthly and yearly activity equals engagement over every activity', async () => {
    for (const period of PERIODS) {
      for (const f of [
        {},
        { regionId: given.w.regionA },
        { districtId: given.w.districtA },
        { regionId: given.w.regionC, categoryId: given.w.categories.roads },
      ]) {
        const req = { period, ...f };
        expect(await given.fromRollups.engagement(ADMIN, req), JSON.stringify(req)).toEqual(await given.fromTables.engagement(ADMIN, req));
      }
    }
  });

  it('poll indicators from the per-wave counts equal those over every response and answer', async () => {
    for (const period of PERIODS) {
      for (const f of [{}, { regionId: given.w.regionA }, { regionId: given.w.regionB }]) {
        const req = { period, ...f };
        expect(await given.fromRollups.polls(ADMIN, req), JSON.stringify(req)).toEqual(await given.fromTables.polls(ADMIN, req));
      }
    }
  });

  it('the duration buckets of the database are the bounds the percentile arithmetic reads', async () => {
    const [{ t }] = await given.services.prisma.$queryRawUnsafe<Array<{ t: number[] }>>('SELECT analytics_duration_thresholds() AS t');
    expect(t.map(Number)).toEqual(DURATION_THRESHOLDS);
    const [{ b }] = await given.services.prisma.$queryRawUnsafe<Array<{ b: number[] }>>(
      `SELECT ARRAY[analytics_duration_bucket(-0.5), analytics_duration_bucket(0), analytics_duration_bucket(0.015625), analytics_duration_bucket(24), analytics_duration_bucket(8192), analytics_duration_bucket(1e9)] AS b`,
    );
    const t24 = DURATION_THRESHOLDS.indexOf(24) + 1;
    expect(b.map(Number)).toEqual([0, 1, 2, t24, DURATION_THRESHOLDS.length, DURATION_THRESHOLDS.length]);
  });

  // last: it empties tables of the world
  it('a table emptied with TRUNCATE (no row triggers fire) leaves rollups that count nothing of it', async () => {
    await given.services.prisma.$executeRawUnsafe('TRUNCATE "PollAnswer", "Question" CASCADE');
    await given.services.prisma.$executeRawUnsafe('TRUNCATE "ProjectBeneficiary" CASCADE');
    await expectRollupsExact();
    const [{ answers }] = await given.services.prisma.$queryRawUnsafe<Array<{ answers: number }>>('SELECT count(*)::int AS answers FROM "RollupPollAnswer"');
    expect(answers).toBe(0);
    expect(await given.fromRollups.polls(ADMIN, { period: parsePeriodKey('2026') })).toEqual(
      await given.fromTables.polls(ADMIN, { period: parsePeriodKey('2026') }),
    );
  });
});
