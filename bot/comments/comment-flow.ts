// The "idea or comment" conversation on a public report, or on a civic initiative (issue 18: its subject is then
// `i<id>`): text (10–1,000 characters, re-asked with the reason) → show my name or not → summary (change anything)
// → sent, visible at once on the public page. Each answer goes into the citizen's draft at once, so bad input,
// /cancel or a restart lose nothing; the report (initiative) being open and in public view is checked when the
// draft starts and again on sending.
import { InlineKeyboard } from 'grammy';
import { formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { PUBLIC_COMMENT_MAX, PUBLIC_COMMENT_MIN } from '../../core/comments/comment-rules.ts';
import { notFound } from '../../core/errors.ts';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { attempt, clip, errorText, esc, waitForButton, type Flow, nextMessage, offerDraft } from '../flow-kit.ts';
import { commentDraftChoice, commentSummaryChoice, showNameChoice } from './buttons.ts';

interface Draft {
  text: string | null;
  showName: boolean | null;
}

/** A subject `i<id>` is an initiative; anything else is a report's public number. */
const INITIATIVE = /^i(\d{1,9})$/;

export async function publicCommentConversation(conversation: Flow, ctx: FlowContext, number: string): Promise<void> {
  if (ctx.citizenId == null) return;
  const citizenId: number = ctx.citizenId;
  const t = ctx.t;
  const initiativeId = INITIATIVE.test(number) ? Number(INITIATIVE.exec(number)![1]) : null;
  const comments = ctx.services.comments.citizen;
  // The draft of this subject: a report's (reportId) or an initiative's.
  const start = (subjectId: number) => (initiativeId == null ? comments.startDraft(citizenId, subjectId) : comments.startInitiativeDraft(citizenId, subjectId));
  const mine = (d: { reportId: number | null; initiativeId?: number | null } | null, subjectId: number) =>
    d != null && (initiativeId == null ? d.reportId === subjectId : d.initiativeId === subjectId);
  // The texts that name the subject: the report's number, or the initiative's.
  const say = (key: 'ask_text' | 'summary' | 'sent', params: Record<string, unknown>) =>
    initiativeId == null ? t(`comments:flow.${key}`, { number, ...params }) : t(`initiatives-bot:comment.${key}`, { id: initiativeId, ...params });
  const opened = await conversation.external(() =>
    attempt(async () => {
      let subjectId: number;
      if (initiativeId == null) {
        const r = await ctx.services.portal.reports.byNumber(number);
        if (!r) throw notFound('report.not_found');
        subjectId = r.id;
      } else subjectId = initiativeId;
      const before = await comments.getDraft(citizenId);
      const draft = await start(subjectId);
      return {
        reportId: subjectId,
        profileName: await ctx.services.citizens.nameOf(citizenId),
        draft: mine(before, subjectId) && draft.text ? { text: draft.text, showName: draft.showName } : null,
        startedAt: before ? formatLocalDateTime(before.updatedAt) : null,
      };
    }),
  );
  if (!opened.ok) {
    await ctx.reply(errorText(ctx, opened), { reply_markup: mainMenu(ctx) });
    return;
  }
  const { profileName } = opened.value;
  let draft: Draft = { text: null, showName: null };
  if (opened.value.draft) {
    const found = t('comments:flow.draft_found', { date: opened.value.startedAt });
    const go = await offerDraft(conversation, ctx, commentDraftChoice, { found, go: t('comments:flow.continue'), restart: t('comments:flow.restart') });
    if (go) draft = opened.value.draft;
    else {
      const subjectId = opened.value.reportId;
      await conversation.external(async () => {
        await comments.discardDraft(citizenId);
        await start(subjectId);
      });
    }
  }

  async function askText(): Promise<void> {
    await ctx.reply(say('ask_text', { min: PUBLIC_COMMENT_MIN, max: PUBLIC_COMMENT_MAX }), { reply_markup: mainMenu(ctx) });
    for (;;) {
      const c = await nextMessage(conversation, ctx);
      const text = c.message?.text?.trim();
      if (!text) {
        await c.reply(t('comments:flow.text_expected'));
        continue;
      }
      const saved = await conversation.external(() => attempt(() => comments.saveText(citizenId, text)));
      if (saved.ok) {
        draft = { ...draft, text };
        return;
      }
      await c.reply(errorText(ctx, saved));
    }
  }

  async function askName(): Promise<void> {
    const kb = new InlineKeyboard()
      .text(t('comments:flow.name_show'), showNameChoice.encode({ show: 'y' }))
      .row()
      .text(t('comments:flow.name_hide'), showNameChoice.encode({ show: 'n' }));
    await ctx.reply(t(profileName ? 'comments:flow.ask_name' : 'comments:flow.ask_name_none'), { reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, showNameChoice);
    await pressed.editMessageReplyMarkup().catch(() => {});
    const showName = value.show === 'y';
    await conversation.external(() => comments.saveShowName(citizenId, showName));
    draft = { ...draft, showName };
  }

  if (!draft.text) await askText();
  if (draft.showName == null) await askName();
  for (;;) {
    const author = draft.showName && profileName ? profileName : t('comments:card.participant');
    const kb = new InlineKeyboard()
      .text(t('comments:flow.send'), commentSummaryChoice.encode({ choice: 'send' }))
      .row()
      .text(t('comments:flow.edit_text'), commentSummaryChoice.encode({ choice: 'text' }))
      .text(t('comments:flow.edit_name'), commentSummaryChoice.encode({ choice: 'name' }))
      .row()
      .text(t('comments:flow.discard'), commentSummaryChoice.encode({ choice: 'discard' }));
    await ctx.reply(say('summary', { text: esc(clip(draft.text!, 1500)), author: esc(author) }), { parse_mode: 'HTML', reply_markup: kb });
    const { ctx: pressed, value } = await waitForButton(conversation, commentSummaryChoice);
    await pressed.editMessageReplyMarkup().catch(() => {});
    if (value.choice === 'text') await askText();
    else if (value.choice === 'name') await askName();
    else if (value.choice === 'discard') {
      await conversation.external(() => comments.discardDraft(citizenId));
      await ctx.reply(t('comments:flow.discarded'), { reply_markup: mainMenu(ctx) });
      return;
    } else {
      const sent = await conversation.external(() => attempt(() => comments.submit(citizenId, ctx.locale)));
      await ctx.reply(sent.ok ? say('sent', { number: sent.value.number }) : errorText(ctx, sent), { reply_markup: mainMenu(ctx) });
      return;
    }
  }
}
