// The "report a problem" conversation: category → place → location → description → evidence →
// name shown or hidden → summary (edit any step) → possible duplicates → filed. Every answer goes
// into the citizen's draft the moment it is valid, so bad input, /cancel or a restart lose nothing.
// The steps are in report-steps.ts, the summary and filing in report-summary.ts.
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import { draftSteps, offerSavedDraft, type Flow } from '../flow-kit.ts';
import { draftChoice } from './buttons.ts';
import { REPORT_DRAFT } from './report-draft.ts';
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
  const discard = () => ctx.services.reportCitizen.discardDraft(citizenId);
  if (found) await offerSavedDraft(conversation, ctx, draftChoice, 'reports', found, discard);
  // The steps read what they need from the caches; the draft is read again after each step.
  await draftSteps(conversation, ctx, citizenId, REPORT_DRAFT, {
    ns: 'reports',
    ask: ASK,
    summary: showSummary,
    discard,
    // A refused draft (e.g. a category switched off meanwhile) goes back to the summary, intact.
    send: async (draft) => (await offerDuplicates(conversation, ctx, citizenId, draft)) || (await submit(conversation, ctx, citizenId)),
  });
}
