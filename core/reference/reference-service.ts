// Regions, districts, areas, departments and categories: read constantly, changed rarely,
// so they are cached for a short time (other instances see an admin's change within the TTL).
import { ttlCached } from '../cache/ttl-cached.ts';
import type { Area, Category, Department, District, PrismaClient, Region } from '../../generated/prisma/client.ts';
import { seedCalendar } from '../../prisma/seed.ts';

export type RegionWithDistricts = Region & { districts: District[] };

export interface ReferenceData {
  regions: RegionWithDistricts[];
  areas: Area[];
  departments: Department[];
  categories: Category[];
}

export interface Named {
  nameKk: string;
  nameRu: string;
}

/** The name in the requested language; Russian for 'en' and anything else. */
export function localName(x: Named, locale: string): string {
  return locale === 'kk' ? x.nameKk : x.nameRu;
}

export function createReferenceService({ prisma, ttlMs = 60_000 }: { prisma: PrismaClient; ttlMs?: number }) {
  async function load(): Promise<ReferenceData> {
    const [regions, areas, departments, categories] = await Promise.all([
      prisma.region.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }], include: { districts: { orderBy: [{ sort: 'asc' }, { id: 'asc' }] } } }),
      prisma.area.findMany({ orderBy: { id: 'asc' } }),
      prisma.department.findMany({ orderBy: { id: 'asc' } }),
      prisma.category.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] }),
    ]);
    return { regions, areas, departments, categories };
  }

  return {
    ...ttlCached(load, ttlMs),
    /** Adds the default holidays of these years that are not there yet (the calendar-rollover job); returns the days added. */
    rollCalendar: (years: number[]): Promise<number> => prisma.$transaction((tx) => seedCalendar(tx, years)),
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
