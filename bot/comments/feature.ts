// Public reports in the bot (issue 17): the portal's "support / comment in Telegram" link opens a report's card
// (deep link rp_<number>), where a resident supports it, follows its news, leaves an idea (the public-comment
// conversation) and flags others' comments.
import { Composer } from 'grammy';
import { notFound } from '../../core/errors.ts';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { enterFlowFromButton, onButton } from '../flow-kit.ts';
import { deepLinkTo } from '../menu.ts';
import { flagPublicComment, followReport, moreComments, supportReport, writeReportComment } from './buttons.ts';
import { publicCommentConversation } from './comment-flow.ts';
import { flagComment } from './card-comments.ts';
import { showReportCard } from './report-card.ts';

const NUMBER = /^[A-Z]{2,4}-[0-9-]{1,24}$/;

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
  pm.callbackQuery(writeReportComment.pattern, (ctx) => enterFlowFromButton(ctx, 'public-comment', writeReportComment.decode(ctx.callbackQuery.data)!.number));
  pm.callbackQuery(moreComments.pattern, (ctx) =>
    onButton(ctx, async () => {
      const { number, offset } = moreComments.decode(ctx.callbackQuery.data)!;
      await showReportCard(ctx, number, { offset, edit: true });
    }),
  );
  pm.callbackQuery(flagPublicComment.pattern, (ctx) =>
    onButton(ctx, (citizenId) => flagComment(ctx, citizenId, flagPublicComment.decode(ctx.callbackQuery.data)!.commentId)),
  );

  return {
    name: 'public-reports',
    composer,
    flows: [{ id: 'public-comment', version: 1, builder: publicCommentConversation as FlowDefinition['builder'] }],
    deepLinks: {
      rp: deepLinkTo(NUMBER, (ctx, number) => showReportCard(ctx, number)),
    },
  };
}
