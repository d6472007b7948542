// Where something is, asked the same way in every conversation that needs it (a report, an initiative, a
// volunteer's sign-up): a region from buttons, the citizen's own first, then one of its districts or none in
// particular. Each conversation has its own button families and texts; the names come from the reference cache.
import type { PlaceChoice } from '../core/reference/reference-service.ts';
import type { ButtonFamily, Field } from '../core/offers/button.ts';
import type { FlowContext } from './context.ts';
import { askOnce, type Flow } from './flow-kit.ts';
import { grid } from './telegram/keyboard.ts';

/** One of `regions`, `first` (the citizen's own) at the top; `prompt` is HTML with `html`. */
export async function chooseRegion(
  conversation: Flow,
  ctx: FlowContext,
  regions: PlaceChoice[],
  first: number | null,
  prompt: string,
  button: ButtonFamily<{ regionId: Field<number> }>,
  html = false,
): Promise<PlaceChoice> {
  const ordered = [...regions.filter((r) => r.id === first), ...regions.filter((r) => r.id !== first)];
  const kb = grid(ordered.map((r) => button.offer(r.name, { regionId: r.id })));
  const { value } = await askOnce(conversation, ctx, prompt, kb, button, { html });
  return regions.find((r) => r.id === value.regionId) ?? regions[0]!;
}

/**
 * One of the region's districts, or none in particular (the last button, `skip`, whose data holds `skip.value`):
 * null. A region without districts is not asked about.
 */
export async function chooseDistrict<W extends string>(
  conversation: Flow,
  ctx: FlowContext,
  region: PlaceChoice,
  prompt: string,
  button: ButtonFamily<{ districtId: Field<number | W> }>,
  skip: { label: string; value: W },
): Promise<number | null> {
  if (region.districts.length === 0) return null;
  const kb = grid([...region.districts.map((d) => button.offer(d.name, { districtId: d.id })), button.offer(skip.label, { districtId: skip.value })]);
  const { value } = await askOnce(conversation, ctx, prompt, kb, button);
  return typeof value.districtId === 'number' ? value.districtId : null;
}
