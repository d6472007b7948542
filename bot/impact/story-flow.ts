// A story of change (Most Significant Change, seed 000): the beneficiary tells, in their own words or by voice,
// the most significant change the project brought them; then, if they wish, why it matters; then whether it may
// be published (without a name, with a name they give, or not at all); a summary to send or change. Each answer
// is saved to the story's draft at once (core), so /cancel, the menu or a restart lose nothing and the next entry
// (the call's button or its link) continues where they stopped. One story per call and citizen.
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { askProfile } from '../citizens/profile.ts';
import { askOnce, attempt, clip, errorText, esc, fitTitle, type Flow } from '../flow-kit.ts';
import { typedOrPressed } from '../typed-answer.ts';
import type { ChangeStory } from '../../generated/prisma/client.ts';
import type { StoryConsent } from '../../generated/prisma/enums.ts';
import type { CallForCitizen } from '../../core/impact/stories.ts';
import { PUBLIC_NAME_MAX, STORY_TEXT_MAX, STORY_TEXT_MIN, VOICE_MAX_BYTES, VOICE_MAX_SECONDS, WHY_MAX } from '../../core/impact/story-rules.ts';
import { STORY_CONSENTS, storyConfirm, storyConsent, storyProfileName, storySkipWhy } from './buttons.ts';

export const STORY_FLOW = 'impact-story';

/** What the conversation keeps of the draft: plain data, as its log stores what `external` returns. */
interface StoryDraftView {
  storyId: number;
  projectKk: string;
  projectRu: string;
  promptKk: string;
  promptRu: string;
  hasStory: boolean;
  text: string | null;
  voiceSeconds: number | null;
  /** the "why" was answered; a skipped one is known to be done once the consent that follows it is given */
  whyDone: boolean;
  whyText: string | null;
  consent: StoryConsent | null;
  publicName: string | null;
}

type Frame = Pick<StoryDraftView, 'projectKk' | 'projectRu' | 'promptKk' | 'promptRu'>;

const frameOf = (c: CallForCitizen): Frame => ({
  projectKk: c.project.nameKk,
  projectRu: c.project.nameRu,
  promptKk: c.call.promptKk,
  promptRu: c.call.promptRu,
});

function viewOf(s: ChangeStory, f: Frame): StoryDraftView {
  return {
    storyId: s.id,
    projectKk: f.projectKk,
    projectRu: f.projectRu,
    promptKk: f.promptKk,
    promptRu: f.promptRu,
    hasStory: !!s.text || !!s.voiceFileId,
    text: s.text,
    voiceSeconds: s.voiceFileId ? s.voiceSeconds : null,
    whyDone: s.whyText !== null || s.consent !== null,
    whyText: s.whyText,
    consent: s.consent,
    publicName: s.publicName,
  };
}

/** The answer to anything typed where buttons are offered. */
const useButtons = (ctx: FlowContext) => (x: FlowContext) => x.reply(ctx.t('impact-bot:flow.use_buttons'));

type Saved = { ok: true; draft: StoryDraftView } | { ok: false };

/** Runs one save in `external`; a refusal (the call closed meanwhile, the story already sent) ends the flow. */
async function save(conversation: Flow, ctx: FlowContext, d: StoryDraftView, run: () => Promise<ChangeStory>): Promise<Saved> {
  const o = await conversation.external(() => attempt(async () => viewOf(await run(), d)));
  if (o.ok) return { ok: true, draft: o.value };
  await ctx.reply(errorText(ctx, o), { reply_markup: mainMenu(ctx) });
  return { ok: false };
}

