// The "comment or proposal" conversation on a topic: text (10–3000 characters) → the author's name as the
// Annex 2 report will show it (the profile's name offered) → an organisation, if they write for one →
// support, object or neither → summary (change anything) → sent. Each answer goes into the citizen's draft
// at once, so bad input, /cancel or a restart lose nothing; the end of the discussion is checked on sending.
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDateTime } from '../../core/calendar/local-time.ts';
import type { CommentDraft } from '../../core/discussions/discussion-drafts.ts';
import {
  AUTHOR_NAME_MAX,
  AUTHOR_NAME_MIN,
  COMMENT_MAX,
  COMMENT_MIN,
  MIN_DISCUSSION_WORKING_DAYS,
  ORGANISATION_MAX,
} from '../../core/discussions/discussion-rules.ts';
import { inLocale } from '../../core/discussions/topic-text.ts';
import type { CommentStance } from '../../generated/prisma/enums.ts';
import { attempt, clip, errorText, esc, fitTitle, waitForButton, type Flow, offerDraft } from '../flow-kit.ts';
import type { ButtonReader } from '../../core/offers/button.ts';
import { typedOrPressed } from '../typed-answer.ts';
import { commentDraftChoice, commentSummaryChoice, nameFromProfile, noOrganisation, pickStance } from './buttons.ts';

type Draft = Pick<CommentDraft, 'text' | 'authorName' | 'organisation'>;
type Stance = CommentStance | 'none';
const EMPTY: Draft = { text: null, authorName: null, organisation: null };
const STANCES: Stance[] = ['support', 'object', 'none'];

/** A typed text of `min`..`max` characters, re-asked with the reason; `button` may answer instead. */
function askText(conversation: Flow, ctx: FlowContext, key: 'text' | 'name' | 'org', min: number, max: number, button?: ButtonReader<unknown>) {
  return typedOrPressed(conversation, ctx, {
    expected: ctx.t(`discussions:comment.${key}_expected`),
    check: ({ length: len }) =>
      len < min ? ctx.t(`discussions:comment.${key}_short`, { len, min }) : len > max ? ctx.t(`discussions:comment.${key}_long`, { len, max }) : null,
    button,
  });
}

