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

/** A category as the bot offers it: its label (emoji and name) and what to attach, in one language. */
export interface CategoryChoice {
  id: number;
  label: string;
  hint: string;
  active: boolean;
}

/** A region with its districts, named in one language. */
export interface PlaceChoice {
  id: number;
  name: string;
  districts: Array<{ id: number; name: string }>;
}

export interface ReferenceChoices {
  categories: CategoryChoice[];
  regions: PlaceChoice[];
}

function choicesOf(data: ReferenceData, locale: string): ReferenceChoices {
  return {
    categories: data.categories.map((c) => ({
      id: c.id,
      label: `${c.emoji ? `${c.emoji} ` : ''}${localName(c, locale)}`,
      hint: locale === 'kk' ? c.hintKk : c.hintRu,
      active: c.active,
    })),
    regions: data.regions.map((r) => ({ id: r.id, name: localName(r, locale), districts: r.districts.map((d) => ({ id: d.id, name: localName(d, locale) })) })),
  };
}

export function createReferenceService({ prisma, ttlMs = 60_000 }: { prisma: PrismaClient; ttlMs?: number }) {
  async function load(): Promise<ReferenceData> {
    // One batch transaction for the refill (every TTL): five statements were five transactions (issue 23).
    const [regions, areas, departments, categories] = await prisma.$transaction([
      prisma.region.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }], include: { districts: { orderBy: [{ sort: 'asc' }, { id: 'asc' }] } } }),
      prisma.area.findMany({ orderBy: { id: 'asc' } }),
      prisma.department.findMany({ orderBy: { id: 'asc' } }),
      prisma.category.findMany({ orderBy: [{ sort: 'asc' }, { id: 'asc' }] }),
    ]);
    return { regions, areas, departments, categories };
  }

  const cached = ttlCached(load, ttlMs);
  // Per loaded value, so an admin's edit (invalidate) or the TTL gives new lists with the data.
  const named = new WeakMap<ReferenceData, Map<string, ReferenceChoices>>();

  return {
    ...cached,
    /**
     * Categories, regions and districts named in `locale`, kept with the cached data. Conversations read them
     * here on every replay instead of storing them in their state (which is written on every update).
     */
    async choices(locale: string): Promise<ReferenceChoices> {
      const data = await cached.get();
      let byLocale = named.get(data);
      if (!byLocale) named.set(data, (byLocale = new Map()));
      let c = byLocale.get(locale);
      if (!c) byLocale.set(locale, (c = choicesOf(data, locale)));
      return c;
    },
    /** Adds the default holidays of these years that are not there yet (the calendar-rollover job); returns the days added. */
    rollCalendar: (years: number[]): Promise<number> => prisma.$transaction((tx) => seedCalendar(tx, years)),
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
