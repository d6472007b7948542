// "Ask a question": topic → who is asking → the question (text, optional file) → the knowledge base
// offers up to three articles → self-served, or queued for a consultant with the deadline stated.
// Also the two short conversations the answer's buttons open: a follow-up, and a comment on a rating.
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { attachmentFromMessage, MAX_FILE_MB } from '../media.ts';
import { mainMenu } from '../menu.ts';
import { formatLocalDate } from '../../core/calendar/local-time.ts';
import { QUESTION_MAX, QUESTION_MIN, RATING_COMMENT_MAX, type NewQuestion, type QuestionAttachment } from '../../core/consultations/question-citizen.ts';
import { localName } from '../../core/reference/reference-service.ts';
import type { AskerGroup } from '../../generated/prisma/enums.ts';
import { attempt, choiceLabels, clip, errorText, esc, waitForButton, withLegend, type Flow, nextMessage } from '../flow-kit.ts';
import { grid } from '../telegram/keyboard.ts';
import { articleHelped, pickAskerGroup, pickTopic } from './buttons.ts';

export const ASKER_GROUPS: AskerGroup[] = ['individual', 'ngo', 'initiative_group', 'business', 'state_body'];

/** Waits for a text of the allowed length; a file sent on the way is kept as the attachment. */
async function askText(
  conversation: Flow,
  ctx: FlowContext,
  prompt: string,
  opts: { min: number; max: number; allowFile: boolean },
): Promise<{ text: string; attachment: QuestionAttachment | null }> {
  await ctx.reply(prompt, { reply_markup: mainMenu(ctx) });
  let attachment: QuestionAttachment | null = null;
  for (;;) {
    const c = await nextMessage(conversation, ctx);
    const file = opts.allowFile ? attachmentFromMessage(c.message) : ({ ok: false, reason: 'none' } as const);
    if (file.ok) attachment = file.item;
    else if (file.reason !== 'none') {
      await c.reply(ctx.t('consultations:flow.file_unsupported', { max: MAX_FILE_MB }));
      continue;
    }
    const text = (c.message?.text ?? c.message?.caption ?? '').trim();
    if (!text) await c.reply(ctx.t(file.ok ? 'consultations:flow.file_saved' : 'consultations:flow.text_expected'));
    else if (text.length < opts.min) await c.reply(ctx.t('consultations:flow.text_short', { len: text.length, min: opts.min }));
    else if (text.length > opts.max) await c.reply(ctx.t('consultations:flow.text_long', { len: text.length, max: opts.max }));
    else return { text, attachment };
  }
}

/** Offers matching articles; returns the one the citizen says answers the question, or null. */
async function offerArticles(conversation: Flow, ctx: FlowContext, question: NewQuestion): Promise<number | null> {
  const matches = await conversation.external(async () =>
    (await ctx.services.consultations.citizen.suggest(question.text, question.topicId)).map(({ article }) => ({
      id: article.id,
      title: ctx.locale === 'kk' ? article.titleKk : article.titleRu,
      body: ctx.locale === 'kk' ? article.bodyKk : article.bodyRu,
    })),
  );
  if (matches.length === 0) return null;
  const list = matches.map((m, i) => ctx.t('consultations:flow.suggest_item', { n: i + 1, title: esc(m.title), body: esc(clip(m.body, 700)) })).join('\n\n');
  const kb = new InlineKeyboard();
  matches.forEach((m, i) => kb.text(ctx.t('consultations:flow.helped', { n: i + 1 }), articleHelped.encode({ articleId: m.id })));
  kb.row().text(ctx.t('consultations:flow.not_helped'), articleHelped.encode({ articleId: 'no' }));
  await ctx.reply(ctx.t('consultations:flow.suggest', { list }), { parse_mode: 'HTML', reply_markup: kb });
  const { ctx: pressed, value } = await waitForButton(conversation, articleHelped);
  await pressed.editMessageReplyMarkup().catch(() => {});
  return value.articleId === 'no' ? null : value.articleId;
}