export async function topicCommentConversation(conversation: Flow, ctx: FlowContext, topicId: number): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const t = ctx.t;
  const opened = await conversation.external(() =>
    attempt(async () => {
      const d = await ctx.services.discussions.citizen.topic(citizenId, topicId, 0);
      const profileName = await ctx.services.citizens.nameOf(citizenId);
      const draft = await ctx.services.discussions.citizen.getDraft(citizenId);
      return {
        title: inLocale(d.topic, 'title', ctx.locale),
        end: formatLocalDateTime(d.topic.endsAt!),
        accepting: d.accepting,
        profileName,
        draft:
          draft && draft.topicId === topicId
            ? { text: draft.text, authorName: draft.authorName, organisation: draft.organisation, updatedAt: formatLocalDateTime(draft.updatedAt) }
            : null,
      };
    }),
  );
  if (!opened.ok) {
    await ctx.reply(errorText(ctx, opened), { reply_markup: mainMenu(ctx) });
    return;
  }
  const topic = opened.value;
  if (!topic.accepting) {
    await ctx.reply(t('errors:discussion.closed', { end: topic.end, days: MIN_DISCUSSION_WORKING_DAYS }), { reply_markup: mainMenu(ctx) });
    return;
  }
  const save = async (draft: Draft, patch: Partial<Draft>): Promise<Draft> => {
    await conversation.external(() => ctx.services.discussions.citizen.saveDraft(citizenId, topicId, patch));
    return { ...draft, ...patch };
  };

  let draft: Draft = EMPTY;
  if (topic.draft?.text) {
    const found = t('discussions:comment.draft_found', { date: topic.draft.updatedAt });
    const go = await offerDraft(conversation, ctx, commentDraftChoice, {
      found,
      go: t('discussions:comment.continue'),
      restart: t('discussions:comment.restart'),
    });
    draft = go ? topic.draft : await save(EMPTY, EMPTY);
  }

  const steps = {
    async text(d: Draft): Promise<Draft> {
      await ctx.reply(t('discussions:comment.ask_text', { title: esc(clip(topic.title, 300)), min: COMMENT_MIN, max: COMMENT_MAX, end: topic.end }), {
        parse_mode: 'HTML',
        reply_markup: mainMenu(ctx),
      });
      const a = await askText(conversation, ctx, 'text', COMMENT_MIN, COMMENT_MAX);
      return save(d, { text: 'text' in a ? a.text : d.text });
    },
    async name(d: Draft): Promise<Draft> {
      const kb = topic.profileName
        ? new InlineKeyboard().text(
            fitTitle((name) => t('discussions:comment.name_profile', { name }), topic.profileName),
            nameFromProfile.encode(),
          )
        : undefined;
      await ctx.reply(t('discussions:comment.ask_name'), kb ? { reply_markup: kb } : {});
      const a = await askText(conversation, ctx, 'name', AUTHOR_NAME_MIN, AUTHOR_NAME_MAX, nameFromProfile);
      return save(d, { authorName: 'text' in a ? a.text : topic.profileName!.slice(0, AUTHOR_NAME_MAX) });
    },
    async org(d: Draft): Promise<Draft> {
      await ctx.reply(t('discussions:comment.ask_org'), {
        reply_markup: new InlineKeyboard().text(t('discussions:comment.org_none'), noOrganisation.encode()),
      });
      const a = await askText(conversation, ctx, 'org', 2, ORGANISATION_MAX, noOrganisation);
      return save(d, { organisation: 'text' in a ? a.text : '' });
    },
  };
  const missing = (d: Draft): keyof typeof steps | null => (!d.text ? 'text' : !d.authorName ? 'name' : d.organisation === null ? 'org' : null);

  async function askStance(): Promise<Stance> {
    const kb = new InlineKeyboard();
    for (const stance of STANCES) kb.text(t(`discussions:stance.${stance}`), pickStance.encode({ stance }));
    await ctx.reply(t('discussions:comment.ask_stance'), { reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, pickStance);
    await pressed.editMessageReplyMarkup().catch(() => {});
    return value.stance;
  }

  for (let step = missing(draft); step; step = missing(draft)) draft = await steps[step](draft);
  let stance = await askStance();
  for (;;) {
    const summary = t('discussions:comment.summary', {
      title: esc(clip(topic.title, 300)),
      text: esc(clip(draft.text!, 1500)),
      author: esc(draft.organisation ? `${draft.authorName} (${draft.organisation})` : draft.authorName!),
      stance: t(`discussions:stance.${stance}`),
    });
    const kb = InlineKeyboard.from([
      [InlineKeyboard.text(t('discussions:comment.send'), commentSummaryChoice.encode({ choice: 'send' }))],
      [
        InlineKeyboard.text(t('discussions:comment.edit.text'), commentSummaryChoice.encode({ choice: 'text' })),
        InlineKeyboard.text(t('discussions:comment.edit.name'), commentSummaryChoice.encode({ choice: 'name' })),
      ],
      [
        InlineKeyboard.text(t('discussions:comment.edit.org'), commentSummaryChoice.encode({ choice: 'org' })),
        InlineKeyboard.text(t('discussions:comment.edit.stance'), commentSummaryChoice.encode({ choice: 'stance' })),
      ],
      [InlineKeyboard.text(t('discussions:comment.discard'), commentSummaryChoice.encode({ choice: 'discard' }))],
    ]);
    await ctx.reply(summary, { parse_mode: 'HTML', reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, commentSummaryChoice);
    await pressed.editMessageReplyMarkup().catch(() => {});
    const { choice } = value;
    if (choice === 'discard') {
      await conversation.external(() => ctx.services.discussions.citizen.discardDraft(citizenId));
      await ctx.reply(t('discussions:comment.discarded'), { reply_markup: mainMenu(ctx) });
      return;
    }
    if (choice === 'stance') stance = await askStance();
    else if (choice !== 'send') draft = await steps[choice](draft);
    else {
      const sent = await conversation.external(() =>
        attempt(async () => (await ctx.services.discussions.citizen.submitDraft(citizenId, stance === 'none' ? null : stance)).id),
      );
      if (sent.ok) {
        await ctx.reply(t('discussions:comment.sent', { title: esc(clip(topic.title, 300)) }), { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });
        return;
      }
      // Too late (the end passed while writing) or the topic is gone: the draft is of no more use.
      if (sent.code === 'discussion.closed' || sent.code === 'discussion.not_found')
        await conversation.external(() => ctx.services.discussions.citizen.discardDraft(citizenId));
      await ctx.reply(errorText(ctx, sent), { reply_markup: mainMenu(ctx) });
      if (sent.code === 'discussion.closed' || sent.code === 'discussion.not_found') return;
    }
  }
}
