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
import type { DraftPatch } from '../../core/initiatives/initiative-draft-checks.ts';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { askOnce, attempt, choiceLabels, errorText, waitForButton, withLegend, type Flow, type Outcome } from '../flow-kit.ts';
import type { ButtonReader } from '../../core/offers/button.ts';
import { chooseDistrict, chooseRegion } from '../place-steps.ts';
import { typedOrPressed } from '../typed-answer.ts';
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
  await typedOrPressed(conversation, ctx, {
    expected: ctx.t('initiatives-bot:flow.text_expected'),
    check: async (text) => refusal(ctx, await save(conversation, ctx, citizenId, patch(text))) || null,
  });
}

/** A step answered with one press: its question `initiatives-bot:flow.<step>` under the step's number. */
const askStep = <V>(conversation: Flow, ctx: FlowContext, step: Step, kb: InlineKeyboard, button: ButtonReader<V>) =>
  askOnce(conversation, ctx, header(ctx, step) + ctx.t(`initiatives-bot:flow.${step}`), kb, button, { html: true });

const askWho: Ask = async (conversation, ctx, citizenId) => {
  const kb = grid(
    [proposer.offer(ctx.t('initiatives-bot:flow.who_me'), { who: 'me' }), proposer.offer(ctx.t('initiatives-bot:flow.who_ngo'), { who: 'ngo' })],
    1,
  );
  const { value } = await askStep(conversation, ctx, 'who', kb, proposer);
  if (value.who === 'me') {
    await save(conversation, ctx, citizenId, { organisation: '' });
    return;
  }
  await askText(conversation, ctx, citizenId, ctx.t('initiatives-bot:flow.organisation', { max: INITIATIVE_ORGANISATION_MAX }), (organisation) => ({
    organisation,
  }));
};

/** A step answered in text: its prompt `initiatives-bot:flow.<step>` says the length allowed, `patch` where it goes. */
const textStep =
  (step: 'title' | 'description' | 'why', length: { min: number; max: number }, patch: (text: string) => DraftPatch): Ask =>
  (conversation, ctx, citizenId) =>
    askText(conversation, ctx, citizenId, header(ctx, step) + ctx.t(`initiatives-bot:flow.${step}`, length), patch);

const askTitle = textStep('title', { min: INITIATIVE_TITLE_MIN, max: INITIATIVE_TITLE_MAX }, (title) => ({ title }));
const askDescription = textStep('description', { min: INITIATIVE_DESCRIPTION_MIN, max: INITIATIVE_DESCRIPTION_MAX }, (description) => ({ description }));
const askWhy = textStep('why', { min: INITIATIVE_WHY_MIN, max: INITIATIVE_WHY_MAX }, (justification) => ({ justification }));

/** The region (the citizen's saved one first) and its district; the names come from the reference cache. */
const askPlace: Ask = async (conversation, ctx, citizenId) => {
  const saved = await conversation.external(async () => ctx.services.citizens.regionOf(citizenId));
  const { regions } = await ctx.services.reference.choices(ctx.locale);
  const region = await chooseRegion(conversation, ctx, regions, saved, header(ctx, 'place') + ctx.t('initiatives-bot:flow.region'), initiativeRegion, true);
  const districtId = await chooseDistrict(conversation, ctx, region, ctx.t('initiatives-bot:flow.district', { region: region.name }), initiativeDistrict, {
    label: ctx.t('initiatives-bot:flow.district_skip'),
    value: 'none',
  });
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
  const { value } = await askOnce(conversation, ctx, withLegend(header(ctx, 'area') + ctx.t('initiatives-bot:flow.area'), legend, true), kb, initiativeArea, {
    html: true,
  });
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
  const kb = grid(
    [
      initiativeShowName.offer(ctx.t('initiatives-bot:flow.name_show'), { show: 'y' }),
      initiativeShowName.offer(ctx.t('initiatives-bot:flow.name_hide'), { show: 'n' }),
    ],
    1,
  );
  const { value } = await askStep(conversation, ctx, 'name', kb, initiativeShowName);
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
