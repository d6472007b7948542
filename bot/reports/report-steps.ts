// The steps of the report conversation, one question each: category, place, location, description,
// evidence and whether the name is shown. Each saves its answer in the draft at once.
import { InlineKeyboard, Keyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, EVIDENCE_MAX, insideKazakhstan } from '../../core/reports/report-service.ts';
import { choiceLabels, esc, fitTitle, waitForButton, withLegend, type Flow, nextMessage } from '../flow-kit.ts';
import { chooseDistrict } from '../place-steps.ts';
import { grid } from '../telegram/keyboard.ts';
import { anonymity, keepLocation, pickCategory, pickDistrict, pickRegion, savedRegionOrOther } from './buttons.ts';
import { categoryChoice, categoryChoices, regionChoices } from './report-choices.ts';
import { header, save, type DraftView, type Step } from './report-draft.ts';
import { collectFiles } from './report-files.ts';

export const ADDRESS_MIN = 5;
export const ADDRESS_MAX = 300;

async function askCategory(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const categories = await categoryChoices(conversation, ctx);
  const { labels, legend } = choiceLabels(categories.map((c) => c.label));
  const kb = grid(categories.map((c, i) => pickCategory.offer(labels[i]!, { categoryId: c.id })));
  await ctx.reply(withLegend(header(ctx, 'category') + ctx.t('reports:flow.category'), legend, true), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, pickCategory);
  const chosen = categories.find((c) => c.id === value.categoryId) ?? categories[0]!;
  await pressed.editMessageReplyMarkup().catch(() => {});
  await pressed.reply(ctx.t('reports:flow.category_chosen', { name: chosen.label, hint: chosen.hint }));
  return save(conversation, ctx, citizenId, draft, { categoryId: chosen.id });
}

async function askPlace(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const { regions, savedRegionId } = await regionChoices(conversation, ctx);
  const saved = regions.find((r) => r.id === savedRegionId);
  let regionId: number;
  if (saved) {
    const kb = new InlineKeyboard()
      .text(
        fitTitle((name) => ctx.t('reports:flow.region_saved', { name }), saved.name),
        savedRegionOrOther.encode({ regionId: saved.id }),
      )
      .row()
      .text(ctx.t('reports:flow.region_other'), savedRegionOrOther.encode({ regionId: 'other' }));
    await ctx.reply(header(ctx, 'place') + ctx.t('reports:flow.region_yours'), { parse_mode: 'HTML', reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, savedRegionOrOther);
    await pressed.editMessageReplyMarkup().catch(() => {});
    regionId = value.regionId === 'other' ? await askRegion(conversation, ctx, regions, false) : saved.id;
  } else {
    regionId = await askRegion(conversation, ctx, regions, true);
  }
  const region = regions.find((r) => r.id === regionId)!;
  const districtId = await chooseDistrict(conversation, ctx, region, ctx.t('reports:flow.district', { region: region.name }), pickDistrict, {
    label: ctx.t('reports:flow.district_skip'),
    value: 'none',
  });
  // A citizen without a saved region gets this one, so next time it is offered first.
  if (savedRegionId == null) {
    await conversation.external(async () => {
      await ctx.services.citizens.updateProfile(citizenId, { regionId, districtId });
    });
  }
  return save(conversation, ctx, citizenId, draft, { regionId, districtId });
}

async function askRegion(conversation: Flow, ctx: FlowContext, regions: Array<{ id: number; name: string }>, withHeader: boolean): Promise<number> {
  const kb = grid(regions.map((r) => pickRegion.offer(r.name, { regionId: r.id })));
  await ctx.reply((withHeader ? header(ctx, 'place') : '') + ctx.t('reports:flow.region'), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, pickRegion);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return value.regionId;
}

async function askLocation(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const keyboard = new Keyboard().requestLocation(ctx.t('reports:flow.send_location')).resized().oneTime();
  await ctx.reply(header(ctx, 'location') + ctx.t('reports:flow.location'), { parse_mode: 'HTML', reply_markup: keyboard });
  let questioned: { lat: number; lon: number; address: string | null } | null = null;
  for (;;) {
    const c = await conversation.wait();
    if (questioned && keepLocation.decode(c.callbackQuery?.data ?? '')) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup().catch(() => {});
      await c.reply(ctx.t('reports:flow.location_saved'), { reply_markup: mainMenu(ctx) });
      return save(conversation, ctx, citizenId, draft, questioned);
    }
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const location = c.message?.venue?.location ?? c.message?.location;
    if (location) {
      const place = { lat: location.latitude, lon: location.longitude, address: c.message?.venue?.address?.slice(0, ADDRESS_MAX) ?? null };
      if (!insideKazakhstan(place.lat, place.lon)) {
        questioned = place;
        const kb = new InlineKeyboard().text(ctx.t('reports:flow.location_keep'), keepLocation.encode());
        await c.reply(ctx.t('reports:flow.location_outside', { lat: place.lat.toFixed(5), lon: place.lon.toFixed(5) }), { reply_markup: kb });
        continue;
      }
      await c.reply(ctx.t('reports:flow.location_saved'), { reply_markup: mainMenu(ctx) });
      return save(conversation, ctx, citizenId, draft, place);
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(ctx.t('reports:flow.location_expected'), { reply_markup: keyboard });
      continue;
    }
    if (text.length < ADDRESS_MIN) await c.reply(ctx.t('reports:flow.address_short', { min: ADDRESS_MIN }), { reply_markup: keyboard });
    else if (text.length > ADDRESS_MAX) await c.reply(ctx.t('reports:flow.address_long', { max: ADDRESS_MAX }), { reply_markup: keyboard });
    else {
      await c.reply(ctx.t('reports:flow.address_saved'), { reply_markup: mainMenu(ctx) });
      return save(conversation, ctx, citizenId, draft, { address: text, lat: null, lon: null });
    }
  }
}

