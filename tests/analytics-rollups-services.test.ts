// The rollups follow the app's own writes (issue 23): reports filed, supported, accepted, resolved,
// rejected, merged, hidden, rated by their author, closed by their author, and a citizen's /deletedata,
// each through its service on a pinned clock that moves across a month's and a year's end. After each
// step every rollup equals its recomputation from the tables, and the indicators from the rollups equal
// the same indicators over the tables.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/audit/audit-log.ts';
import { createAnalyticsService, type AnalyticsService } from '../core/analytics/analytics-service.ts';
import { dayRange, parsePeriodKey } from '../core/calendar/periods.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import { createAppServices } from '../app/compose.ts';
import type { ServicesWithDb } from '../core/services.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { toPrincipal } from '../core/staff/staff-service.ts';
import { at } from './helpers/analytics-fixtures.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { rng, rollupDifferences } from './helpers/rollup-fixtures.ts';
import { testLogger } from './helpers/silent-logger.ts';

const PERIODS = [parsePeriodKey('2026'), parsePeriodKey('2027'), parsePeriodKey('2026-12'), dayRange('2026-12-20', '2027-01-12')];

describe.each(dbTargets)('analytics rollups through the services (%s)', (target) => {
  const suite = useTestDb(target);
  let clock = at('2026-12-28T09:00:00');
  let services: ServicesWithDb;
  let fromRollups: AnalyticsService;
  let fromTables: AnalyticsService;
  let admin: StaffPrincipal;
  let staffActor: Actor;
  const citizens: number[] = [];
  const filed: number[] = [];
  const random = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const later = (hours: number) => (clock = new Date(clock.getTime() + hours * 3_600_000));

  beforeAll(async () => {
    const now = () => clock;
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 1, now, i18n: createI18n() });
    const deps = { prisma: services.prisma, calendar: services.calendar, i18n: createI18n(), now, concurrent: target === 'postgres' };
    fromRollups = createAnalyticsService({ ...deps, rollups: true });
    fromTables = createAnalyticsService({ ...deps, rollups: false });
    const user = await services.staff.create(
      { type: 'system' },
      { login: 'rollup-admin', fullName: 'Әкімші', password: 'Rollup-admin-7q!xZ2', roles: ['admin'], regionId: null },
    );
    admin = toPrincipal(user);
    staffActor = { type: 'staff', id: user.id };
    for (let i = 0; i < 6; i++) citizens.push((await services.citizens.giveConsent(990_000_100 + i, i % 2 ? 'kk' : 'ru', null)).id);
  }, 120_000);

  const expectExact = async (step: string) => {
    for (const [table, differ] of await rollupDifferences(services.prisma)) expect(differ, `${step}: ${table}`).toEqual([]);
    for (const period of PERIODS) {
      const req = { period };
      expect(await fromRollups.civicControl(admin, req), `${step}: civic control`).toEqual(await fromTables.civicControl(admin, req));
      expect(await fromRollups.engagement(admin, req), `${step}: engagement`).toEqual(await fromTables.engagement(admin, req));
      expect(await fromRollups.districts(admin, req), `${step}: map`).toEqual(await fromTables.districts(admin, req));
    }
  };

  it('filing across a year’s end, supporting, accepting, resolving and rejecting keep every rollup exact', async () => {
    const categories = await services.prisma.category.findMany({ where: { active: true }, orderBy: { id: 'asc' }, take: 4 });
    const regions = await services.prisma.region.findMany({ orderBy: { id: 'asc' }, take: 3 });
    for (let i = 0; i < 16; i++) {
      later(9 + Math.floor(random() * 20));
      const citizenId = citizens[i % citizens.length]!;
      const r = await services.reports.create(
        { type: 'citizen', id: citizenId },
        {
          source: 'bot',
          citizenId,
          categoryId: pick(categories).id,
          regionId: pick(regions).id,
          lat: 51 + random(),
          lon: 71 + random(),
          description: `Жол бойындағы шұңқыр, көлік айналып өтеді (${i})`,
          evidence: [{ kind: 'photo', telegramFileId: `AgAC-rollup-${i}`, fileUniqueId: `rollup-${i}` }],
        },
      );
      filed.push(r.id);
    }
    await expectExact('filed');
    for (const [i, id] of filed.entries()) await services.reports.support(citizens[(i + 1) % citizens.length]!, id);
    await expectExact('supported');
    for (const id of filed.slice(0, 12)) {
      later(3);
      await services.reports.changeStatus(staffActor, id, { to: 'in_work' }, admin);
    }
    for (const id of filed.slice(0, 6)) {
      later(30);
      await services.reports.changeStatus(staffActor, id, { to: 'resolved', publicNote: 'Шұңқыр жөнделді' }, admin);
    }
    later(2);
    await services.reports.changeStatus(staffActor, filed[6]!, { to: 'rejected', publicNote: 'Бұл жер жеке меншік' }, admin);
    await expectExact('accepted, resolved, rejected');
  });

  it('rating, closing by the author, merging, hiding and /deletedata keep every rollup exact', async () => {
    const authorOf = async (id: number) => (await services.prisma.report.findUniqueOrThrow({ where: { id } })).citizenId!;
    for (const [i, id] of filed.slice(0, 4).entries()) await services.reports.confirm(await authorOf(id), id, { fixed: i !== 3, rating: 2 + i });
    later(5);
    await services.reports.closeByAuthor(await authorOf(filed[13]!), filed[13]!);
    await expectExact('rated, closed by the author');
    later(1);
    await services.reportAdmin.merge(staffActor, admin, filed[7]!, [filed[8]!, filed[14]!]);
    await services.reportAdmin.hide(staffActor, admin, filed[9]!, 'Мәтінде жеке деректер бар');
    await expectExact('merged, hidden');
    later(1);
    await services.citizens.erase(citizens[1]!);
    await expectExact('erased');
    const [{ n }] = await services.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "RollupReportMonth" WHERE "statusDuplicate" > 0`,
    );
    expect(n).toBeGreaterThan(0);
  });
});
