// The citizen's stories of change under /mydata: one message per story with its consent to publish, buttons to
// change it (to "not to publish" takes a published story off the portal) and to withdraw the story, which
// erases what it said (after a second press). Core checks that the story is the citizen's own.
import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import { formatLocalDate } from '../../core/calendar/local-time.ts';
import type { ChangeStory } from '../../generated/prisma/client.ts';
import { clip, esc, onButton } from '../flow-kit.ts';
import { myStoryConsent, myStoryWithdraw, STORY_CONSENTS } from './buttons.ts';
import { consentLabel } from './story-flow.ts';

type MyStory = ChangeStory & { project: { nameKk: string; nameRu: string } };

function storyText(ctx: BotContext, s: MyStory, n: number): string {
  return ctx.t('impact-bot:mine.item', {
    n,
    project: esc(ctx.locale === 'kk' ? s.project.nameKk : s.project.nameRu),
    date: s.submittedAt ? formatLocalDate(s.submittedAt) : '—',
    preview: s.voiceFileId ? ctx.t('impact-bot:mine.voice') : esc(clip(s.text ?? '', 200)),
    consent: consentLabel(ctx, s.consent, s.publicName),
    published: s.publishedAt ? ctx.t('impact-bot:mine.published') : '',
  });
}

function storyKeyboard(ctx: BotContext, s: MyStory): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const c of STORY_CONSENTS)
    if (c !== s.consent) kb.text(ctx.t(`impact-bot:flow.consent_${c}`), myStoryConsent.encode({ storyId: s.id, consent: c })).row();
  return kb.text(ctx.t('impact-bot:mine.withdraw'), myStoryWithdraw.encode({ storyId: s.id, sure: 'ask' }));
}

/** Shown after /mydata's summary; nothing when the citizen never sent a story. */
export async function showMyStories(ctx: BotContext): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const stories = await ctx.services.impact.stories.mine(citizenId);
  if (stories.length === 0) return;
  await ctx.reply(ctx.t('impact-bot:mine.title'), { parse_mode: 'HTML' });
  for (const [i, s] of stories.entries()) await ctx.reply(storyText(ctx, s, i + 1), { parse_mode: 'HTML', reply_markup: storyKeyboard(ctx, s) });
}

/** Handlers of the buttons under each story (registered on the impact feature's composer). */
export const myStoryHandlers = {
  async consent(ctx: BotContext & { callbackQuery: { data: string } }): Promise<void> {
    const v = myStoryConsent.decode(ctx.callbackQuery.data)!;
    const { stories } = ctx.services.impact;
    let changed: MyStory | undefined;
    await onButton(ctx, async (citizenId) => {
      // A named publication keeps the name given before, else takes the profile's.
      const mine = (await stories.mine(citizenId)).find((x) => x.id === v.storyId);
      const name = v.consent === 'named' ? (mine?.publicName ?? ctx.citizen?.name ?? null) : null;
      await stories.changeConsent(citizenId, v.storyId, v.consent, name);
      changed = (await stories.mine(citizenId)).find((x) => x.id === v.storyId);
    });
    const s = changed;
    if (!s) return;
    const n = Number(/^(\d+)\./.exec(ctx.callbackQuery.message?.text ?? '')?.[1] ?? 1);
    await ctx.editMessageText(storyText(ctx, s, n), { parse_mode: 'HTML', reply_markup: storyKeyboard(ctx, s) }).catch(() => {});
    await ctx.reply(ctx.t('impact-bot:mine.consent_saved', { consent: consentLabel(ctx, s.consent, s.publicName) }), { parse_mode: 'HTML' });
  },

  async withdraw(ctx: BotContext & { callbackQuery: { data: string } }): Promise<void> {
    const v = myStoryWithdraw.decode(ctx.callbackQuery.data)!;
    if (v.sure === 'ask') {
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.t('impact-bot:mine.withdraw_confirm'), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t('impact-bot:mine.withdraw_yes'), myStoryWithdraw.encode({ storyId: v.storyId, sure: 'yes' }))
          .row()
          .text(ctx.t('impact-bot:mine.withdraw_no'), myStoryWithdraw.encode({ storyId: v.storyId, sure: 'no' })),
      });
      return;
    }
    if (v.sure === 'no') {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('impact-bot:mine.kept')).catch(() => {});
      return;
    }
    let done = false;
    await onButton(ctx, async (citizenId) => {
      await ctx.services.impact.stories.withdraw(citizenId, v.storyId);
      done = true;
    });
    if (done) await ctx.editMessageText(ctx.t('impact-bot:mine.withdrawn_done')).catch(() => {});
  },
};
