// Becoming a volunteer: name → phone (a contact share of one's own account only) → region and district
// → directions and areas → skills → availability → birth year → a summary where any answer can be
// changed. Each answer is saved to the profile at once (signup-steps.ts), so bad input, /cancel or a
// restart lose nothing and the next visit asks only what is missing; editing a finished profile opens
// the summary.
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { attempt, errorText, esc, waitForButton, type Flow } from '../flow-kit.ts';
import { grid } from '../telegram/keyboard.ts';
import { opportunitiesPage, signupSummaryChoice } from './buttons.ts';
import { ASK, askName, missing, STEPS, type ProfileView, type Step } from './signup-steps.ts';

function load(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<{ profile: ProfileView; citizenName: string | null }> {
  return conversation.external(async () => {
    const [v, citizenName] = await Promise.all([ctx.services.volunteering.profiles.get(citizenId), ctx.services.citizens.nameOf(citizenId)]);
    return {
      citizenName,
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
