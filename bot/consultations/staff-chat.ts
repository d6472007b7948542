// Topic staff groups for consultations: the "take" button under a question's post claims it, and a reply
// to the post is the answer the citizen receives (claiming it first if nobody holds it). Only a Telegram
// user linked to an active consultant (or admin) account whose region covers the question may act
// (services.consultations.staffChat decides); both go through the consultant service, so the thread, the
// audit log and the citizen's message are as in the API.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature } from '../features.ts';
import { takeQuestion } from '../../core/consultations/consultations-buttons.ts';
import { DomainError } from '../../core/errors.ts';
import { telegramChat } from '../telegram/chat-port.ts';

const displayName = (u: { first_name: string; last_name?: string }) => [u.first_name, u.last_name].filter(Boolean).join(' ');
const reason = (ctx: BotContext, e: DomainError) => ctx.t(`errors:${e.code}`, { ...e.params, defaultValue: ctx.t('common:error') });
/** Why someone may not act, in their language (a question gone is the API's own 404 text). */
const refusalText = (ctx: BotContext, refusal: string) => ctx.t(refusal === 'not_found' ? 'errors:question.not_found' : `consultations:chat.${refusal}`);

export function createQuestionStaffChat(): Feature {
  const composer = new Composer<BotContext>();
  const groups = composer.chatType(['group', 'supergroup']);

  /** Shows the change in the group at once (the sync job would within seconds anyway). */
  async function refresh(ctx: BotContext, questionId: number) {
    const chat = telegramChat((method, params) => ctx.api.raw[method as 'editMessageText'](params as never));
    await ctx.services.consultations.staffChat
      .refresh(questionId, chat)
      .catch((e) => ctx.services.logger.warn({ err: e, questionId }, 'question chat: could not refresh the post'));
  }

  groups.callbackQuery(takeQuestion.pattern, async (ctx) => {
    const { questionId } = takeQuestion.decode(ctx.callbackQuery.data)!;
    const who = await ctx.services.consultations.staffChat.actorFor(ctx.from.id, questionId);
    if (!who.staff) return ctx.answerCallbackQuery({ text: refusalText(ctx, who.refusal), show_alert: true });
    try {
      await ctx.services.consultations.staff.claim({ type: 'staff', id: who.staff.id }, who.staff, questionId);
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
    const who = await ctx.services.consultations.staffChat.actorAtPost(ctx.from.id, ctx.chat.id, replied.message_id);
    if (!who) return next();
    const answer = (text: string) => ctx.reply(text, { reply_parameters: { message_id: ctx.msg.message_id } });
    if (!who.staff) return answer(refusalText(ctx, who.refusal));
    const { question } = who;
    try {
      await ctx.services.consultations.staff.answer({ type: 'staff', id: who.staff.id }, who.staff, question.id, { text: ctx.msg.text });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      return answer(ctx.t('consultations:chat.failed', { reason: reason(ctx, e) }));
    }
    await answer(ctx.t('consultations:chat.sent', { number: question.number, name: displayName(ctx.from) }));
    await refresh(ctx, question.id);
  });

  return { name: 'question-staff-chat', composer };
}
