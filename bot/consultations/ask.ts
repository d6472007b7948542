// The resource centre in the bot: ask a question, "my questions" with the thread, the answer's
// buttons (follow up, resolved → rating 1–5 → optional comment), and the FAQ by topic.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDate, formatLocalDateTime } from '../../core/calendar/local-time.ts';
import { DomainError } from '../../core/errors.ts';
import { localName } from '../../core/reference/reference-service.ts';
import { askConversation, followUpConversation, rateCommentConversation } from './ask-flow.ts';
import { choiceLabels, clip, enterFlow, esc, newestThatFit, numberedLabels, onButton, showScreen, withLegend, enterFlowFromScreen } from '../flow-kit.ts';
import { grid, keyboardOf } from '../telegram/keyboard.ts';
import { answerAction, rateAnswer, ratingOffers } from '../../core/consultations/consultations-buttons.ts';
import { faqArticle, faqTopic, faqTopics, myQuestionsPage, newQuestion, openMyQuestion, rateComment } from './buttons.ts';

const PAGE = 8;
/** Articles listed under a topic: the buttons stay within one screen. */
const FAQ_PAGE = 30;
/** Telegram's 4096 characters: the newest part of a long thread is what the citizen needs. */
const THREAD_CHARS = 3200;

async function showAskMenu(ctx: BotContext): Promise<void> {
  const kb = new InlineKeyboard()
    .text(ctx.t('consultations:menu.ask'), newQuestion.encode())
    .row()
    .text(ctx.t('consultations:menu.mine'), myQuestionsPage.encode({ offset: 0 }))
    .row()
    .text(ctx.t('consultations:menu.faq'), faqTopics.encode());
  await ctx.reply(ctx.t('consultations:menu.title'), { parse_mode: 'HTML', reply_markup: kb });
}

