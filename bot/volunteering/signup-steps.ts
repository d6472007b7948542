// The steps of the volunteer sign-up (volunteer-signup.ts), one per answer, each saved to the profile at
// once: name, phone (a contact share of one's own account only), region and district, directions and
// areas, skills, availability, birth year.
import { InlineKeyboard, Keyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { ProfileFields } from '../../core/volunteering/volunteer-profile.ts';
import { AVAILABILITIES, birthYearRange, DIRECTIONS, NAME_MAX, SKILLS_MAX } from '../../core/volunteering/volunteer-rules.ts';
import type { VolunteerAvailability, VolunteerDirection } from '../../generated/prisma/enums.ts';
import { askOnce, attempt, errorText, fitTitle, withLegend, type Flow, nextMessage } from '../flow-kit.ts';
import { chooseDistrict, chooseRegion } from '../place-steps.ts';
import type { ButtonReader } from '../../core/offers/button.ts';
import { regionChoices } from '../reports/report-choices.ts';
import { grid } from '../telegram/keyboard.ts';
import { pickAvailability, signupDistrict, signupRegion, skipSkills, toggleArea, toggleDirection, useOfferedName } from './buttons.ts';
import { typedOrPressed } from '../typed-answer.ts';
import { pickMany } from './pick-many.ts';

/** The profile as the conversation keeps it: plain data, since `external` results are stored. */
export interface ProfileView {
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

export const STEPS = ['name', 'phone', 'region', 'directions', 'skills', 'availability', 'birthYear'] as const;
export type Step = (typeof STEPS)[number];

export function missing(p: ProfileView): Step | null {
  if (!p.name) return 'name';
  if (!p.phone) return 'phone';
  if (p.regionId == null) return 'region';
  if (p.directions.length === 0) return 'directions';
  if (p.skills == null) return 'skills';
  if (!p.availability) return 'availability';
  if (p.birthYear == null) return 'birthYear';
  return null;
}

/** Saves answers; a refusal (too long, a year out of range) comes back as the text to show. */
async function save(conversation: Flow, ctx: FlowContext, citizenId: number, patch: Partial<ProfileFields>): Promise<string | null> {
  const outcome = await conversation.external(() => attempt(async () => void (await ctx.services.volunteering.profiles.save(citizenId, patch))));
  return outcome.ok ? null : errorText(ctx, outcome);
}

/** A typed answer that `accept` saves (or refuses with the reason), or a press of `button`. */
const typed = (conversation: Flow, ctx: FlowContext, accept: (text: string) => Promise<string | null>, button?: ButtonReader<unknown>) =>
  typedOrPressed(conversation, ctx, { expected: ctx.t('volunteering:signup.text_expected'), check: accept, button });

export async function askName(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView, suggested: string | null): Promise<ProfileView> {
  const offer = p.name ?? suggested;
  const kb = offer
    ? new InlineKeyboard().text(
        fitTitle((name) => ctx.t('volunteering:signup.name_use', { name }), offer),
        useOfferedName.encode(),
      )
    : undefined;
  await ctx.reply(ctx.t('volunteering:signup.name', { max: NAME_MAX }), { reply_markup: kb ?? mainMenu(ctx) });
  const answer = await typed(conversation, ctx, (name) => save(conversation, ctx, citizenId, { name }), useOfferedName);
  const name = 'text' in answer ? answer.text : offer!;
  if ('pressed' in answer) await save(conversation, ctx, citizenId, { name });
  return { ...p, name };
}

/** Only a contact whose user_id is the sender's own counts: that is what makes the number verified. */
async function askPhone(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const keyboard = new Keyboard().requestContact(ctx.t('volunteering:signup.phone_button')).resized().oneTime();
  await ctx.reply(ctx.t('volunteering:signup.phone'), { reply_markup: keyboard });
  for (;;) {
    const c = await nextMessage(conversation, ctx);
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
  const region = await chooseRegion(conversation, ctx, regions, p.regionId ?? savedRegionId, ctx.t('volunteering:signup.region'), signupRegion);
  const districtId = await chooseDistrict(conversation, ctx, region, ctx.t('volunteering:signup.district', { region: region.name }), signupDistrict, {
    label: ctx.t('volunteering:signup.district_any'),
    value: 'any',
  });
  await save(conversation, ctx, citizenId, { regionId: region.id, districtId });
  return { ...p, regionId: region.id, districtId };
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
  const answer = await typed(conversation, ctx, (skills) => save(conversation, ctx, citizenId, { skills }), skipSkills);
  const skills = 'text' in answer ? answer.text : '';
  if ('pressed' in answer) await save(conversation, ctx, citizenId, { skills });
  return { ...p, skills };
}

async function askAvailability(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const kb = grid(
    AVAILABILITIES.map((a) => pickAvailability.offer(ctx.t(`volunteering:availability.${a}`), { availability: a })),
    1,
  );
  const { value } = await askOnce(conversation, ctx, ctx.t('volunteering:signup.availability'), kb, pickAvailability);
  const availability = AVAILABILITIES.find((a) => a === value.availability) ?? 'seasonal_when_needed';
  await save(conversation, ctx, citizenId, { availability });
  return { ...p, availability };
}

async function askBirthYear(conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView): Promise<ProfileView> {
  const range = await conversation.external(() => birthYearRange(ctx.services.now()));
  await ctx.reply(ctx.t('volunteering:signup.birth_year', range), { reply_markup: mainMenu(ctx) });
  const answer = await typed(conversation, ctx, async (text) =>
    /^\d{4}$/.test(text) ? save(conversation, ctx, citizenId, { birthYear: Number(text) }) : ctx.t('volunteering:signup.birth_year_format', range),
  );
  return { ...p, birthYear: Number('text' in answer ? answer.text : p.birthYear) };
}

export const ASK: Record<Step, (conversation: Flow, ctx: FlowContext, citizenId: number, p: ProfileView) => Promise<ProfileView>> = {
  name: (conversation, ctx, citizenId, p) => askName(conversation, ctx, citizenId, p, null),
  phone: askPhone,
  region: askRegion,
  directions: askDirections,
  skills: askSkills,
  availability: askAvailability,
  birthYear: askBirthYear,
};
