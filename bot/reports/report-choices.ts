// Reference data the report flow offers as buttons, read through `external` in the smallest pieces
// each step needs: the conversation stores every result, so the whole district list is not copied
// into its log each time the summary is shown.
import type { FlowContext } from '../context.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { Flow } from '../flow-kit.ts';

export interface CategoryChoice {
  id: number;
  label: string;
  hint: string;
}

export interface RegionChoice {
  id: number;
  name: string;
  districts: Array<{ id: number; name: string }>;
}

export function categoryChoices(conversation: Flow, ctx: FlowContext): Promise<CategoryChoice[]> {
  return conversation.external(async () =>
    (await ctx.services.reference.get()).categories
      .filter((c) => c.active)
      .map((c) => ({ id: c.id, label: `${c.emoji ? `${c.emoji} ` : ''}${localName(c, ctx.locale)}`, hint: ctx.locale === 'kk' ? c.hintKk : c.hintRu })),
  );
}

export function regionChoices(conversation: Flow, ctx: FlowContext): Promise<{ regions: RegionChoice[]; savedRegionId: number | null }> {
  return conversation.external(async () => {
    const { regions } = await ctx.services.reference.get();
    return {
      savedRegionId: ctx.citizenId == null ? null : await ctx.services.reportCitizen.savedRegionId(ctx.citizenId),
      regions: regions.map((r) => ({
        id: r.id,
        name: localName(r, ctx.locale),
        districts: r.districts.map((d) => ({ id: d.id, name: localName(d, ctx.locale) })),
      })),
    };
  });
}

/** "Region, district" in the citizen's language. */
export function placeLabel(conversation: Flow, ctx: FlowContext, regionId: number | null, districtId: number | null): Promise<string> {
  return conversation.external(async () => {
    const region = (await ctx.services.reference.get()).regions.find((r) => r.id === regionId);
    if (!region) return '—';
    const district = region.districts.find((d) => d.id === districtId);
    return [localName(region, ctx.locale), district ? localName(district, ctx.locale) : null].filter(Boolean).join(', ');
  });
}
