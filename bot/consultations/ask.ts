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
import {
  buttonGrid,
  choiceLabels,
  clip,
  enterFlow,
  esc,
  newestThatFit,
  numberedLabels,
  onButton,
  ratingKeyboard,
  showScreen,
  withLegend,
} from '../flow-kit.ts';

const PAGE = 8;
/** Telegram's 4096 characters: the newest part of a long thread is what the citizen needs. */
const THREAD_CHARS = 3200;

async function showAskMenu(ctx: BotContext): Promise<void> {
  const kb = new InlineKeyboard()
    .text(ctx.t('consultations:menu.ask'), 'aq:new')
    .row()
    .text(ctx.t('consultations:menu.mine'), 'aq:list:0')
    .row()
    .text(ctx.t('consultations:menu.faq'), 'faq:topics');
  await ctx.reply(ctx.t('consultations:menu.title'), { parse_mode: 'HTML', reply_markup: kb });
}

async function showMyQuestions(ctx: BotContext, offset = 0): Promise<void> {
  if (!ctx.citizen) return;
  const { items, total } = await ctx.services.questionCitizen.list(ctx.citizen.id, { offset, limit: PAGE });
  if (total === 0) {
    await ctx.reply(ctx.t('consultations:my.empty'), { reply_markup: mainMenu(ctx.t) });
    return;
  }
  const kb = new InlineKeyboard();
  for (const q of items)
    kb.text(`${ctx.t(`consultations:my.state.${q.state}`).split(' ')[0]} ${q.number} · ${formatLocalDate(q.createdAt)}`, `aq:open:${q.id}`).row();
  if (offset + PAGE < total) kb.text(ctx.t('consultations:my.more'), `aq:list:${offset + PAGE}`);
  await showScreen(ctx, ctx.t('consultations:my.title', { total }), kb);
}

async function showQuestion(ctx: BotContext, questionId: number): Promise<void> {
  if (!ctx.citizen) return;
  const [{ question: q, thread }, topic] = await Promise.all([
    ctx.services.questionCitizen.detail(ctx.citizen.id, questionId),
    ctx.services.prisma.consultationTopic.findFirst({ where: { questions: { some: { id: questionId } } } }),
  ]);
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
  if (q.state !== 'closed') kb.text(ctx.t('consultations:my.follow_up'), `qa:more:${q.id}`);
  if (q.state === 'answered') kb.text(ctx.t('consultations:my.close'), `qa:close:${q.id}`);
  kb.row().text(ctx.t('consultations:my.back'), 'aq:list:0');
  await showScreen(ctx, `${head}\n\n${body}`, kb);
}

async function showFaqTopics(ctx: BotContext): Promise<void> {
  const topics = await ctx.services.prisma.consultationTopic.findMany({ where: { active: true }, orderBy: [{ sort: 'asc' }, { id: 'asc' }] });
  const { labels, legend } = choiceLabels(topics.map((x) => localName(x, ctx.locale)));
  await showScreen(
    ctx,
    withLegend(ctx.t('consultations:faq.topics'), legend, true),
    buttonGrid(
      topics.map((x, i) => ({ label: labels[i]!, data: `faq:t:${x.id}` })),
      1,
    ),
  );
}

async function showFaqTopic(ctx: BotContext, topicId: number): Promise<void> {
  const [topic, articles] = await Promise.all([
    ctx.services.prisma.consultationTopic.findUnique({ where: { id: topicId } }),
    ctx.services.prisma.faqArticle.findMany({ where: { topicId, published: true }, orderBy: [{ helpedCount: 'desc' }, { id: 'asc' }], take: 30 }),
  ]);
  const titles = articles.map((a) => (ctx.locale === 'kk' ? a.titleKk : a.titleRu));
  const labels = numberedLabels(titles);
  const kb = buttonGrid(
    articles.map((a, i) => ({ label: labels[i]!, data: `faq:a:${a.id}` })),
    1,
  );
  kb.row().text(ctx.t('consultations:faq.back'), 'faq:topics');
  // Full titles in the message, numbered as the (possibly shortened) buttons.
  const list = titles.map((title, i) => `${i + 1}. ${esc(clip(title, 150))}`);
  const text = articles.length
    ? [ctx.t('consultations:faq.articles', { topic: esc(topic ? localName(topic, ctx.locale) : '') }), '', ...list].join('\n')
    : ctx.t('consultations:faq.none');
  await showScreen(ctx, text, kb);
}

