// Staff groups: the buttons under each report's post (accept, resolve, reject), the public note that
// closing needs, asked for with a force-reply prompt, and /chatid for the admin who connects a group.
// Only a Telegram user linked to an active staff account with the operator role and the report in
// scope may act; the change goes through changeStatus, so the citizen hears of it as usual.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import type { KeyValueStorage } from '../../core/chat-state/chat-state.ts';
import type { Feature } from '../features.ts';
import { conflict, DomainError } from '../../core/errors.ts';
import { STAFF_ACTIONS, type StaffAction } from '../../core/reports/staff-chat.ts';
import { staffAction } from '../../core/reports/reports-buttons.ts';
import { canTransition } from '../../core/reports/report-status.ts';
import { formatDue } from '../../core/reports/staff-notify.ts';
import { isAdmin } from '../../core/staff/scope.ts';
import { esc } from '../flow-kit.ts';
import { telegramChat } from '../telegram/chat-port.ts';

/**
 * A prompt waiting for its note, kept under the prompt's chat and message id in the bot's key-value
 * table: the reply names the message it answers, so nothing has to be parsed back out of visible text,
 * and any instance of the bot can take the reply.
 */
interface PendingNote {
  action: Exclude<StaffAction, 'acc'>;
  reportId: number;
  staffId: number;
  at: string;
}

const PROMPT_TTL_MS = 24 * 3_600_000;

const displayName = (u: { first_name: string; last_name?: string }) => [u.first_name, u.last_name].filter(Boolean).join(' ');

/** A domain refusal in the reader's language, with statuses by their names. */
function refusalText(ctx: BotContext, e: DomainError): string {
  const params: Record<string, unknown> = { ...e.params };
  for (const k of ['from', 'to']) if (typeof params[k] === 'string') params[k] = ctx.t(`reports:status.${params[k]}`);
  return ctx.t(`errors:${e.code}`, { ...params, defaultValue: ctx.t('common:error') });
}

export function createStaffChat(): Feature {
  const composer = new Composer<BotContext>();
  const groups = composer.chatType(['group', 'supergroup']);
  let storage: KeyValueStorage<PendingNote> | undefined;
  const pending = (ctx: BotContext) => (storage ??= ctx.services.chatState.store<PendingNote>('sg:'));

  /** Shows the change in the group at once (the sync job would within seconds anyway). */
  async function refresh(ctx: BotContext, reportId: number) {
    const chat = telegramChat((method, params) => ctx.api.raw[method as 'editMessageText'](params as never));
    await ctx.services.reportStaffChat
      .refresh(reportId, chat)
      .catch((e) => ctx.services.logger.warn({ err: e, reportId }, 'staff chat: could not refresh the post'));
  }

  groups.command('chatid', async (ctx) => {
    // Only a linked admin is answered: the id is for configuring the department, not for everyone.
    const staff = ctx.from ? await ctx.services.reportStaffChat.member(ctx.from.id) : null;
    if (!staff || !isAdmin(staff)) return;
    await ctx.reply(ctx.t('staff:chat.chat_id', { id: ctx.chat.id }), { reply_parameters: { message_id: ctx.msg.message_id } });
  });

  groups.callbackQuery(staffAction.pattern, async (ctx) => {
    const { action, reportId } = staffAction.decode(ctx.callbackQuery.data)!;
    const { reportStaffChat, reports } = ctx.services;
    const found = await reportStaffChat.actorOn(ctx.from.id, reportId);
    if (found.refused === 'not_found') return ctx.answerCallbackQuery({ text: ctx.t('errors:report.not_found'), show_alert: true });
    if (found.refused) return ctx.answerCallbackQuery({ text: ctx.t(`staff:chat.${found.refused}`), show_alert: true });
    const { report, staff } = found;

    const to = STAFF_ACTIONS[action];
    if (!canTransition(report.status, to)) {
      // Someone was quicker, or the post has not caught up yet.
      await ctx.answerCallbackQuery({ text: refusalText(ctx, conflict('report.bad_transition', { from: report.status, to })), show_alert: true });
      return refresh(ctx, reportId);
    }
    if (action === 'acc') {
      try {
        const after = await reports.changeStatus({ type: 'staff', id: staff.id }, reportId, { to });
        await ctx.answerCallbackQuery({ text: ctx.t('staff:chat.accepted', { due: formatDue(after.dueAt) }) });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        await ctx.answerCallbackQuery({ text: refusalText(ctx, e).slice(0, 200), show_alert: true });
      }
      return refresh(ctx, reportId);
    }

    await ctx.answerCallbackQuery();
    const mention = `<a href="tg://user?id=${ctx.from.id}">${esc(displayName(ctx.from))}</a>`;
    const post = ctx.callbackQuery.message;
    const prompt = await ctx.reply(ctx.t(`staff:chat.prompt.${action}`, { name: mention, number: report.number }), {
      parse_mode: 'HTML',
      // selective: the reply field opens for the person mentioned, not for the whole group
      reply_markup: { force_reply: true, selective: true },
      ...(post ? { reply_parameters: { message_id: post.message_id, allow_sending_without_reply: true } } : {}),
    });
    await pending(ctx).write(`${ctx.chat.id}:${prompt.message_id}`, { action, reportId, staffId: staff.id, at: ctx.services.now().toISOString() });
  });

  groups.on('message:text', async (ctx, next) => {
    const prompt = ctx.msg.reply_to_message;
    if (!prompt || prompt.from?.id !== ctx.me.id) return next();
    const key = `${ctx.chat.id}:${prompt.message_id}`;
    const note = await pending(ctx).read(key);
    if (!note) return next();
    if (ctx.services.now().getTime() - Date.parse(note.at) > PROMPT_TTL_MS) {
      await pending(ctx).delete(key);
      return next();
    }
    const answer = (text: string) => ctx.reply(text, { reply_parameters: { message_id: ctx.msg.message_id } });
    const { reportStaffChat, reports } = ctx.services;
    const found = await reportStaffChat.actorOn(ctx.from.id, note.reportId);
    if (found.refused === 'not_found') return answer(ctx.t('errors:report.not_found'));
    if (found.refused) return answer(ctx.t(`staff:chat.${found.refused}`));
    const { report, staff } = found;
    try {
      await reports.changeStatus({ type: 'staff', id: staff.id }, report.id, { to: STAFF_ACTIONS[note.action], publicNote: ctx.msg.text });
    } catch (e) {
      // The prompt stays open: a note that was too long can be sent again shorter.
      if (!(e instanceof DomainError)) throw e;
      return answer(ctx.t('staff:chat.failed', { reason: refusalText(ctx, e) }));
    }
    await pending(ctx).delete(key);
    // The prompt turns into the record of what was done, so the group is not left with a dangling question.
    await ctx.api
      .editMessageText(ctx.chat.id, prompt.message_id, ctx.t(`staff:chat.done.${note.action}`, { number: report.number, name: displayName(ctx.from) }))
      .catch(() => {});
    await refresh(ctx, report.id);
  });

  return { name: 'staff-chat', composer };
}
