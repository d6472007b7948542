// Becoming a volunteer: name → phone (a contact share of one's own account only) → region and district
// → directions and areas → skills → availability → birth year → a summary where any answer can be
// changed. Each answer is saved to the profile at once, so bad input, /cancel or a restart lose nothing
// and the next visit asks only what is missing; editing a finished profile opens the summary.
import { InlineKeyboard, Keyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { ProfileFields } from '../../core/volunteering/volunteer-profile.ts';
import { AVAILABILITIES, birthYearRange, DIRECTIONS, NAME_MAX, SKILLS_MAX } from '../../core/volunteering/volunteer-rules.ts';
import type { VolunteerAvailability, VolunteerDirection } from '../../generated/prisma/enums.ts';
import { attempt, choiceLabels, errorText, esc, fitTitle, waitForButton, withLegend, type Flow } from '../flow-kit.ts';
import { regionChoices } from '../reports/report-choices.ts';
import { grid } from '../telegram/keyboard.ts';
import type { ButtonFamily, ButtonReader, Field } from '../../core/offers/button.ts';
import {
  opportunitiesPage,
  pickAvailability,
  signupDistrict,
  signupRegion,
  signupSummaryChoice,
  skipSkills,
  toggleArea,
  toggleDirection,
  useOfferedName,
} from './buttons.ts';

/** The profile as the conversation keeps it: plain data, since `external` results are stored. */
interface ProfileView {
  name: string | null;
  phone: string | null;
  regionId: number | null;
  districtId: number | null;
  directions: VolunteerDirection[];
  areaIds: number[];
  /** '' once skipped, null until asked */
  skills: string | null;
  availability: VolunteerAvailability | null;
  birthYear: number | null;
  signedUp: boolean;
}

const STEPS = ['name', 'phone', 'region', 'directions', 'skills', 'availability', 'birthYear'] as const;
type Step = (typeof STEPS)[number];

function missing(p: ProfileView): Step | null {
  if (!p.name) return 'name';
  if (!p.phone) return 'phone';
  if (p.regionId == null) return 'region';
  if (p.directions.length === 0) return 'directions';
  if (p.skills == null) return 'skills';
  if (!p.availability) return 'availability';
  if (p.birthYear == null) return 'birthYear';
  return null;
}

function load(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<{ profile: ProfileView; citizenName: string | null }> {
  return conversation.external(async () => {
    const [v, c] = await Promise.all([
      ctx.services.volunteering.profiles.get(citizenId),
      ctx.services.prisma.citizen.findUnique({ where: { id: citizenId }, select: { name: true } }),
    ]);
    return {
      citizenName: c?.name ?? null,
      profile: {
        name: v?.name ?? null,
        phone: v?.phoneVerifiedAt ? v.phone : null,
        regionId: v?.regionId ?? null,
        districtId: v?.districtId ?? null,
        directions: v?.directions ?? [],
        areaIds: v?.areaIds ?? [],
        skills: v?.skills ?? null,
        availability: v?.availability ?? null,
        birthYear: v?.birthYear ?? null,
        signedUp: !!v?.signedUpAt,
      },
    };
  });
}

/** Saves answers; a refusal (too long, a year out of range) comes back as the text to show. */
async function save(conversation: Flow, ctx: FlowContext, citizenId: number, patch: Partial<ProfileFields>): Promise<string | null> {
  const outcome = await conversation.external(() => attempt(async () => void (await ctx.services.volunteering.profiles.save(citizenId, patch))));
  return outcome.ok ? null : errorText(ctx, outcome);
}

/**
 * Waits for a typed answer that `accept` saves, or for a press of `button` (a flow button).
 * Whatever is refused is answered with the reason and asked again.
 */
async function typedOrPressed(
  conversation: Flow,
  ctx: FlowContext,
  accept: (text: string) => Promise<string | null>,
  button?: ButtonReader<unknown>,
): Promise<{ text: string } | { pressed: string }> {
  for (;;) {
    const c = await conversation.wait();
    const data = c.callbackQuery?.data;
    if (data && button?.decode(data)) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup().catch(() => {});
      return { pressed: data };
    }
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(ctx.t('volunteering:signup.text_expected'));
      continue;
    }
    const refused = await accept(text);
    if (!refused) return { text };
    await c.reply(refused);
  }
}

