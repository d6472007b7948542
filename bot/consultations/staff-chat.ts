// Topic staff groups for consultations: the "take" button under a question's post claims it, and a reply
// to the post is the answer the citizen receives (claiming it first if nobody holds it). Only a Telegram
// user linked to an active consultant (or admin) account whose region covers the question may act; both go
// through the consultant service, so the thread, the audit log and the citizen's message are as in the API.
import { Composer } from 'grammy';
import type { i18n } from 'i18next';
import type { BotContext } from '../context.ts';
import type { Feature } from '../features.ts';
import { questionChatRefusal, refreshQuestionPosts } from '../../core/consultations/question-staff-chat.ts';
import { takeQuestion } from '../../core/consultations/consultations-buttons.ts';
import { DomainError } from '../../core/errors.ts';
import { linkedStaff } from '../../core/staff/staff-chat-kit.ts';
import { telegramChat } from '../telegram/chat-port.ts';

const displayName = (u: { first_name: string; last_name?: string }) => [u.first_name, u.last_name].filter(Boolean).join(' ');
const reason = (ctx: BotContext, e: DomainError) => ctx.t(`errors:${e.code}`, { ...e.params, defaultValue: ctx.t('common:error') });

export function createQuestionStaffChat(i18n: i18n): Feature {
  const composer = new Composer<BotContext>();
  const groups = composer.chatType(['group', 'supergroup']);

  /** Shows the change in the group at once (the sync job would within seconds anyway). */
  async function refresh(ctx: BotContext, questionId: number) {
    const { prisma, calendar, now, logger } = ctx.services;
    const chat = telegramChat((method, params) => ctx.api.raw[method as 'editMessageText'](params as never));
    await refreshQuestionPosts({ prisma, chat, i18n, calendar, now }, questionId).catch((e) =>
      logger.warn({ err: e, questionId }, 'question chat: could not refresh the post'),
    );
  }

  /** The acting consultant, or the refusal in their language. */
  async function actor(ctx: BotContext, fromId: number, question: { regionId: number | null }) {
    const staff = await linkedStaff(ctx.services.prisma, fromId);
    const refused = questionChatRefusal(staff, question);
    return refused || !staff ? { refusal: ctx.t(`consultations:chat.${refused ?? 'not_linked'}`) } : { staff };
  }

  groups.callbackQuery(takeQuestion.pattern, async (ctx) => {
    const { questionId } = takeQuestion.decode(ctx.callbackQuery.data)!;
    const question = await ctx.services.prisma.question.findUnique({ where: { id: questionId } });
    if (!question) return ctx.answerCallbackQuery({ text: ctx.t('errors:question.not_found'), show_alert: true });
    const who = await actor(ctx, ctx.from.id, question);
    if (!who.staff) return ctx.answerCallbackQuery({ text: who.refusal, show_alert: true });
    try {
      await ctx.services.questionStaff.claim({ type: 'staff', id: who.staff.id }, who.staff, questionId);
      await ctx.answerCallbackQuery({ text: ctx.t('consultations:chat.taken'), show_alert: true });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      await ctx.answerCallbackQuery({ text: reason(ctx, e).slice(0, 200), show_alert: true });
    }
    return refresh(ctx, questionId);
  });

  groups.on('message:text', async (ctx, next) => {
    const replied = ctx.msg.reply_to_message;
    if (!replied || replied.from?.id !== ctx.me.id) return next();
    const post = await ctx.services.prisma.questionStaffMessage.findUnique({
      where: { chatId_messageId: { chatId: BigInt(ctx.chat.id), messageId: BigInt(replied.message_id) } },
      include: { question: true },
    });
    if (!post) return next();
    const answer = (text: string) => ctx.reply(text, { reply_parameters: { message_id: ctx.msg.message_id } });
    const who = await actor(ctx, ctx.from.id, post.question);
    if (!who.staff) return answer(who.refusal);
    try {
      await ctx.services.questionStaff.answer({ type: 'staff', id: who.staff.id }, who.staff, post.questionId, { text: ctx.msg.text });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return answer(ctx.t('consultations:chat.failed', { reason: reason(ctx, e) }));
    }
    await answer(ctx.t('consultations:chat.sent', { number: post.question.number, name: displayName(ctx.from) }));
    await refresh(ctx, post.questionId);
  });

  return { name: 'question-staff-chat', composer };
}
