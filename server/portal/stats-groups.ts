// The statistics page's table one level down (issue 17: the indicators "per region, district and category"): the
// country's regions, a region's districts, a district's categories, each row the same civicControl() figures the
// page's headline uses for that group's filter. Computed one group after another on a miss (the page is cached for
// five minutes and refreshed behind), so a crowd never runs them.
import type { CivicControlIndicators } from '../../core/analytics/civic-control.ts';
import type { Period } from '../../core/calendar/periods.ts';
import { localName, type ReferenceData } from '../../core/reference/reference-service.ts';
import type { Services } from '../../core/services.ts';
import type { PortalLang } from './portal-schemas.ts';

export type GroupDimension = 'region' | 'district' | 'category';

export interface StatsGroups {
  dimension: GroupDimension;
  rows: Array<{ code: string; name: string; s: CivicControlIndicators }>;
}

type Filter = { regionId?: number; districtId?: number; categoryId?: number };
type Selected = { region?: string; district?: string; category?: string };

export async function statsGroups(
  services: Services,
  ref: ReferenceData,
  lang: PortalLang,
  selected: Selected,
  filter: Filter,
  period: Period,
): Promise<StatsGroups | null> {
  const region = ref.regions.find((r) => r.code === selected.region);
  let dimension: GroupDimension;
  let groups: Array<{ code: string; name: string; filter: Filter }>;
  if (!region) {
    dimension = 'region';
    groups = ref.regions.map((r) => ({ code: r.code, name: localName(r, lang), filter: { ...filter, regionId: r.id } }));
  } else if (!selected.district && region.districts.length > 0) {
    dimension = 'district';
    groups = region.districts.map((d) => ({ code: d.code, name: localName(d, lang), filter: { ...filter, districtId: d.id } }));
  } else if (!selected.category) {
    dimension = 'category';
    groups = ref.categories.filter((c) => c.active).map((c) => ({ code: c.code, name: localName(c, lang), filter: { ...filter, categoryId: c.id } }));
  } else return null;
  const rows: StatsGroups['rows'] = [];
  for (const g of groups) rows.push({ code: g.code, name: g.name, s: await services.portal.stats(g.filter, period) });
  return { dimension, rows };
}
