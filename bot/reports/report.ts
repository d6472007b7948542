// Civic control in the bot: "report a problem", "my reports", and the author's answer after
// resolution (really fixed? rating 1–5, or "not fixed" which reopens the report).
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { enterFlow, onButton, showScreen } from '../flow-kit.ts';
import { keyboardOf } from '../telegram/keyboard.ts';
import { scoreOffers } from '../../core/offers/button.ts';
import { confirmFix } from '../../core/reports/reports-buttons.ts';
import { addToReport, closeMyReport, closeMyReportSure, myReportsPage, openMyReport, rateFix, showMyName } from './buttons.ts';
import { reportAddConversation, showMyReports, showReportDetail } from './my-reports.ts';
import { reportConversation } from './report-flow.ts';

const startReport = (ctx: BotContext) => enterFlow(ctx, 'report');

export function createReportFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('report', startReport);
  pm.command('myreports', (ctx) => showMyReports(ctx));

  pm.callbackQuery(myReportsPage.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMyReports(ctx, myReportsPage.decode(ctx.callbackQuery.data)!.offset);
  });
  pm.callbackQuery(openMyReport.pattern, (ctx) => onButton(ctx, () => showReportDetail(ctx, openMyReport.decode(ctx.callbackQuery.data)!.reportId)));
  pm.callbackQuery(addToReport.pattern, async (ctx) => {
    const { what, reportId } = addToReport.decode(ctx.callbackQuery.data)!;
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, 'report-add', reportId, what === 'com' ? 'comment' : 'files');
  });

  // The author closes their own report as solved: asked once more, since it ends the akimat's work on it.
  pm.callbackQuery(showMyName.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { reportId, show } = showMyName.decode(ctx.callbackQuery.data)!;
      await ctx.services.reportCitizen.setShowName(citizenId, reportId, show === 1);
      await showReportDetail(ctx, reportId);
    }),
  );
  pm.callbackQuery(closeMyReport.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const d = await ctx.services.reportCitizen.detail(citizenId, closeMyReport.decode(ctx.callbackQuery.data)!.reportId, ctx.locale);
      const kb = new InlineKeyboard()
        .text(ctx.t('reports:self.yes'), closeMyReportSure.encode({ reportId: d.report.id }))
        .row()
        .text(ctx.t('reports:self.no'), openMyReport.encode({ reportId: d.report.id }));
      await showScreen(ctx, ctx.t('reports:self.ask', { number: d.report.number }), kb);
    }),
  );
  pm.callbackQuery(closeMyReportSure.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const report = await ctx.services.reports.closeByAuthor(citizenId, closeMyReportSure.decode(ctx.callbackQuery.data)!.reportId);
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('reports:self.done', { number: report.number }), { reply_markup: mainMenu(ctx) });
    }),
  );

  // The author's answer to "resolved": the buttons come with the status notice from the outbox.
  pm.callbackQuery(confirmFix.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { answer, reportId } = confirmFix.decode(ctx.callbackQuery.data)!;
      const fixed = answer === 'ok';
      const report = await ctx.services.reports.confirm(citizenId, reportId, { fixed });
      await ctx.editMessageReplyMarkup().catch(() => {});
      if (fixed) await ctx.reply(ctx.t('reports:rate.ask'), { reply_markup: keyboardOf(scoreOffers((score) => rateFix.encode({ reportId, score }))) });
      else await ctx.reply(ctx.t('reports:rate.reopened', { number: report.number }), { reply_markup: mainMenu(ctx) });
    }),
  );
  pm.callbackQuery(rateFix.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { reportId, score: rating } = rateFix.decode(ctx.callbackQuery.data)!;
      await ctx.services.reports.confirm(citizenId, reportId, { fixed: true, rating });
      await ctx.editMessageText(ctx.t('reports:rate.thanks', { rating })).catch(() => {});
    }),
  );

  return {
    name: 'report',
    composer,
    flows: [
      { id: 'report', version: 2, builder: reportConversation },
      { id: 'report-add', version: 1, builder: reportAddConversation as FlowDefinition['builder'] },
    ],
    menu: [
      { key: 'report', order: 10, labelKey: 'common:menu.report', open: startReport },
      { key: 'my_reports', order: 11, labelKey: 'common:menu.my_reports', open: (ctx) => showMyReports(ctx) },
    ],
    commands: [
      { command: 'report', descriptionKey: 'reports:commands.report', order: 10 },
      { command: 'myreports', descriptionKey: 'reports:commands.myreports', order: 11 },
    ],
    // Entering the flow offers the categories and regions, filing computes the deadline on the working calendar.
    warm: (services) => Promise.all([services.reference.get(), services.calendar.calendar()]),
  };
}
