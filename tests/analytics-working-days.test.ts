// The working days to accept and to resolve a report are stored when its status changes (so the
// indicators need no calendar per row on large data): they must be what the working calendar gives
// (the 16 December holiday skipped), survive a reopening only for the acceptance, and give the
// indicators exactly the figures the calendar gives report by report. The migration's backfill of
// existing reports computes the same values in SQL.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/audit/audit-log.ts';
import { parsePeriodKey } from '../core/calendar/periods.ts';
import { migrationsDir } from '../core/db/migrate.ts';
import { createI18n } from '../core/i18n/i18n.ts';
import type { ServicesWithDb } from '../core/services.ts';
import { createAppServices } from '../app/compose.ts';
import type { StaffPrincipal } from '../core/staff/scope.ts';
import { at } from './helpers/analytics-fixtures.ts';
import { dbTargets, useTestDb } from './helpers/db.ts';
import { testLogger } from './helpers/silent-logger.ts';

const ADMIN: StaffPrincipal = { id: 1, login: 'x', fullName: 'X', roles: ['admin'], regionId: null, districtId: null, departmentId: null, locale: 'ru' };
const operator: Actor = { type: 'staff', id: 1 };
const DECEMBER = parsePeriodKey('2026-12');

/** The backfill statement of the migration that added the columns. */
function backfillSql(): string {
  const dir = readdirSync(migrationsDir).find((d) => d.endsWith('_analytics_working_days'));
  if (!dir) throw new Error('the analytics_working_days migration is missing');
  const sql = readFileSync(path.join(migrationsDir, dir, 'migration.sql'), 'utf8');
  const from = sql.indexOf('WITH span AS');
  return sql.slice(from, sql.indexOf(';', from));
}

describe.each(dbTargets)('stored working days of reports (%s)', (target) => {
  const suite = useTestDb(target);
  let services: ServicesWithDb;
  let clock = at('2026-12-15T09:00:00');
  let regionId: number;
  const ids: number[] = [];
  let nextTelegram = 7000;

  beforeAll(async () => {
    services = createAppServices({ db: suite.db, logger: testLogger, sessionTtlHours: 1, now: () => clock, i18n: createI18n() });
    regionId = (await services.prisma.region.findUniqueOrThrow({ where: { code: 'astana' } })).id;
  });

  async function file(when: string): Promise<{ id: number; citizenId: number }> {
    clock = at(when);
    const prisma = services.prisma;
    const tg = nextTelegram++;
    const citizen = await prisma.citizen.create({ data: { telegramId: BigInt(tg), locale: 'ru', consentAt: clock } });
    const category = await prisma.category.findUniqueOrThrow({ where: { code: 'roads-sidewalks' } });
    const report = await services.reports.create(
      { type: 'citizen', id: citizen.id },
      {
        source: 'bot',
        citizenId: citizen.id,
        categoryId: category.id,
        regionId,
        lat: 51.13,
        lon: 71.43,
        description: 'Яма на дороге у остановки, машины объезжают',
        evidence: [{ kind: 'photo', telegramFileId: `AgAC-${tg}`, fileUniqueId: `u-${tg}` }],
      },
    );
    ids.push(report.id);
    return { id: report.id, citizenId: citizen.id };
  }

  const stored = (id: number) => services.prisma.report.findUniqueOrThrow({ where: { id }, select: { acceptWorkingDays: true, resolveWorkingDays: true } });

  it('accepting on the holiday and resolving on Friday evening store 0.625 and 2.5 working days', async () => {
    const r = await file('2026-12-15T09:00:00');
    clock = at('2026-12-16T09:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'in_work' });
    expect(await stored(r.id)).toEqual({ acceptWorkingDays: 0.625, resolveWorkingDays: null });
    clock = at('2026-12-18T21:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'resolved', publicNote: 'Яма заделана' });
    expect(await stored(r.id)).toEqual({ acceptWorkingDays: 0.625, resolveWorkingDays: 2.5 });
  });

  it('reopening clears the time to resolve; accepting again keeps the first acceptance; resolving again counts from filing', async () => {
    const r = await file('2026-12-17T12:00:00');
    clock = at('2026-12-17T18:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'in_work' });
    clock = at('2026-12-18T12:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'resolved', publicNote: 'Сделано' });
    expect(await stored(r.id)).toEqual({ acceptWorkingDays: 0.25, resolveWorkingDays: 1 });
    clock = at('2026-12-19T10:00:00');
    await services.reports.changeStatus({ type: 'citizen', id: r.citizenId }, r.id, { to: 'reopened' });
    expect(await stored(r.id)).toEqual({ acceptWorkingDays: 0.25, resolveWorkingDays: null });
    clock = at('2026-12-21T09:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'in_work' });
    clock = at('2026-12-22T12:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'resolved', publicNote: 'Сделано ещё раз' });
    // Thu 12:00–24:00 (0.5) + Fri (1) + weekend (0) + Mon (1) + Tue to 12:00 (0.5)
    expect(await stored(r.id)).toEqual({ acceptWorkingDays: 0.25, resolveWorkingDays: 3 });
  });

  it('the indicators from the stored values equal those counted from the calendar', async () => {
    const r = await file('2026-12-22T15:00:00');
    clock = at('2026-12-23T09:00:00');
    await services.reports.changeStatus(operator, r.id, { to: 'in_work' });
    const fromStored = await services.analytics.civicControl(ADMIN, { period: DECEMBER, regionId });
    expect(fromStored.timeToAccept).toMatchObject({ count: 3, medianWorkingDays: 0.63 });
    expect(fromStored.timeToResolve).toMatchObject({ count: 2, medianWorkingDays: 2.75, p90WorkingDays: 2.95 });
    await services.prisma.$executeRawUnsafe('UPDATE "Report" SET "acceptWorkingDays" = NULL, "resolveWorkingDays" = NULL');
    const fromCalendar = await services.analytics.civicControl(ADMIN, { period: DECEMBER, regionId });
    expect(fromCalendar).toEqual(fromStored);
  });

  it('the migration backfills existing reports with the same values', async () => {
    await services.prisma.$executeRawUnsafe('UPDATE "Report" SET "acceptWorkingDays" = NULL, "resolveWorkingDays" = NULL');
    await services.prisma.$executeRawUnsafe(backfillSql());
    const rows = await services.prisma.report.findMany({
      where: { id: { in: ids } },
      orderBy: { id: 'asc' },
      select: { acceptWorkingDays: true, resolveWorkingDays: true },
    });
    const rounded = rows.map((x) => ({
      accept: x.acceptWorkingDays == null ? null : Math.round(x.acceptWorkingDays * 1e9) / 1e9,
      resolve: x.resolveWorkingDays == null ? null : Math.round(x.resolveWorkingDays * 1e9) / 1e9,
    }));
    expect(rounded).toEqual([
      { accept: 0.625, resolve: 2.5 },
      { accept: 0.25, resolve: 3 },
      // filed Tue 15:00, accepted Wed 09:00: 9 hours of Tuesday and 9 of Wednesday
      { accept: 0.75, resolve: null },
    ]);
  });
});
