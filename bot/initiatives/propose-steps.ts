// The steps of the propose conversation, one question each: who proposes, the title, what is to be done, the
// region and district, the place (optional), the area (one of the 19), why it matters, the help needed and whether
// the name is shown. Each saves its answer in the draft at once (core checks it again and refuses with the same
// codes the bot re-asks with).
import { InlineKeyboard, Keyboard } from 'grammy';
import { localName } from '../../core/reference/reference-service.ts';
import {
  HELP_KINDS,
  INITIATIVE_ADDRESS_MAX,
  INITIATIVE_DESCRIPTION_MAX,
  INITIATIVE_DESCRIPTION_MIN,
  INITIATIVE_ORGANISATION_MAX,
  INITIATIVE_TITLE_MAX,
  INITIATIVE_TITLE_MIN,
  INITIATIVE_WHY_MAX,
  INITIATIVE_WHY_MIN,
} from '../../core/initiatives/initiative-rules.ts';
import type { DraftPatch } from '../../core/initiatives/initiative-drafts.ts';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { attempt, choiceLabels, errorText, waitForButton, withLegend, type Flow, type Outcome } from '../flow-kit.ts';
import { grid } from '../telegram/keyboard.ts';
import { helpToggle, initiativeArea, initiativeDistrict, initiativeRegion, initiativeShowName, proposer } from './buttons.ts';
import { header, type DraftView, type Step } from './propose-draft.ts';

const ADDRESS_MIN = 5;

type Ask = (conversation: Flow, ctx: FlowContext, citizenId: number, draft: DraftView) => Promise<void>;

/** Saves one answer through core; a refusal comes back as a value (it survives `external`). */
const save = (conversation: Flow, ctx: FlowContext, citizenId: number, patch: DraftPatch) =>
  conversation.external(() => attempt(() => ctx.services.initiatives.drafts.saveDraft(citizenId, patch).then(() => true)));

/** A refusal in the citizen's words: core's reason (which field, how long it was, the limit). */
const refusal = (ctx: FlowContext, o: Outcome<unknown>): string => (o.ok ? '' : errorText(ctx, o));

/** Waits for a text answer and saves it; a refused one is re-asked with the reason, and nothing else is lost. */
async function askText(conversation: Flow, ctx: FlowContext, citizenId: number, prompt: string, patch: (text: string) => DraftPatch): Promise<void> {
  await ctx.reply(prompt, { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(ctx.t('initiatives-bot:flow.text_expected'));
      continue;
    }
    const saved = await save(conversation, ctx, citizenId, patch(text));
    if (saved.ok) return;
    await c.reply(refusal(ctx, saved));
  }
}

const askWho: Ask = async (conversation, ctx, citizenId) => {
  const kb = new InlineKeyboard()
    .text(ctx.t('initiatives-bot:flow.who_me'), proposer.encode({ who: 'me' }))
    .row()
    .text(ctx.t('initiatives-bot:flow.who_ngo'), proposer.encode({ who: 'ngo' }));
  await ctx.reply(header(ctx, 'who') + ctx.t('initiatives-bot:flow.who'), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, proposer);
  await pressed.editMessageReplyMarkup().catch(() => {});
  if (value.who === 'me') {
    await save(conversation, ctx, citizenId, { organisation: '' });
    return;
  }
  await askText(conversation, ctx, citizenId, ctx.t('initiatives-bot:flow.organisation', { max: INITIATIVE_ORGANISATION_MAX }), (organisation) => ({
    organisation,
  }));
};

const askTitle: Ask = (conversation, ctx, citizenId) =>
  askText(
    conversation,
    ctx,
    citizenId,
    header(ctx, 'title') + ctx.t('initiatives-bot:flow.title', { min: INITIATIVE_TITLE_MIN, max: INITIATIVE_TITLE_MAX }),
    (title) => ({ title }),
  );

const askDescription: Ask = (conversation, ctx, citizenId) =>
  askText(
    conversation,
    ctx,
    citizenId,
    header(ctx, 'description') + ctx.t('initiatives-bot:flow.description', { min: INITIATIVE_DESCRIPTION_MIN, max: INITIATIVE_DESCRIPTION_MAX }),
    (description) => ({ description }),
  );

const askWhy: Ask = (conversation, ctx, citizenId) =>
  askText(
    conversation,
    ctx,
    citizenId,
    header(ctx, 'why') + ctx.t('initiatives-bot:flow.why', { min: INITIATIVE_WHY_MIN, max: INITIATIVE_WHY_MAX }),
    (justification) => ({ justification }),
  );

/** The region (the citizen's saved one first) and its district; the names come from the reference cache. */
const askPlace: Ask = async (conversation, ctx, citizenId) => {
  const saved = await conversation.external(async () => ctx.services.citizens.regionOf(citizenId));
  const { regions } = await ctx.services.reference.choices(ctx.locale);
  const ordered = [...regions.filter((r) => r.id === saved), ...regions.filter((r) => r.id !== saved)];
  await ctx.reply(header(ctx, 'place') + ctx.t('initiatives-bot:flow.region'), {
    parse_mode: 'HTML',
    reply_markup: grid(ordered.map((r) => initiativeRegion.offer(r.name, { regionId: r.id }))),
  });
  const { ctx: pressed, value } = await waitForButton(conversation, initiativeRegion);
  await pressed.editMessageReplyMarkup().catch(() => {});
  const region = regions.find((r) => r.id === value.regionId) ?? regions[0]!;
  let districtId: number | null = null;
  if (region.districts.length > 0) {
    const kb = grid([
      ...region.districts.map((d) => initiativeDistrict.offer(d.name, { districtId: d.id })),
      initiativeDistrict.offer(ctx.t('initiatives-bot:flow.district_skip'), { districtId: 'none' }),
    ]);
    await ctx.reply(ctx.t('initiatives-bot:flow.district', { region: region.name }), { reply_markup: kb });
    const { ctx: p2, value: v2 } = await waitForButton(conversation, initiativeDistrict);
    await p2.editMessageReplyMarkup().catch(() => {});
    districtId = v2.districtId === 'none' ? null : v2.districtId;
  }
  await save(conversation, ctx, citizenId, { regionId: region.id, districtId });
};