async function askName(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView, suggested: string | null): Promise<ProfileView> {
  const offer = p.name ?? suggested;
  const kb = offer
    ? new InlineKeyboard().text(
        fitTitle((name) => ctx.t('volunteering:signup.name_use', { name }), offer),
        useOfferedName.encode(),
      )
    : undefined;
  await ctx.reply(ctx.t('volunteering:signup.name', { max: NAME_MAX }), { reply_markup: kb ?? mainMenu(ctx) });
  const answer = await typedOrPressed(conversation, ctx, (name) => save(conversation, ctx, citizenId, { name }), useOfferedName);
  const name = 'text' in answer ? answer.text : offer!;
  if ('pressed' in answer) await save(conversation, ctx, citizenId, { name });
  return { ...p, name };
}

/** Only a contact whose user_id is the sender's own counts: that is what makes the number verified. */
async function askPhone(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const keyboard = new Keyboard().requestContact(ctx.t('volunteering:signup.phone_button')).resized().oneTime();
  await ctx.reply(ctx.t('volunteering:signup.phone'), { reply_markup: keyboard });
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const contact = c.message?.contact;
    if (!contact) {
      await c.reply(ctx.t('volunteering:signup.phone_expected'), { reply_markup: keyboard });
      continue;
    }
    const outcome = await conversation.external(() => attempt(() => ctx.services.volunteering.profiles.verifyContact(citizenId, c.from!.id, contact)));
    if (outcome.ok) {
      await c.reply(ctx.t('volunteering:signup.phone_saved', { phone: outcome.value }), { reply_markup: mainMenu(ctx) });
      return { ...p, phone: outcome.value };
    }
    await c.reply(errorText(ctx, outcome), { reply_markup: keyboard });
  }
}

async function askRegion(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const { regions, savedRegionId } = await regionChoices(conversation, ctx);
  const first = p.regionId ?? savedRegionId;
  const ordered = [...regions.filter((r) => r.id === first), ...regions.filter((r) => r.id !== first)];
  await ctx.reply(ctx.t('volunteering:signup.region'), { reply_markup: grid(ordered.map((r) => signupRegion.offer(r.name, { regionId: r.id }))) });
  const { ctx: pressed, value } = await waitForButton(conversation, signupRegion);
  await pressed.editMessageReplyMarkup().catch(() => {});
  const region = regions.find((r) => r.id === value.regionId) ?? regions[0]!;
  let districtId: number | null = null;
  if (region.districts.length > 0) {
    const kb = grid([
      ...region.districts.map((d) => signupDistrict.offer(d.name, { districtId: d.id })),
      signupDistrict.offer(ctx.t('volunteering:signup.district_any'), { districtId: 'any' }),
    ]);
    await ctx.reply(ctx.t('volunteering:signup.district', { region: region.name }), { reply_markup: kb });
    const chosen = await waitForButton(conversation, signupDistrict);
    await chosen.ctx.editMessageReplyMarkup().catch(() => {});
    districtId = chosen.value.districtId === 'any' ? null : chosen.value.districtId;
  }
  await save(conversation, ctx, citizenId, { regionId: region.id, districtId });
  return { ...p, regionId: region.id, districtId };
}

