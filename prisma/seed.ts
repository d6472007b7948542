// Reference data of DOMAIN.md, seeded idempotently at every start: upserts by stable code, so
// re-running changes nothing and an admin's own rows (calendar entries, extra categories) survive.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Tx } from '../core/db/tx.ts';
import { defaultCalendar } from '../core/calendar/defaults.ts';
import { areas } from './seed/areas.ts';
import { categories } from './seed/categories.ts';
import { consultationTopics } from './seed/consultation-topics.ts';
import { departments } from './seed/departments.ts';
import { fixedHolidays, movableHolidays, transfers } from './seed/holidays.ts';
import { regions } from './seed/regions.ts';
import { mciRates } from './seed/mci.ts';
import { financialProxies } from './seed/proxies.ts';
import { STANDARD_ITEMS_SOURCE, standardItems } from './seed/standard-items.ts';

export interface SeedSummary {
  regions: number;
  districts: number;
  areas: number;
  departments: number;
  categories: number;
  consultationTopics: number;
  calendarDays: number;
  mciRates: number;
  standardItems: number;
}

export async function seedReferenceData(prisma: PrismaClient, years: number[]): Promise<SeedSummary> {
  // One transaction: a half-seeded database would route reports to missing departments.
  return prisma.$transaction(
    async (tx) => {
      let districtCount = 0;
      for (const [i, r] of regions.entries()) {
        const region = await tx.region.upsert({
          where: { code: r.code },
          create: { code: r.code, kind: r.kind, nameKk: r.nameKk, nameRu: r.nameRu, lat: r.center.lat, lon: r.center.lon, sort: i },
          update: { kind: r.kind, nameKk: r.nameKk, nameRu: r.nameRu, lat: r.center.lat, lon: r.center.lon, sort: i },
        });
        for (const [j, d] of r.districts.entries()) {
          await tx.district.upsert({
            where: { code: d.code },
            create: { code: d.code, regionId: region.id, nameKk: d.nameKk, nameRu: d.nameRu, sort: j },
            update: { regionId: region.id, nameKk: d.nameKk, nameRu: d.nameRu, sort: j },
          });
          districtCount += 1;
        }
      }
      for (const a of areas) {
        await tx.area.upsert({
          where: { id: a.code },
          create: { id: a.code, slug: a.slug, nameKk: a.nameKk, nameRu: a.nameRu },
          update: { slug: a.slug, nameKk: a.nameKk, nameRu: a.nameRu },
        });
      }
      const departmentIds = new Map<string, number>();
      for (const d of departments) {
        const row = await tx.department.upsert({
          where: { code: d.code },
          create: { code: d.code, nameKk: d.nameKk, nameRu: d.nameRu },
          update: { nameKk: d.nameKk, nameRu: d.nameRu },
        });
        departmentIds.set(d.code, row.id);
      }
      for (const [i, c] of categories.entries()) {
        const departmentId = departmentIds.get(c.departmentCode);
        if (departmentId === undefined) throw new Error(`seed: category ${c.code} names unknown department ${c.departmentCode}`);
        const texts = {
          nameKk: c.nameKk,
          nameRu: c.nameRu,
          hintKk: c.hintKk,
          hintRu: c.hintRu,
          emoji: c.emoji,
          group: c.group,
          groupKk: c.groupKk,
          groupRu: c.groupRu,
        };
        // Routing and deadlines are the akimat's to change: set on creation only.
        await tx.category.upsert({
          where: { code: c.code },
          create: { code: c.code, ...texts, departmentId, deadlineDays: c.deadlineDays, areaId: c.areaCode, sort: i },
          update: { ...texts, sort: i },
        });
      }
      for (const [i, c] of consultationTopics.entries()) {
        // The response deadline is the centre's to change: set on creation only.
        await tx.consultationTopic.upsert({
          where: { code: c.code },
          create: { code: c.code, nameKk: c.nameKk, nameRu: c.nameRu, areaId: c.areaCode, sort: i },
          update: { nameKk: c.nameKk, nameRu: c.nameRu, areaId: c.areaCode, sort: i },
        });
      }
      const calendarDays = await seedCalendar(tx, years);
      await seedMonitoring(tx);
      await seedProxies(tx);
      return {
        regions: regions.length,
        districts: districtCount,
        areas: areas.length,
        departments: departments.length,
        categories: categories.length,
        consultationTopics: consultationTopics.length,
        calendarDays,
        mciRates: mciRates.length,
        standardItems: standardItems.length,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Default holidays and moved days off for the given years; rows an admin entered are left alone. */
export async function seedCalendar(tx: Tx, years: number[]): Promise<number> {
  let calendarDays = 0;
  for (const year of years) {
    const admin = await tx.calendarDay.findMany({
      where: { source: 'admin', date: { gte: new Date(`${year}-01-01T00:00:00Z`), lte: new Date(`${year}-12-31T00:00:00Z`) } },
      select: { date: true },
    });
    const adminDates = new Set(admin.map((a) => a.date.toISOString().slice(0, 10)));
    for (const day of defaultCalendar(year, fixedHolidays, movableHolidays, transfers)) {
      if (adminDates.has(day.date)) continue;
      const date = new Date(`${day.date}T00:00:00Z`);
      await tx.calendarDay.upsert({
        where: { date },
        create: { date, kind: day.kind, nameKk: day.nameKk, nameRu: day.nameRu, source: 'default' },
        update: { kind: day.kind, nameKk: day.nameKk, nameRu: day.nameRu },
      });
      calendarDays += 1;
    }
  }
  return calendarDays;
}

/** MCI per year (an admin's row wins) and the seed-002 standard items (added once per kind and text). */
async function seedMonitoring(tx: Tx): Promise<void> {
  for (const m of mciRates) {
    const row = await tx.mciRate.findUnique({ where: { year: m.year } });
    if (row?.origin === 'admin') continue;
    await tx.mciRate.upsert({ where: { year: m.year }, create: { ...m, origin: 'default' }, update: { tenge: m.tenge, source: m.source } });
  }
  for (const [i, item] of standardItems.entries()) {
    const exists = await tx.standardItem.findFirst({ where: { serviceKind: item.serviceKind, textRu: item.textRu }, select: { id: true } });
    if (exists) continue;
    await tx.standardItem.create({ data: { ...item, position: i + 1, source: STANDARD_ITEMS_SOURCE } });
  }
}

/** SROI financial proxies (issue 25): a code an admin edited (origin admin) is left alone. */
async function seedProxies(tx: Tx): Promise<void> {
  for (const p of financialProxies) {
    const row = await tx.financialProxy.findUnique({ where: { code: p.code } });
    if (row?.origin === 'admin') continue;
    await tx.financialProxy.upsert({ where: { code: p.code }, create: { ...p, origin: 'default' }, update: { ...p } });
  }
}

/**
 * The calendar years start-up seeds: this one and the next, so deadlines that run into January count its holidays.
 * The template built at install time has the years of that day; a start in a later year seeds its own.
 */
export const seedYears = (now: Date): number[] => [now.getUTCFullYear(), now.getUTCFullYear() + 1];

/** A fingerprint of the seed data and the years, so an unchanged seed is skipped at start-up. */
export function seedVersion(years: number[]): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        ...{ regions, areas, departments, categories, consultationTopics, fixedHolidays, movableHolidays, transfers },
        ...{ mciRates, standardItems, financialProxies, years },
      }),
    )
    .digest('hex')
    .slice(0, 16);
}

/** Seeds unless this exact seed was applied before; returns null when skipped. */
/** Whether the reference data is this seed's for these years (on a migrated database). */
export async function seedIsCurrent(prisma: PrismaClient, years: number[]): Promise<boolean> {
  const current = await prisma.setting.findUnique({ where: { key: 'seed.version' } });
  return current?.value === seedVersion(years);
}

export async function seedIfChanged(prisma: PrismaClient, years: number[]): Promise<SeedSummary | null> {
  if (await seedIsCurrent(prisma, years)) return null;
  const version = seedVersion(years);
  const summary = await seedReferenceData(prisma, years);
  await prisma.setting.upsert({ where: { key: 'seed.version' }, create: { key: 'seed.version', value: version }, update: { value: version } });
  return summary;
}
