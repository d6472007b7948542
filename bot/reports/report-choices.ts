// Reference data the report flow offers as buttons. The conversation's log is stored on every update, so
// `external` returns only ids and small values; the names come from the reference cache in core
// (services.reference.choices), read again on every replay. Keeping the regions and districts in the log
// had made the stored state 24–37 KB per update (bench/FIXES.md, section 6).
import type { FlowContext } from '../context.ts';
import type { CategoryChoice, PlaceChoice } from '../../core/reference/reference-service.ts';
import type { Flow } from '../flow-kit.ts';

/** The active categories, in order; which ones were offered is recorded (ids), their labels are not. */
export async function categoryChoices(conversation: Flow, ctx: FlowContext): Promise<CategoryChoice[]> {
  const ids = await conversation.external(async () => (await ctx.services.reference.choices(ctx.locale)).categories.filter((c) => c.active).map((c) => c.id));
  const { categories } = await ctx.services.reference.choices(ctx.locale);
  return ids.flatMap((id) => categories.filter((c) => c.id === id));
}

/** A category by id (labels of one that was switched off meanwhile too), from the cache. */
export async function categoryChoice(ctx: FlowContext, id: number | null): Promise<CategoryChoice | undefined> {
  return (await ctx.services.reference.choices(ctx.locale)).categories.find((c) => c.id === id);
}

/** Every region with its districts, and the citizen's saved region (the only part recorded). */
export async function regionChoices(conversation: Flow, ctx: FlowContext): Promise<{ regions: PlaceChoice[]; savedRegionId: number | null }> {
  const savedRegionId = await conversation.external(() => (ctx.citizenId == null ? null : ctx.services.citizens.regionOf(ctx.citizenId)));
  return { regions: (await ctx.services.reference.choices(ctx.locale)).regions, savedRegionId };
}

/** "Region, district" in the citizen's language. */
export async function placeLabel(ctx: FlowContext, regionId: number | null, districtId: number | null): Promise<string> {
  const region = (await ctx.services.reference.choices(ctx.locale)).regions.find((r) => r.id === regionId);
  if (!region) return '—';
  const district = region.districts.find((d) => d.id === districtId);
  return [region.name, district?.name].filter(Boolean).join(', ');
}