/** A point or an address, or none: an initiative may have no exact place (a city-wide idea). */
const askLocation: Ask = async (conversation, ctx, citizenId) => {
  const skip = ctx.t('initiatives-bot:flow.skip');
  const keyboard = new Keyboard().requestLocation(ctx.t('initiatives-bot:flow.send_location')).row().text(skip).resized().oneTime();
  await ctx.reply(header(ctx, 'location') + ctx.t('initiatives-bot:flow.location'), { parse_mode: 'HTML', reply_markup: keyboard });
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const location = c.message?.venue?.location ?? c.message?.location;
    const text = c.message?.text?.trim();
    let patch: DraftPatch;
    if (location) {
      // A point outside Kazakhstan is refused by core (initiative.point_outside), like every other answer.
      const address = c.message?.venue?.address?.slice(0, INITIATIVE_ADDRESS_MAX) ?? null;
      patch = { point: { lat: location.latitude, lon: location.longitude }, address, placeDone: true };
    } else if (text === skip) patch = { point: null, address: null, placeDone: true };
    else if (text && text.length >= ADDRESS_MIN) patch = { address: text.slice(0, INITIATIVE_ADDRESS_MAX), point: null, placeDone: true };
    else {
      await c.reply(ctx.t('initiatives-bot:flow.address_short', { min: ADDRESS_MIN }), { reply_markup: keyboard });
      continue;
    }
    const saved = await save(conversation, ctx, citizenId, patch);
    if (!saved.ok) {
      await c.reply(refusal(ctx, saved), { reply_markup: keyboard });
      continue;
    }
    await c.reply(ctx.t('initiatives-bot:flow.location_saved'), { reply_markup: mainMenu(ctx) });
    return;
  }
};

/** One of the 19 areas of Annex 3, by their official names and numbers (the buttons may shorten them). */
const askArea: Ask = async (conversation, ctx, citizenId) => {
  const areas = (await ctx.services.reference.get()).areas;
  const { labels, legend } = choiceLabels(
    areas.map((a) => localName(a, ctx.locale)),
    undefined,
    { numbered: true },
  );
  const kb = grid(areas.map((a, i) => initiativeArea.offer(labels[i]!, { areaId: a.id })));
  await ctx.reply(withLegend(header(ctx, 'area') + ctx.t('initiatives-bot:flow.area'), legend, true), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, initiativeArea);
  await pressed.editMessageReplyMarkup().catch(() => {});
  await save(conversation, ctx, citizenId, { areaId: value.areaId });
};

/** The kinds of help, toggled on one message, then «Done» with at least one chosen. */
const askHelp: Ask = async (conversation, ctx, citizenId, draft) => {
  const picked = new Set(draft.helpNeeded);
  const keyboard = () =>
    grid(
      HELP_KINDS.map((k, i) => helpToggle.offer(`${picked.has(k) ? '✅' : '▫️'} ${ctx.t(`initiatives:help.${k}`)}`, { choice: i })),
      1,
    )
      .row()
      .text(ctx.t('initiatives-bot:flow.done'), helpToggle.encode({ choice: 'done' }));
  await ctx.reply(header(ctx, 'help') + ctx.t('initiatives-bot:flow.help'), { parse_mode: 'HTML', reply_markup: keyboard() });
  for (;;) {
    const { ctx: pressed, value } = await waitForButton(conversation, helpToggle);
    if (value.choice === 'done') {
      if (picked.size === 0) {
        await pressed.reply(ctx.t('initiatives-bot:flow.pick_one'));
        continue;
      }
      await pressed.editMessageReplyMarkup().catch(() => {});
      await save(conversation, ctx, citizenId, { helpNeeded: HELP_KINDS.filter((k) => picked.has(k)), helpDone: true });
      return;
    }
    const kind = HELP_KINDS[value.choice];
    if (!kind) continue;
    if (picked.has(kind)) picked.delete(kind);
    else picked.add(kind);
    await pressed.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
};

const askName: Ask = async (conversation, ctx, citizenId) => {
  const kb = new InlineKeyboard()
    .text(ctx.t('initiatives-bot:flow.name_show'), initiativeShowName.encode({ show: 'y' }))
    .row()
    .text(ctx.t('initiatives-bot:flow.name_hide'), initiativeShowName.encode({ show: 'n' }));
  await ctx.reply(header(ctx, 'name') + ctx.t('initiatives-bot:flow.name'), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, initiativeShowName);
  await pressed.editMessageReplyMarkup().catch(() => {});
  await save(conversation, ctx, citizenId, { showName: value.show === 'y' });
};

export const ASK: Record<Step, Ask> = {
  who: askWho,
  title: askTitle,
  description: askDescription,
  place: askPlace,
  location: askLocation,
  area: askArea,
  why: askWhy,
  help: askHelp,
  name: askName,
};
