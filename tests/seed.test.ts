import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIfChanged, seedReferenceData } from '../prisma/seed.ts';
import { areas as seedAreas } from '../prisma/seed/areas.ts';
import { createTestDb, dbTargets, type TestDb } from './helpers/db.ts';

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

describe.each(dbTargets)('reference data on %s', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(target, { seed: false });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('seeds the 20 regions of the 2024 division with Kazakh and Russian names, each with districts', async () => {
    const summary = await seedReferenceData(t.db.prisma, [2026, 2027]);
    expect(summary.regions).toBe(20);
    const regions = await t.db.prisma.region.findMany({ include: { districts: true } });
    expect(regions).toHaveLength(20);
    expect(
      regions
        .filter((r) => r.kind === 'city')
        .map((r) => r.nameRu.replace('город ', ''))
        .sort(),
    ).toEqual(['Алматы', 'Астана', 'Шымкент']);
    // The three oblasts created in 2022 (DOMAIN.md: 17 oblasts + 3 cities).
    expect(regions.map((r) => r.nameKk)).toEqual(expect.arrayContaining(['Абай облысы', 'Ұлытау облысы', 'Жетісу облысы']));
    expect(regions.map((r) => r.nameRu)).toEqual(expect.arrayContaining(['Абайская область', 'Улытауская область', 'Жетысуская область']));
    for (const r of regions) {
      expect(r.districts.length, r.nameRu).toBeGreaterThan(0);
      expect(r.nameKk).not.toBe('');
      expect(r.nameRu).not.toBe('');
    }
    expect(regions.some((r) => KAZAKH_LETTERS.test(r.nameKk))).toBe(true);
  });

  it('seeds the 19 areas of the state social order, numbered as in Annex 3', async () => {
    const areas = await t.db.prisma.area.findMany({ orderBy: { id: 'asc' } });
    expect(areas.map((a) => a.id)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(areas[13]!.nameRu.toLowerCase()).toContain('мониторинг');
    expect(areas[15]!.nameRu.toLowerCase()).toContain('волонт');
    // The names every screen shows are those of prisma/seed/areas.ts (quoted from Annex 3), unchanged.
    expect(areas.map((a) => [a.nameKk, a.nameRu])).toEqual(seedAreas.map((a) => [a.nameKk, a.nameRu]));
  });

  it('routes every civic-control category to a department with a deadline in working days', async () => {
    const categories = await t.db.prisma.category.findMany({ include: { department: true } });
    expect(categories.length).toBeGreaterThanOrEqual(12);
    for (const c of categories) {
      expect(c.deadlineDays).toBeGreaterThan(0);
      expect(c.department.nameKk).not.toBe('');
      expect(c.hintKk).not.toBe('');
      expect(c.hintRu).not.toBe('');
    }
    const codes = categories.map((c) => c.code);
    for (const needed of ['roads', 'lighting', 'waste', 'transport', 'ecology', 'animals', 'safety', 'other']) {
      expect(
        codes.some((c) => c.includes(needed)),
        `a category for ${needed}`,
      ).toBe(true);
    }
  });

  it('seeds the default holidays and the weekend rule for the current and next year', async () => {
    const day = (d: string) => t.db.prisma.calendarDay.findUnique({ where: { date: new Date(`${d}T00:00:00Z`) } });
    expect((await day('2026-03-22'))?.kind).toBe('holiday');
    expect((await day('2026-03-09'))?.kind).toBe('day_off'); // 8 March 2026 is a Sunday
    expect((await day('2027-01-01'))?.kind).toBe('holiday');
  });

  it('is idempotent: a second run changes no counts and duplicates nothing', async () => {
    const count = async () => ({
      regions: await t.db.prisma.region.count(),
      districts: await t.db.prisma.district.count(),
      areas: await t.db.prisma.area.count(),
      departments: await t.db.prisma.department.count(),
      categories: await t.db.prisma.category.count(),
      consultationTopics: await t.db.prisma.consultationTopic.count(),
      days: await t.db.prisma.calendarDay.count(),
    });
    const before = await count();
    await seedReferenceData(t.db.prisma, [2026, 2027]);
    expect(await count()).toEqual(before);
  });

  it('seeds the consultation topics of the resource centre, each with a 2-working-day first answer', async () => {
    const topics = await t.db.prisma.consultationTopic.findMany({ orderBy: { sort: 'asc' } });
    expect(topics.map((x) => x.code)).toEqual(
      expect.arrayContaining(['legal-organisational', 'ngo-registration-governance', 'ngo-accounting-taxes-reporting']),
    );
    expect(topics.length).toBeGreaterThanOrEqual(9);
    expect(topics.every((x) => x.responseDays === 2 && x.nameKk && x.nameRu)).toBe(true);
  });

  it('keeps what admins changed: category routing and their own calendar entries', async () => {
    const category = await t.db.prisma.category.findFirstOrThrow();
    await t.db.prisma.category.update({ where: { id: category.id }, data: { deadlineDays: 42 } });
    const date = new Date('2026-03-09T00:00:00Z');
    await t.db.prisma.calendarDay.update({ where: { date }, data: { kind: 'working_day', nameKk: 'Жұмыс күні', nameRu: 'Рабочий день', source: 'admin' } });
    await seedReferenceData(t.db.prisma, [2026, 2027]);
    expect((await t.db.prisma.category.findUniqueOrThrow({ where: { id: category.id } })).deadlineDays).toBe(42);
    expect((await t.db.prisma.calendarDay.findUniqueOrThrow({ where: { date } })).kind).toBe('working_day');
  });

  it('skips an unchanged seed at start-up, and runs again for a new year', async () => {
    expect(await seedIfChanged(t.db.prisma, [2026, 2027])).not.toBeNull();
    expect(await seedIfChanged(t.db.prisma, [2026, 2027])).toBeNull();
    const again = await seedIfChanged(t.db.prisma, [2027, 2028]);
    expect(again?.regions).toBe(20);
    expect(await t.db.prisma.calendarDay.count({ where: { date: { gte: new Date('2028-01-01T00:00:00Z') } } })).toBeGreaterThan(10);
  });
});
