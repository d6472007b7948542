// The portal's filters: codes to ids (a code that names nothing is dropped and the page says so) and the periods a
// visitor may pick. Shared by the report list, the statistics page, its CSV and the map.
import { periodKeyOf } from '../../core/calendar/periods.ts';
import type { ReferenceData } from '../../core/reference/reference-service.ts';
import type { ListQuery } from './portal-schemas.ts';

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
