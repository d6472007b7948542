// Per-user flood limit, placed before any database work: a citizen who sends too much is told
// once to slow down, then ignored until the window ends.
import { limit } from '@grammyjs/ratelimiter';
import type { i18n } from 'i18next';
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { localeFromTelegram } from '../../core/i18n/i18n.ts';

export function rateLimit(perMinute: number, i18n: i18n, now: () => Date = () => new Date()): MiddlewareFn<BotContext> {
  const warned = new Map<number, number>();
  // The plugin calls onLimitExceeded without awaiting it; the warning's promise is kept per update
  // and awaited below, so the update is finished only when the citizen has been told (and a failed
  // send is still ignored).
  const pending = new WeakMap<BotContext, Promise<unknown>>();
  const limiter = limit<BotContext, never>({
    timeFrame: 60_000,
    limit: perMinute,
    keyGenerator: (ctx) => (ctx.chat?.type === 'private' ? ctx.from?.id.toString() : undefined),
    onLimitExceeded: (ctx) => {
      const id = ctx.from?.id;
      if (id === undefined) return;
      const at = now().getTime();
      if (at - (warned.get(id) ?? 0) < 60_000) return;
      warned.set(id, at);
      if (warned.size > 10_000) warned.clear();
      const text = i18n.getFixedT(ctx.session?.locale ?? localeFromTelegram(ctx.from?.language_code))('common:flood');
      const sent = ctx.callbackQuery ? ctx.answerCallbackQuery({ text }) : ctx.reply(text);
      pending.set(
        ctx,
        sent.catch(() => undefined),
      );
    },
  }) as MiddlewareFn<BotContext>;
  return async (ctx, next) => {
    await limiter(ctx, next);
    await pending.get(ctx);
  };
}
