// Per-user flood limit, placed before any database work: a citizen who sends too much is told
// once to slow down, then ignored until the window ends.
import { limit } from '@grammyjs/ratelimiter';
import type { i18n } from 'i18next';
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { localeFromTelegram } from '../../core/i18n/i18n.ts';

export function rateLimit(perMinute: number, i18n: i18n): MiddlewareFn<BotContext> {
  const warned = new Map<number, number>();
  return limit<BotContext, never>({
    timeFrame: 60_000,
    limit: perMinute,
    keyGenerator: (ctx) => (ctx.chat?.type === 'private' ? ctx.from?.id.toString() : undefined),
    // The plugin does not await this: the warning is sent on the side, and its failure is ignored.
    onLimitExceeded: (ctx) => {
      const id = ctx.from?.id;
      if (id === undefined) return;
      if (Date.now() - (warned.get(id) ?? 0) < 60_000) return;
      warned.set(id, Date.now());
      if (warned.size > 10_000) warned.clear();
      const text = i18n.getFixedT(ctx.session?.locale ?? localeFromTelegram(ctx.from?.language_code))('common:flood');
      if (ctx.callbackQuery) void ctx.answerCallbackQuery({ text }).catch(() => {});
      else void ctx.reply(text).catch(() => {});
    },
  }) as MiddlewareFn<BotContext>;
}