/** The story itself: a text of 20–3000 characters or a voice message of at most 3 minutes. */
async function askStory(conversation: Flow, ctx: FlowContext, citizenId: number, d: StoryDraftView): Promise<Saved> {
  const kk = ctx.locale === 'kk';
  const callPrompt = (kk ? d.promptKk : d.promptRu).trim();
  const lines = [ctx.t('impact-bot:flow.prompt', { project: esc(kk ? d.projectKk : d.projectRu) })];
  if (callPrompt) lines.push('', ctx.t('impact-bot:flow.call_prompt', { prompt: esc(callPrompt) }));
  await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' });
  const { stories } = ctx.services.impact;
  for (;;) {
    const c = await conversation.wait();
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const voice = c.message?.voice;
    if (voice) {
      if (voice.duration > VOICE_MAX_SECONDS) {
        await c.reply(ctx.t('impact-bot:flow.voice_too_long', { max: VOICE_MAX_SECONDS / 60 }));
        continue;
      }
      if ((voice.file_size ?? 0) > VOICE_MAX_BYTES) {
        await c.reply(ctx.t('impact-bot:flow.voice_too_big', { max: VOICE_MAX_BYTES / 1024 / 1024 }));
        continue;
      }
      const v = { fileId: voice.file_id, uniqueId: voice.file_unique_id, seconds: voice.duration, size: voice.file_size ?? null };
      return save(conversation, ctx, d, () => stories.saveVoice(citizenId, d.storyId, v));
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(ctx.t('impact-bot:flow.text_or_voice'));
      continue;
    }
    // The same limits as core's (story-rules.ts), told here in the flow's own words.
    if (text.length < STORY_TEXT_MIN) {
      await c.reply(ctx.t('impact-bot:flow.too_short', { min: STORY_TEXT_MIN }));
      continue;
    }
    if (text.length > STORY_TEXT_MAX) {
      await c.reply(ctx.t('impact-bot:flow.too_long', { max: STORY_TEXT_MAX }));
      continue;
    }
    return save(conversation, ctx, d, () => stories.saveText(citizenId, d.storyId, text));
  }
}

/** MSC's second question, optional. */
async function askWhy(conversation: Flow, ctx: FlowContext, citizenId: number, d: StoryDraftView): Promise<Saved> {
  await ctx.reply(`${ctx.t('impact-bot:flow.why')}\n<i>${ctx.t('impact-bot:flow.why_hint')}</i>`, {
    parse_mode: 'HTML',
    reply_markup: new InlineKeyboard().text(ctx.t('impact-bot:flow.skip'), storySkipWhy.encode()),
  });
  const answer = await typedOrPressed(conversation, ctx, {
    expected: ctx.t('impact-bot:flow.why'),
    check: (text) => (text.length > WHY_MAX ? ctx.t('impact-bot:flow.too_long', { max: WHY_MAX }) : null),
    button: storySkipWhy,
  });
  const why = 'text' in answer ? answer.text : null;
  return save(conversation, ctx, d, () => ctx.services.impact.stories.saveWhy(citizenId, d.storyId, why));
}

/** Consent to publish; "with my name" asks which name (the profile's as a button). */
async function askConsent(conversation: Flow, ctx: FlowContext, citizenId: number, d: StoryDraftView, profile: string | null): Promise<Saved> {
  const kb = InlineKeyboard.from(STORY_CONSENTS.map((c) => [InlineKeyboard.text(ctx.t(`impact-bot:flow.consent_${c}`), storyConsent.encode({ consent: c }))]));
  const { value } = await askOnce(conversation, ctx, ctx.t('impact-bot:flow.consent'), kb, storyConsent, { hint: useButtons(ctx) });
  const consent: StoryConsent = value.consent;
  let publicName: string | null = null;
  if (consent === 'named') {
    await ctx.reply(`${ctx.t('impact-bot:flow.name')}\n<i>${ctx.t('impact-bot:flow.name_hint')}</i>`, {
      parse_mode: 'HTML',
      ...(profile
        ? {
            reply_markup: new InlineKeyboard().text(
              fitTitle((s) => `👤 ${s}`, profile),
              storyProfileName.encode(),
            ),
          }
        : {}),
    });
    const answer = await typedOrPressed(conversation, ctx, {
      expected: ctx.t('impact-bot:flow.name'),
      check: (text) => (text.length > PUBLIC_NAME_MAX ? ctx.t('impact-bot:flow.name_too_long', { max: PUBLIC_NAME_MAX }) : null),
      ...(profile ? { button: storyProfileName } : {}),
    });
    publicName = 'text' in answer ? answer.text : profile;
  }
  return save(conversation, ctx, d, () => ctx.services.impact.stories.saveConsent(citizenId, d.storyId, consent, publicName));
}

