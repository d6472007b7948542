// The grant report's three profile questions (gender, birth year, social status), each with "prefer not
// to say", asked once: when a citizen first joins a project or answers a poll. Every answer is saved at
// once, so /cancel keeps what was given and a later call asks only what is still open. From /mydata the
// citizen can answer them again (the 'profile-edit' flow).
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { birthYearRange, type ProfileAnswerPatch, type ProfileAnswers } from '../../core/citizens/profile.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import { attempt, choiceLabels, errorText, waitForButton, withLegend, type Flow } from '../flow-kit.ts';
import { anyButton } from '../../core/offers/button.ts';
import { pickGender, pickSocialStatus, skipProfileQuestion } from './buttons.ts';

async function save(conversation: Flow, ctx: FlowContext, citizenId: number, patch: ProfileAnswerPatch): Promise<string | null> {
  const outcome = await conversation.external(() => attempt(() => ctx.services.citizens.profile.save(citizenId, patch)));
  return outcome.ok ? null : errorText(ctx, outcome);
}

async function askGender(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<void> {
  const kb = new InlineKeyboard()
    .text(ctx.t('citizens:profile.gender.male'), pickGender.encode({ gender: 'male' }))
    .text(ctx.t('citizens:profile.gender.female'), pickGender.encode({ gender: 'female' }))
    .row()
    .text(ctx.t('citizens:profile.skip'), pickGender.encode({ gender: 'unstated' }));
  await ctx.reply(ctx.t('citizens:profile.gender.question'), { reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, pickGender);
  await pressed.editMessageReplyMarkup().catch(() => {});
  const refused = await save(conversation, ctx, citizenId, { gender: value.gender });
  if (refused) await pressed.reply(refused);
}

async function askBirthYear(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<void> {
  const { min, max } = await conversation.external(() => birthYearRange(ctx.services.now()));
  const kb = new InlineKeyboard().text(ctx.t('citizens:profile.skip'), skipProfileQuestion.encode());
  await ctx.reply(ctx.t('citizens:profile.birth_year.question'), { reply_markup: kb });
  for (;;) {
    const c = await conversation.wait();
    if (skipProfileQuestion.decode(c.callbackQuery?.data ?? '')) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup().catch(() => {});
      return;
    }
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const text = c.message?.text?.trim() ?? '';
    const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
    if (!(year >= min && year <= max)) {
      await c.reply(ctx.t('citizens:profile.birth_year.invalid', { min, max }), { reply_markup: kb });
      continue;
    }
    const refused = await save(conversation, ctx, citizenId, { birthYear: year });
    if (!refused) return;
    await c.reply(refused, { reply_markup: kb });
  }
}

async function askSocialStatus(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<void> {
  const kb = new InlineKeyboard();
  const { labels, legend } = choiceLabels(socialStatuses.map((s) => localName(s, ctx.locale)));
  socialStatuses.forEach((s, i) => kb.text(labels[i]!, pickSocialStatus.encode({ code: s.code })).row());
  kb.text(ctx.t('citizens:profile.skip'), skipProfileQuestion.encode());
  await ctx.reply(withLegend(ctx.t('citizens:profile.social_status.question'), legend), { reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, anyButton(pickSocialStatus, skipProfileQuestion));
  await pressed.editMessageReplyMarkup().catch(() => {});
  const refused = 'code' in value ? await save(conversation, ctx, citizenId, { socialStatus: value.code }) : null;
  if (refused) await pressed.reply(refused);
}

/**
 * Asks the questions still open. `again`: the citizen chose to change their answers, so all three are
 * asked whatever was answered before.
 */
async function runProfile(conversation: Flow, ctx: FlowContext, again: boolean): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const p: ProfileAnswers = await conversation.external(() => ctx.services.citizens.profile.answers(citizenId));
  if (p.askedAt && !again) return;
  await ctx.reply(ctx.t(again ? 'citizens:profile.intro_again' : 'citizens:profile.intro'), { parse_mode: 'HTML' });
  if (again || p.gender == null) await askGender(conversation, ctx, citizenId);
  if (again || p.birthYear == null) await askBirthYear(conversation, ctx, citizenId);
  if (again || p.socialStatus == null) await askSocialStatus(conversation, ctx, citizenId);
  // a refusal is shown, never swallowed: the citizen must not believe a lost answer was kept
  const refused = await save(conversation, ctx, citizenId, { done: true });
  await ctx.reply(refused ?? ctx.t('citizens:profile.thanks'));
}

/** Inside another conversation: asks the profile questions if this citizen was never asked. */
export async function askProfile(conversation: Flow, ctx: FlowContext): Promise<void> {
  await runProfile(conversation, ctx, false);
}

/** The 'profile-edit' flow, opened from /mydata. */
export async function profileEditConversation(conversation: Flow, ctx: FlowContext): Promise<void> {
  await runProfile(conversation, ctx, true);
}
