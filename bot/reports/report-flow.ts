// The "report a problem" conversation: category → place → location → description → evidence →
// name shown or hidden → summary (edit any step) → possible duplicates → filed. Every answer goes
// into the citizen's draft the moment it is valid, so bad input, /cancel or a restart lose nothing.
// The steps are in report-steps.ts, the summary and filing in report-summary.ts.
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { offerDraft, type Flow } from '../flow-kit.ts';
import { draftChoice } from './buttons.ts';
import { EMPTY, loadDraft, missing, STEPS, type Step } from './report-draft.ts';
import { ASK } from './report-steps.ts';
import { offerDuplicates, showSummary, submit } from './report-summary.ts';

export async function reportConversation(conversation: Flow, ctx: FlowContext): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const left = await conversation.external(() => ctx.services.reportCitizen.remainingToday(citizenId));
  if (left === 0) {
    await ctx.reply(ctx.t('reports:flow.daily_limit', { limit: await conversation.external(() => ctx.services.reports.perDay) }), {
      reply_markup: mainMenu(ctx),
    });
    return;
  }
  const found = await conversation.external(async () => {
    const d = await ctx.services.reportCitizen.getDraft(citizenId);
    return d && d.categoryId != null ? d.updatedAt.toISOString() : null;
  });
  if (found) {
    const texts = {
      found: ctx.t('reports:flow.draft_found', { date: formatLocalDateTime(new Date(found)) }),
      go: ctx.t('reports:flow.continue'),
      restart: ctx.t('reports:flow.restart'),
    };
    if (!(await offerDraft(conversation, ctx, draftChoice, texts))) await conversation.external(() => ctx.services.reportCitizen.discardDraft(citizenId));
  }
  // Every answer is in the draft once its step returns, so the flow then goes back here: the conversation's
  // log (stored on every update) is cut to this point and holds one step's updates, not the whole flow's.
  // The draft is read again after each rewind; everything else the steps need comes from the caches.
  const top = conversation.checkpoint();
  const draft = (await loadDraft(conversation, ctx, citizenId)) ?? EMPTY;
  const step = missing(draft);
  if (step) {
    await ASK[step](conversation, ctx, citizenId, draft);
    return conversation.rewind(top);
  }
  const choice = await showSummary(conversation, ctx, draft);
  if (choice === 'discard') {
    await conversation.external(() => ctx.services.reportCitizen.discardDraft(citizenId));
    await ctx.reply(ctx.t('reports:flow.discarded'), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (choice === 'send') {
    if (await offerDuplicates(conversation, ctx, citizenId, draft)) return;
    if (await submit(conversation, ctx, citizenId)) return;
    // A refused draft (e.g. a category switched off meanwhile) goes back to the summary, intact.
    return conversation.rewind(top);
  }
  if ((STEPS as readonly string[]).includes(choice)) await ASK[choice as Step](conversation, ctx, citizenId, draft);
  return conversation.rewind(top);
}