export function consentLabel(ctx: { t: FlowContext['t'] }, consent: StoryConsent | null, name: string | null): string {
  if (!consent) return ctx.t('impact-bot:consent.none');
  return consent === 'named' ? ctx.t('impact-bot:consent.named', { name: esc(name ?? '') }) : ctx.t(`impact-bot:consent.${consent}`);
}

/** The summary and "send?"; true to send, false to change the answers. */
async function confirm(conversation: Flow, ctx: FlowContext, d: StoryDraftView): Promise<boolean> {
  const summary = [
    d.voiceSeconds != null
      ? ctx.t('impact-bot:flow.summary_voice', { seconds: d.voiceSeconds })
      : ctx.t('impact-bot:flow.summary_text', { text: esc(clip(d.text ?? '', 1500)) }),
    d.whyText ? ctx.t('impact-bot:flow.summary_why', { why: esc(clip(d.whyText, 800)) }) : ctx.t('impact-bot:flow.summary_why_none'),
    ctx.t('impact-bot:flow.summary_consent', { consent: consentLabel(ctx, d.consent, d.publicName) }),
  ].join('\n');
  const kb = new InlineKeyboard()
    .text(ctx.t('impact-bot:flow.send'), storyConfirm.encode({ choice: 'send' }))
    .text(ctx.t('impact-bot:flow.edit'), storyConfirm.encode({ choice: 'edit' }));
  const { value } = await askOnce(conversation, ctx, ctx.t('impact-bot:flow.confirm', { summary }), kb, storyConfirm, { html: true, hint: useButtons(ctx) });
  return value.choice === 'send';
}

export async function impactStoryConversation(conversation: Flow, ctx: FlowContext, callId: number, viaLink: boolean): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const { stories } = ctx.services.impact;
  // The link makes a follower a beneficiary of the project (core), as a poll's link does.
  const begun = await conversation.external(() =>
    attempt(async () => {
      const r = await stories.start(citizenId, callId, ctx.locale);
      const profile = (await ctx.services.citizens.nameOf(citizenId))?.trim() || null;
      return { draft: viewOf(r.story, frameOf(r)), resumed: r.resumed, profile };
    }),
  );
  if (!begun.ok) {
    await ctx.reply(errorText(ctx, begun), { reply_markup: mainMenu(ctx) });
    return;
  }
  let d = begun.value.draft;
  const { profile } = begun.value;
  // Asked once per citizen, as for polls: a no-op for whoever answered (or skipped) before.
  if (viaLink) await askProfile(conversation, ctx);
  if (begun.value.resumed) await ctx.reply(ctx.t('impact-bot:flow.resume'), { reply_markup: mainMenu(ctx) });
  // "Change" on the summary asks every question again, each answer saved over the one before.
  for (let editing = false; ; editing = true) {
    if (editing || !d.hasStory) {
      const saved = await askStory(conversation, ctx, citizenId, d);
      if (!saved.ok) return;
      d = saved.draft;
    }
    if (editing || !d.whyDone) {
      const saved = await askWhy(conversation, ctx, citizenId, d);
      if (!saved.ok) return;
      d = saved.draft;
    }
    if (editing || d.consent === null) {
      const saved = await askConsent(conversation, ctx, citizenId, d, profile);
      if (!saved.ok) return;
      d = saved.draft;
    }
    if (await confirm(conversation, ctx, d)) break;
  }
  const sent = await conversation.external(() => attempt(async () => void (await stories.submit(citizenId, d.storyId))));
  await ctx.reply(sent.ok ? ctx.t('impact-bot:flow.thanks') : errorText(ctx, sent), { reply_markup: mainMenu(ctx) });
}
