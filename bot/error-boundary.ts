// A failing handler must not leave the citizen in silence or lose their progress: the error is
// logged with the update, and the citizen is told to try again (sessions and drafts are untouched).
import type { BotError } from 'grammy';
import type { Logger } from 'pino';
import { DomainError } from '../core/errors.ts';
import type { BotContext } from './context.ts';

export function errorBoundary(logger: Logger, onError?: (ctx: BotContext) => void) {
  return async (err: BotError<BotContext>) => {
    const ctx = err.ctx;
    onError?.(ctx);
    const domain = err.error instanceof DomainError ? err.error : null;
    if (!domain) logger.error({ err: err.error, update: ctx.update }, 'bot: handler failed');
    const text = domain ? ctx.t(`errors:${domain.code}`, { ...domain.params, defaultValue: ctx.t('common:error') }) : ctx.t('common:error');
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text.slice(0, 190), show_alert: true });
      else if (ctx.chat?.type === 'private') await ctx.reply(text);
    } catch (e) {
      logger.warn({ err: e }, 'bot: could not tell the citizen about the error');
    }
  };
}
