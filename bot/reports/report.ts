// Civic control in the bot: "report a problem", "my reports", and the author's answer after
// resolution (really fixed? rating 1–5, or "not fixed" which reopens the report).
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { enterFlow, onButton, ratingKeyboard, showScreen } from '../flow-kit.ts';
import { reportAddConversation, showMyReports, showReportDetail } from './my-reports.ts';
import { reportConversation } from './report-flow.ts';

const startReport = (ctx: BotContext) => enterFlow(ctx, 'report');

export function createReportFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('report', startReport);
  pm.command('myreports', (ctx) => showMyReports(ctx));

  pm.callbackQuery(/^mr:list:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMyReports(ctx, Number(ctx.match[1]));
  });
  pm.callbackQuery(/^mr:open:(\d+)$/, (ctx) => onButton(ctx, () => showReportDetail(ctx, Number(ctx.match[1]))));
  pm.callbackQuery(/^mr:(com|files):(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, 'report-add', Number(ctx.match[2]), ctx.match[1] === 'com' ? 'comment' : 'files');
  });

  // The author closes their own report as solved: asked once more, since it ends the akimat's work on it.
  pm.callbackQuery(/^mr:self:(\d+)$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const d = await ctx.services.reportCitizen.detail(citizenId, Number(ctx.match[1]), ctx.locale);
      const kb = new InlineKeyboard()
        .text(ctx.t('reports:self.yes'), `mr:selfok:${d.report.id}`)
        .row()
        .text(ctx.t('reports:self.no'), `mr:open:${d.report.id}`);
      await showScreen(ctx, ctx.t('reports:self.ask', { number: d.report.number }), kb);
    }),
  );
  pm.callbackQuery(/^mr:selfok:(\d+)$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const report = await ctx.services.reports.closeByAuthor(citizenId, Number(ctx.match[1]));
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('reports:self.done', { number: report.number }), { reply_markup: mainMenu(ctx.t) });
    }),
  );

  // The author's answer to "resolved": the buttons come with the status notice from the outbox.
  pm.callbackQuery(/^rc:(ok|no):(\d+)$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const reportId = Number(ctx.match[2]);
      const fixed = ctx.match[1] === 'ok';
      const report = await ctx.services.reports.confirm(citizenId, reportId, { fixed });
      await ctx.editMessageReplyMarkup().catch(() => {});
      if (fixed) await ctx.reply(ctx.t('reports:rate.ask'), { reply_markup: ratingKeyboard('rr', reportId) });
      else await ctx.reply(ctx.t('reports:rate.reopened', { number: report.number }), { reply_markup: mainMenu(ctx.t) });
    }),
  );
  pm.callbackQuery(/^rr:(\d+):([1-5])$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const rating = Number(ctx.match[2]);
      await ctx.services.reports.confirm(citizenId, Number(ctx.match[1]), { fixed: true, rating });
      await ctx.editMessageText(ctx.t('reports:rate.thanks', { rating })).catch(() => {});
    }),
  );

  return {
    name: 'report',
    composer,
    flows: [
      { id: 'report', builder: reportConversation },
      { id: 'report-add', builder: reportAddConversation as FlowDefinition['builder'] },
    ],
    menu: { report: startReport, my_reports: (ctx) => showMyReports(ctx) },
    commands: [
      { command: 'report', descriptionKey: 'reports:commands.report' },
      { command: 'myreports', descriptionKey: 'reports:commands.myreports' },
    ],
  };
}