async function askDescription(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  await ctx.reply(header(ctx, 'description') + ctx.t('reports:flow.description', { min: DESCRIPTION_MIN, max: DESCRIPTION_MAX }), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx),
  });
  for (;;) {
    const c = await nextMessage(conversation, ctx);
    const text = c.message?.text?.trim();
    if (!text) await c.reply(ctx.t('reports:flow.description_expected'));
    else if (text.length < DESCRIPTION_MIN) await c.reply(ctx.t('reports:flow.description_short', { len: text.length, min: DESCRIPTION_MIN }));
    else if (text.length > DESCRIPTION_MAX) await c.reply(ctx.t('reports:flow.description_long', { len: text.length, max: DESCRIPTION_MAX }));
    else return save(conversation, ctx, citizenId, draft, { description: text });
  }
}

async function askEvidence(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const hint = (await categoryChoice(ctx, draft.categoryId))?.hint ?? '';
  const prompt =
    header(ctx, 'evidence') +
    ctx.t('reports:flow.evidence', { max: EVIDENCE_MAX, hint: esc(hint) }) +
    (draft.evidenceCount > 0 ? `\n\n${ctx.t('reports:flow.evidence_have', { count: draft.evidenceCount })}` : '');
  const count = await collectFiles(conversation, ctx, {
    prompt,
    have: draft.evidenceCount,
    max: EVIDENCE_MAX,
    add: async (_c, item) => (await conversation.external(() => ctx.services.reportCitizen.addDraftEvidence(citizenId, item))).count,
    clear: () => conversation.external(() => ctx.services.reportCitizen.clearDraftEvidence(citizenId)),
  });
  return { ...draft, evidenceCount: count };
}

async function askAnonymous(conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView): Promise<DraftView> {
  const kb = new InlineKeyboard()
    .text(ctx.t('reports:flow.anonymous_no'), anonymity.encode({ hidden: 0 }))
    .row()
    .text(ctx.t('reports:flow.anonymous_yes'), anonymity.encode({ hidden: 1 }));
  await ctx.reply(header(ctx, 'anonymous') + ctx.t('reports:flow.anonymous'), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, anonymity);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return save(conversation, ctx, citizenId, draft, { anonymous: value.hidden === 1 });
}

export const ASK: Record<Step, (conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView) => Promise<DraftView>> = {
  category: askCategory,
  place: askPlace,
  location: askLocation,
  description: askDescription,
  evidence: askEvidence,
  anonymous: askAnonymous,
};
