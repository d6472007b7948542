// The portal's filters: codes to ids (a code that names nothing is dropped and the page says so) and the periods a
// visitor may pick, the form's choices and places in the page's language. Shared by the report list, the statistics
// page, its CSV, the initiatives and the maps.
import { periodKeyOf } from '../../core/calendar/periods.ts';
import { localName, type ReferenceData } from '../../core/reference/reference-service.ts';
import type { ListQuery, PortalLang } from './portal-schemas.ts';

/** Codes to ids; a code that names nothing (or a district outside the region) is dropped and the page says so. */
export function resolveFilter(ref: ReferenceData, q: ListQuery) {
  const region = q.region ? ref.regions.find((r) => r.code === q.region) : undefined;
  const district = q.district && region ? region.districts.find((d) => d.code === q.district) : undefined;
  const category = q.category ? ref.categories.find((c) => c.code === q.category) : undefined;
  const dropped = (q.region !== undefined && !region) || (q.district !== undefined && !district) || (q.category !== undefined && !category);
  const selected: Record<string, string> & { region?: string; district?: string; category?: string; status?: string; period?: string } = {};
  if (region) selected.region = region.code;
  if (district) selected.district = district.code;
  if (category) selected.category = category.code;
  if (q.status) selected.status = q.status;
  return { filter: { regionId: region?.id, districtId: district?.id, categoryId: category?.id, status: q.status }, selected, dropped };
}

/** This year, last year, and this year's months so far, newest first (Almaty calendar). */
export function periodOptions(now: Date): Array<{ code: string; name: string }> {
  const year = Number(periodKeyOf(now, 'year'));
  const month = Number(periodKeyOf(now, 'month').slice(5, 7));
  const months = Array.from({ length: month }, (_, i) => month - i).map((m) => ({
    code: `${year}-${String(m).padStart(2, '0')}`,
    name: `${String(m).padStart(2, '0')}.${year}`,
  }));
  return [{ code: String(year), name: String(year) }, { code: String(year - 1), name: String(year - 1) }, ...months];
}

/** The filter form's choices in the page's language: the regions, the chosen region's districts, the active categories. */
export function filterChoices(ref: ReferenceData, lang: PortalLang, regionCode: string | undefined) {
  const region = ref.regions.find((r) => r.code === regionCode);
  return {
    regions: ref.regions.map((r) => ({ code: r.code, name: localName(r, lang) })),
    districts: (region?.districts ?? []).map((d) => ({ code: d.code, name: localName(d, lang) })),
    categories: ref.categories.filter((c) => c.active).map((c) => ({ code: c.code, name: localName(c, lang) })),
  };
}

/** A place as the portal names it: the region, then the district when there is one. */
export function placeOf(ref: ReferenceData, lang: PortalLang, regionId: number, districtId: number | null): string {
  const region = ref.regions.find((r) => r.id === regionId);
  const district = region?.districts.find((d) => d.id === districtId);
  return [region, district].flatMap((x) => (x ? [localName(x, lang)] : [])).join(', ');
}

/** Reports of a list with their category and place named in the page's language. */
export function namedReports<R extends { categoryId: number; regionId: number; districtId: number | null }>(ref: ReferenceData, lang: PortalLang, items: R[]) {
  return items.map((r) => ({
    ...r,
    category: localName(ref.categories.find((c) => c.id === r.categoryId) ?? { nameKk: '', nameRu: '' }, lang),
    place: placeOf(ref, lang, r.regionId, r.districtId),
  }));
}