async function showMyQuestions(ctx: BotContext, offset = 0): Promise<void> {
  if (!ctx.citizen) return;
  const { items, total } = await ctx.services.consultations.citizen.list(ctx.citizen.id, { offset, limit: PAGE });
  if (total === 0) {
    await ctx.reply(ctx.t('consultations:my.empty'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const kb = new InlineKeyboard();
  for (const q of items)
    kb.text(
      `${ctx.t(`consultations:my.state.${q.state}`).split(' ')[0]} ${q.number} · ${formatLocalDate(q.createdAt)}`,
      openMyQuestion.encode({ questionId: q.id }),
    ).row();
  if (offset + PAGE < total) kb.text(ctx.t('consultations:my.more'), myQuestionsPage.encode({ offset: offset + PAGE }));
  await showScreen(ctx, ctx.t('consultations:my.title', { total }), kb);
}

async function showQuestion(ctx: BotContext, questionId: number): Promise<void> {
  if (!ctx.citizen) return;
  const { question: q, topic, thread } = await ctx.services.consultations.citizen.detail(ctx.citizen.id, questionId);
  const head = ctx.t('consultations:my.detail', {
    number: q.number,
    state: ctx.t(`consultations:my.state.${q.state}`),
    topic: topic ? esc(localName(topic, ctx.locale)) : '—',
    created: formatLocalDateTime(q.createdAt),
  });
  const entries = thread.map(
    (m) =>
      `<b>${m.kind === 'answer' ? ctx.t('consultations:my.consultant') : ctx.t('consultations:my.you')}</b> · ${formatLocalDateTime(m.at)}\n${esc(clip(m.text ?? '', THREAD_CHARS - 100))}${m.hasAttachment ? ` ${ctx.t('consultations:my.attachment')}` : ''}`,
  );
  const shown = newestThatFit(entries, THREAD_CHARS, '\n\n');
  const body = `${shown.length < entries.length ? '…\n\n' : ''}${shown.join('\n\n')}`;
  const kb = new InlineKeyboard();
  if (q.state !== 'closed') kb.text(ctx.t('consultations:my.follow_up'), answerAction.encode({ action: 'more', questionId: q.id }));
  if (q.state === 'answered') kb.text(ctx.t('consultations:my.close'), answerAction.encode({ action: 'close', questionId: q.id }));
  kb.row().text(ctx.t('consultations:my.back'), myQuestionsPage.encode({ offset: 0 }));
  await showScreen(ctx, `${head}\n\n${body}`, kb);
}

async function showFaqTopics(ctx: BotContext): Promise<void> {
  const topics = await ctx.services.consultations.topics.active();
  const { labels, legend } = choiceLabels(topics.map((x) => localName(x, ctx.locale)));
  await showScreen(
    ctx,
    withLegend(ctx.t('consultations:faq.topics'), legend, true),
    grid(
      topics.map((x, i) => faqTopic.offer(labels[i]!, { topicId: x.id })),
      1,
    ),
  );
}

async function showFaqTopic(ctx: BotContext, topicId: number): Promise<void> {
  const { topic, articles } = await ctx.services.consultations.faq.topicArticles(topicId, FAQ_PAGE);
  const titles = articles.map((a) => (ctx.locale === 'kk' ? a.titleKk : a.titleRu));
  const labels = numberedLabels(titles);
  const kb = grid(
    articles.map((a, i) => faqArticle.offer(labels[i]!, { articleId: a.id })),
    1,
  );
  kb.row().text(ctx.t('consultations:faq.back'), faqTopics.encode());
  // Full titles in the message, numbered as the (possibly shortened) buttons.
  const list = titles.map((title, i) => `${i + 1}. ${esc(clip(title, 150))}`);
  const text = articles.length
    ? [ctx.t('consultations:faq.articles', { topic: esc(topic ? localName(topic, ctx.locale) : '') }), '', ...list].join('\n')
    : ctx.t('consultations:faq.none');
  await showScreen(ctx, text, kb);
}

async function showFaqArticle(ctx: BotContext, articleId: number): Promise<void> {
  const a = await ctx.services.consultations.faq.published(articleId);
  if (!a) return showFaqTopics(ctx);
  const kk = ctx.locale === 'kk';
  const text = `<b>${esc(kk ? a.titleKk : a.titleRu)}</b>\n\n${esc(clip(kk ? a.bodyKk : a.bodyRu, 3500))}`;
  await showScreen(ctx, text, new InlineKeyboard().text(ctx.t('consultations:faq.back'), faqTopic.encode({ topicId: a.topicId })));
}

export function createAskFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('ask', showAskMenu);
  pm.command('myquestions', (ctx) => showMyQuestions(ctx));
  pm.callbackQuery(newQuestion.pattern, (ctx) => enterFlowFromScreen(ctx, 'ask'));
  pm.callbackQuery(myQuestionsPage.pattern, (ctx) => onButton(ctx, () => showMyQuestions(ctx, myQuestionsPage.decode(ctx.callbackQuery.data)!.offset)));
  pm.callbackQuery(openMyQuestion.pattern, (ctx) => onButton(ctx, () => showQuestion(ctx, openMyQuestion.decode(ctx.callbackQuery.data)!.questionId)));

  // The buttons under a consultant's answer (sent through the outbox) and under the rating reminder.
  // One handler for both actions under an answer: the family's pattern covers `more` and `close`.
  pm.callbackQuery(answerAction.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { action, questionId } = answerAction.decode(ctx.callbackQuery.data)!;
      if (action === 'more') {
        const { question } = await ctx.services.consultations.citizen.detail(citizenId, questionId);
        if (question.state === 'closed') throw new DomainError('conflict', 'question.closed');
        await enterFlow(ctx, 'ask-followup', question.id, question.number);
        return;
      }
      const q = await ctx.services.consultations.citizen.close(citizenId, questionId);
      await ctx.editMessageReplyMarkup().catch(() => {});
      if (q.firstAnsweredAt && q.rating == null)
        await ctx.reply(ctx.t('consultations:rate.ask', { number: q.number }), { reply_markup: keyboardOf(ratingOffers(q.id)) });
      else await ctx.reply(ctx.t('consultations:rate.closed', { number: q.number }), { reply_markup: mainMenu(ctx) });
    }),
  );
  pm.callbackQuery(rateAnswer.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { questionId, score: rating } = rateAnswer.decode(ctx.callbackQuery.data)!;
      const q = await ctx.services.consultations.citizen.rate(citizenId, questionId, rating);
      await ctx
        .editMessageText(ctx.t('consultations:rate.thanks', { rating }), {
          reply_markup: new InlineKeyboard().text(ctx.t('consultations:rate.comment_button'), rateComment.encode({ questionId: q.id, score: rating })),
        })
        .catch(() => {});
    }),
  );
  pm.callbackQuery(rateComment.pattern, (ctx) =>
    onButton(ctx, async () => {
      const { questionId, score } = rateComment.decode(ctx.callbackQuery.data)!;
      await ctx.editMessageReplyMarkup().catch(() => {});
      await enterFlow(ctx, 'ask-rate-comment', questionId, score);
    }),
  );

  pm.callbackQuery(faqTopics.pattern, (ctx) => onButton(ctx, () => showFaqTopics(ctx)));
  pm.callbackQuery(faqTopic.pattern, (ctx) => onButton(ctx, () => showFaqTopic(ctx, faqTopic.decode(ctx.callbackQuery.data)!.topicId)));
  pm.callbackQuery(faqArticle.pattern, (ctx) => onButton(ctx, () => showFaqArticle(ctx, faqArticle.decode(ctx.callbackQuery.data)!.articleId)));

  return {
    name: 'ask',
    composer,
    flows: [
      { id: 'ask', version: 1, builder: askConversation },
      { id: 'ask-followup', version: 1, builder: followUpConversation as FlowDefinition['builder'] },
      { id: 'ask-rate-comment', version: 1, builder: rateCommentConversation as FlowDefinition['builder'] },
    ],
    menu: [{ key: 'ask', order: 20, labelKey: 'common:menu.ask', open: showAskMenu }],
    commands: [
      { command: 'ask', descriptionKey: 'consultations:commands.ask', order: 20 },
      { command: 'myquestions', descriptionKey: 'consultations:commands.myquestions', order: 21 },
    ],
  };
}