export async function askConversation(conversation: Flow, ctx: FlowContext): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const { topics, regionId } = await conversation.external(async () => {
    const [rows, regionId] = await Promise.all([ctx.services.consultations.topics.active(), ctx.services.citizens.regionOf(citizenId)]);
    return { topics: rows.map((r) => ({ id: r.id, name: localName(r, ctx.locale), days: r.responseDays })), regionId };
  });
  if (topics.length === 0) {
    await ctx.reply(ctx.t('consultations:flow.no_topics'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const { labels, legend } = choiceLabels(topics.map((x) => x.name));
  await ctx.reply(withLegend(ctx.t('consultations:flow.topic'), legend), {
    reply_markup: grid(
      topics.map((x, i) => pickTopic.offer(labels[i]!, { topicId: x.id })),
      1,
    ),
  });
  const picked = await waitForButton(conversation, pickTopic);
  await picked.ctx.editMessageReplyMarkup().catch(() => {});
  const topicId = picked.value.topicId;

  await ctx.reply(ctx.t('consultations:flow.group'), {
    reply_markup: grid(
      ASKER_GROUPS.map((g) => pickAskerGroup.offer(ctx.t(`consultations:flow.groups.${g}`), { group: g })),
      1,
    ),
  });
  const group = await waitForButton(conversation, pickAskerGroup);
  await group.ctx.editMessageReplyMarkup().catch(() => {});
  const askerGroup = (ASKER_GROUPS as string[]).includes(group.value.group) ? (group.value.group as AskerGroup) : 'individual';

  const { text, attachment } = await askText(conversation, ctx, ctx.t('consultations:flow.text', { min: QUESTION_MIN, max: QUESTION_MAX }), {
    min: QUESTION_MIN,
    max: QUESTION_MAX,
    allowFile: true,
  });
  const question: NewQuestion = { topicId, askerGroup, regionId, text, attachment };

  const articleId = await offerArticles(conversation, ctx, question);
  if (articleId != null) {
    const outcome = await conversation.external(() =>
      attempt(async () => (await ctx.services.consultations.citizen.selfServed(citizenId, question, articleId)).number),
    );
    await ctx.reply(outcome.ok ? ctx.t('consultations:flow.self_served') : errorText(ctx, outcome), { reply_markup: mainMenu(ctx) });
    if (outcome.ok) return;
  }
  const outcome = await conversation.external(() =>
    attempt(async () => {
      const q = await ctx.services.consultations.citizen.ask(citizenId, question);
      return { number: q.number, due: formatLocalDate(q.dueAt) };
    }),
  );
  const days = topics.find((x) => x.id === topicId)?.days ?? 2;
  await ctx.reply(outcome.ok ? ctx.t('consultations:flow.queued', { ...outcome.value, days }) : errorText(ctx, outcome), {
    parse_mode: 'HTML',
    reply_markup: mainMenu(ctx),
  });
}

/** A follow-up in the thread of an answered question. */
export async function followUpConversation(conversation: Flow, ctx: FlowContext, questionId: number, number: string): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const { text, attachment } = await askText(conversation, ctx, ctx.t('consultations:followup.ask', { number }), {
    min: QUESTION_MIN,
    max: QUESTION_MAX,
    allowFile: true,
  });
  const outcome = await conversation.external(() =>
    attempt(async () => void (await ctx.services.consultations.citizen.followUp(citizenId, questionId, text, attachment))),
  );
  await ctx.reply(outcome.ok ? ctx.t('consultations:followup.sent') : errorText(ctx, outcome), { reply_markup: mainMenu(ctx) });
}

/** A comment added to a rating already given. */
export async function rateCommentConversation(conversation: Flow, ctx: FlowContext, questionId: number, rating: number): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const { text } = await askText(conversation, ctx, ctx.t('consultations:rate.comment_ask', { max: RATING_COMMENT_MAX }), {
    min: 1,
    max: RATING_COMMENT_MAX,
    allowFile: false,
  });
  const outcome = await conversation.external(() =>
    attempt(async () => void (await ctx.services.consultations.citizen.rate(citizenId, questionId, rating, text))),
  );
  await ctx.reply(outcome.ok ? ctx.t('consultations:rate.comment_saved') : errorText(ctx, outcome), { reply_markup: mainMenu(ctx) });
}