async function showFaqArticle(ctx: BotContext, articleId: number): Promise<void> {
  const a = await ctx.services.prisma.faqArticle.findFirst({ where: { id: articleId, published: true } });
  if (!a) return showFaqTopics(ctx);
  const kk = ctx.locale === 'kk';
  const text = `<b>${esc(kk ? a.titleKk : a.titleRu)}</b>\n\n${esc(clip(kk ? a.bodyKk : a.bodyRu, 3500))}`;
  await showScreen(ctx, text, new InlineKeyboard().text(ctx.t('consultations:faq.back'), `faq:t:${a.topicId}`));
}

export function createAskFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');
  const startAsk = (ctx: BotContext) => enterFlow(ctx, 'ask');

  pm.command('ask', showAskMenu);
  pm.command('myquestions', (ctx) => showMyQuestions(ctx));
  pm.callbackQuery('aq:new', async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await startAsk(ctx);
  });
  pm.callbackQuery(/^aq:list:(\d+)$/, (ctx) => onButton(ctx, () => showMyQuestions(ctx, Number(ctx.match[1]))));
  pm.callbackQuery(/^aq:open:(\d+)$/, (ctx) => onButton(ctx, () => showQuestion(ctx, Number(ctx.match[1]))));

  // The buttons under a consultant's answer (sent through the outbox) and under the rating reminder.
  pm.callbackQuery(/^qa:more:(\d+)$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { question } = await ctx.services.questionCitizen.detail(citizenId, Number(ctx.match[1]));
      if (question.state === 'closed') throw new DomainError('conflict', 'question.closed');
      await enterFlow(ctx, 'ask-followup', question.id, question.number);
    }),
  );
  pm.callbackQuery(/^qa:close:(\d+)$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const q = await ctx.services.questionCitizen.close(citizenId, Number(ctx.match[1]));
      await ctx.editMessageReplyMarkup().catch(() => {});
      if (q.firstAnsweredAt && q.rating == null)
        await ctx.reply(ctx.t('consultations:rate.ask', { number: q.number }), { reply_markup: ratingKeyboard('qr', q.id) });
      else await ctx.reply(ctx.t('consultations:rate.closed', { number: q.number }), { reply_markup: mainMenu(ctx.t) });
    }),
  );
  pm.callbackQuery(/^qr:(\d+):([1-5])$/, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const rating = Number(ctx.match[2]);
      const q = await ctx.services.questionCitizen.rate(citizenId, Number(ctx.match[1]), rating);
      await ctx
        .editMessageText(ctx.t('consultations:rate.thanks', { rating }), {
          reply_markup: new InlineKeyboard().text(ctx.t('consultations:rate.comment_button'), `qc:${q.id}:${rating}`),
        })
        .catch(() => {});
    }),
  );
  pm.callbackQuery(/^qc:(\d+):([1-5])$/, (ctx) =>
    onButton(ctx, async () => {
      await ctx.editMessageReplyMarkup().catch(() => {});
      await enterFlow(ctx, 'ask-rate-comment', Number(ctx.match[1]), Number(ctx.match[2]));
    }),
  );

  pm.callbackQuery('faq:topics', (ctx) => onButton(ctx, () => showFaqTopics(ctx)));
  pm.callbackQuery(/^faq:t:(\d+)$/, (ctx) => onButton(ctx, () => showFaqTopic(ctx, Number(ctx.match[1]))));
  pm.callbackQuery(/^faq:a:(\d+)$/, (ctx) => onButton(ctx, () => showFaqArticle(ctx, Number(ctx.match[1]))));

  return {
    name: 'ask',
    composer,
    flows: [
      { id: 'ask', builder: askConversation },
      { id: 'ask-followup', builder: followUpConversation as FlowDefinition['builder'] },
      { id: 'ask-rate-comment', builder: rateCommentConversation as FlowDefinition['builder'] },
    ],
    menu: { ask: showAskMenu },
    commands: [
      { command: 'ask', descriptionKey: 'consultations:commands.ask' },
      { command: 'myquestions', descriptionKey: 'consultations:commands.myquestions' },
    ],
  };
}
