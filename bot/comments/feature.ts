// Public reports in the bot (issue 17): the portal's "support / comment in Telegram" link opens a report's card
// (deep link rp_<number>), where a resident supports it, follows its news, leaves an idea (the public-comment
// conversation) and flags others' comments.
import { Composer } from 'grammy';
import { notFound } from '../../core/errors.ts';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { attempt, enterFlow, errorText } from '../flow-kit.ts';
import { mainMenu } from '../menu.ts';
import { flagPublicComment, followReport, moreComments, supportReport, writeReportComment } from './buttons.ts';
import { publicCommentConversation } from './comment-flow.ts';
import { showReportCard } from './report-card.ts';

const NUMBER = /^[A-Z]{2,4}-[0-9-]{1,24}$/;

/** Runs a button's action; its answer (or a refusal from the domain) comes back as an alert. */
async function onButton(ctx: BotContext, run: (citizenId: number) => Promise<string | void>): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const outcome = await attempt(() => run(citizenId));
  if (outcome.ok) await ctx.answerCallbackQuery(outcome.value ? { text: outcome.value } : undefined);
  else await ctx.answerCallbackQuery({ text: errorText(ctx, outcome).slice(0, 190), show_alert: true });
}

/** The report by its public number, or the domain's "not found" (hidden and unknown alike). */
async function reportId(ctx: BotContext, number: string): Promise<number> {
  const r = await ctx.services.portal.reports.byNumber(number);
  if (!r) throw notFound('report.not_found');
  return r.id;
}

export function createPublicReportFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.callbackQuery(supportReport.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { number } = supportReport.decode(ctx.callbackQuery.data)!;
      const id = await reportId(ctx, number);
      const { added, own } = await ctx.services.reports.support(citizenId, id);
      if (added) await showReportCard(ctx, number, { edit: true });
      return ctx.t(added ? 'comments:support.added' : own ? 'comments:support.own' : 'comments:support.already', { number });
    }),
  );
  pm.callbackQuery(followReport.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { number } = followReport.decode(ctx.callbackQuery.data)!;
      const { added } = await ctx.services.reports.follow(citizenId, await reportId(ctx, number));
      return ctx.t(added ? 'comments:follow.added' : 'comments:follow.already', { number });
    }),
  );
  pm.callbackQuery(writeReportComment.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, 'public-comment', writeReportComment.decode(ctx.callbackQuery.data)!.number);
  });
  pm.callbackQuery(moreComments.pattern, (ctx) =>
    onButton(ctx, async () => {
      const { number, offset } = moreComments.decode(ctx.callbackQuery.data)!;
      await showReportCard(ctx, number, { offset, edit: true });
    }),
  );
  pm.callbackQuery(flagPublicComment.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const r = await ctx.services.comments.citizen.flag(citizenId, flagPublicComment.decode(ctx.callbackQuery.data)!.commentId);
      return ctx.t(r.hidden ? 'comments:flag.hidden' : r.flagged ? 'comments:flag.thanks' : 'comments:flag.already');
    }),
  );

  return {
    name: 'public-reports',
    composer,
    flows: [{ id: 'public-comment', version: 1, builder: publicCommentConversation as FlowDefinition['builder'] }],
    deepLinks: {
      rp: (ctx, rest) => (NUMBER.test(rest) ? showReportCard(ctx, rest) : ctx.reply(ctx.t('common:link_unknown'), { reply_markup: mainMenu(ctx) })),
    },
  };
}