/** Several choices toggled on one message, then "done" (with at least `min` chosen). */
async function pickMany<K extends string | number>(
  conversation: Flow,
  ctx: FlowContext,
  prompt: (legend: string[]) => string,
  options: Array<{ key: K; label: string }>,
  chosen: K[],
  toggle: ButtonFamily<{ choice: Field<number | 'done'> }>,
  min: number,
  opts: { numbered?: boolean; cols?: number } = {},
): Promise<K[]> {
  const picked = new Set(chosen);
  const names = options.map((o) => o.label);
  const marked = (i: number, label: string) => `${picked.has(options[i]!.key) ? '✅' : '▫️'} ${label}`;
  const keyboard = () => {
    const { labels } = choiceLabels(names, marked, opts);
    const kb = grid(
      options.map((_, i) => toggle.offer(labels[i]!, { choice: i })),
      opts.cols ?? 2,
    );
    return kb.row().text(ctx.t(picked.size === 0 && min === 0 ? 'volunteering:signup.skip' : 'volunteering:signup.done'), toggle.encode({ choice: 'done' }));
  };
  await ctx.reply(prompt(choiceLabels(names, (_, label) => `▫️ ${label}`, opts).legend), { reply_markup: keyboard() });
  for (;;) {
    const { ctx: pressed, value } = await waitForButton(conversation, toggle);
    if (value.choice === 'done') {
      if (picked.size >= min) {
        await pressed.editMessageReplyMarkup().catch(() => {});
        return options.filter((o) => picked.has(o.key)).map((o) => o.key);
      }
      await pressed.reply(ctx.t('volunteering:signup.pick_one'));
      continue;
    }
    const option = options[value.choice];
    if (!option) continue;
    if (picked.has(option.key)) picked.delete(option.key);
    else picked.add(option.key);
    await pressed.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
}

async function askDirections(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const directions = await pickMany(
    conversation,
    ctx,
    (legend) => withLegend(ctx.t('volunteering:signup.directions'), legend),
    DIRECTIONS.map((d) => ({ key: d, label: ctx.t(`volunteering:directions.${d}`) })),
    p.directions,
    toggleDirection,
    1,
  );
  await save(conversation, ctx, citizenId, { directions });
  // The official names of Annex 3 (prisma/seed/areas.ts), numbered as there; the buttons shorten them.
  const areas = await conversation.external(async () =>
    (await ctx.services.reference.get()).areas.map((a) => ({ key: a.id, label: localName(a, ctx.locale) })),
  );
  const areaIds = await pickMany(
    conversation,
    ctx,
    (legend) => ctx.t('volunteering:signup.areas', { list: legend.join('\n') }),
    areas,
    p.areaIds,
    toggleArea,
    0,
    {
      numbered: true,
      cols: 1,
    },
  );
  await save(conversation, ctx, citizenId, { areaIds });
  return { ...p, directions, areaIds };
}

async function askSkills(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  await ctx.reply(ctx.t('volunteering:signup.skills', { max: SKILLS_MAX }), {
    reply_markup: new InlineKeyboard().text(ctx.t('volunteering:signup.skip'), skipSkills.encode()),
  });
  const answer = await typedOrPressed(conversation, ctx, (skills) => save(conversation, ctx, citizenId, { skills }), skipSkills);
  const skills = 'text' in answer ? answer.text : '';
  if ('pressed' in answer) await save(conversation, ctx, citizenId, { skills });
  return { ...p, skills };
}

async function askAvailability(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  await ctx.reply(ctx.t('volunteering:signup.availability'), {
    reply_markup: grid(
      AVAILABILITIES.map((a) => pickAvailability.offer(ctx.t(`volunteering:availability.${a}`), { availability: a })),
      1,
    ),
  });
  const { ctx: pressed, value } = await waitForButton(conversation, pickAvailability);
  await pressed.editMessageReplyMarkup().catch(() => {});
  const availability = AVAILABILITIES.find((a) => a === value.availability) ?? 'seasonal_when_needed';
  await save(conversation, ctx, citizenId, { availability });
  return { ...p, availability };
}

async function askBirthYear(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const range = await conversation.external(() => birthYearRange(ctx.services.now()));
  await ctx.reply(ctx.t('volunteering:signup.birth_year', range), { reply_markup: mainMenu(ctx) });
  const answer = await typedOrPressed(conversation, ctx, async (text) =>
    /^\d{4}$/.test(text) ? save(conversation, ctx, citizenId, { birthYear: Number(text) }) : ctx.t('volunteering:signup.birth_year_format', range),
  );
  return { ...p, birthYear: Number('text' in answer ? answer.text : p.birthYear) };
}

const ASK: Record<Step, (conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView) => Promise<ProfileView>> = {
  name: (conversation, ctx, citizenId, p) => askName(conversation, ctx, citizenId, p, null),
  phone: askPhone,
  region: askRegion,
  directions: askDirections,
  skills: askSkills,
  availability: askAvailability,
  birthYear: askBirthYear,
};

async function showSummary(conversation: Flow, ctx: FlowContext, p: ProfileView): Promise<string> {
  const { place, areaNames } = await conversation.external(async () => {
    const { regions, areas } = await ctx.services.reference.get();
    const region = regions.find((r) => r.id === p.regionId);
    const district = region?.districts.find((d) => d.id === p.districtId);
    return {
      place: [region && localName(region, ctx.locale), district ? localName(district, ctx.locale) : ctx.t('volunteering:signup.district_any_short')]
        .filter(Boolean)
        .join(', '),
      areaNames: p.areaIds.flatMap((id) => areas.filter((a) => a.id === id).map((a) => `${a.id}. ${localName(a, ctx.locale)}`)),
    };
  });
  const none = ctx.t('volunteering:mydata.none');
  const text = ctx.t('volunteering:signup.summary', {
    name: esc(p.name ?? none),
    phone: p.phone ?? none,
    place: esc(place),
    directions: p.directions.map((d) => ctx.t(`volunteering:directions.${d}`)).join(', '),
    areas: p.areaIds.length ? esc(areaNames.join('; ')) : none,
    skills: esc(p.skills || none),
    availability: p.availability ? ctx.t(`volunteering:availability.${p.availability}`) : none,
    birthYear: p.birthYear ?? none,
  });
  const kb = InlineKeyboard.from([
    [InlineKeyboard.text(ctx.t(p.signedUp ? 'volunteering:signup.save_changes' : 'volunteering:signup.save'), signupSummaryChoice.encode({ choice: 'save' }))],
    ...grid(STEPS.map((s) => signupSummaryChoice.offer(ctx.t(`volunteering:signup.edit.${s}`), { choice: s }))).inline_keyboard,
  ]);
  await ctx.reply(text, { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, signupSummaryChoice);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return value.choice;
}

export async function volunteerSignupConversation(conversation: Flow, ctx: FlowContext): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const loaded = await load(conversation, ctx, citizenId);
  let profile = loaded.profile;
  if (!profile.signedUp && missing(profile) === 'name') await ctx.reply(ctx.t('volunteering:signup.intro'), { parse_mode: 'HTML' });
  for (let step = missing(profile); step; step = missing(profile)) {
    profile =
      step === 'name' ? await askName(conversation, ctx, citizenId, profile, loaded.citizenName) : await ASK[step](conversation, ctx, citizenId, profile);
  }
  for (;;) {
    const choice = await showSummary(conversation, ctx, profile);
    if (choice !== 'save') {
      if ((STEPS as readonly string[]).includes(choice)) profile = await ASK[choice as Step](conversation, ctx, citizenId, profile);
      continue;
    }
    const outcome = await conversation.external(() => attempt(async () => void (await ctx.services.volunteering.profiles.complete(citizenId))));
    if (!outcome.ok) {
      await ctx.reply(errorText(ctx, outcome));
      continue;
    }
    const kb = new InlineKeyboard().text(ctx.t('volunteering:home.opportunities'), opportunitiesPage.encode({ offset: 0 }));
    await ctx.reply(ctx.t(profile.signedUp ? 'volunteering:signup.updated' : 'volunteering:signup.done_text'), { parse_mode: 'HTML', reply_markup: kb });
    await ctx.reply(ctx.t('common:menu_prompt'), { reply_markup: mainMenu(ctx) });
    return;
  }
}
