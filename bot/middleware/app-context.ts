// Puts services, the citizen and the translator on every context. Runs before anything that talks.
import type { i18n } from 'i18next';
import type { MiddlewareFn } from 'grammy';
import type { Services } from '../../core/services.ts';
import type { AppFlavor, BotContext } from '../context.ts';
import { isLocale, localeFromTelegram, type Locale } from '../../core/i18n/i18n.ts';

export function chooseLocale(ctx: Pick<BotContext, 'from'> & { citizen: AppFlavor['citizen'] }, sessionLocale?: Locale): Locale {
  if (ctx.citizen && isLocale(ctx.citizen.locale)) return ctx.citizen.locale;
  if (sessionLocale) return sessionLocale;
  return localeFromTelegram(ctx.from?.language_code);
}

export function appContext(services: Services, i18n: i18n): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    ctx.services = services;
    const from = ctx.from;
    ctx.citizen = null;
    if (from && !from.is_bot && ctx.chat?.type === 'private') {
      const citizen = await services.citizens.findByTelegramId(from.id);
      // A citizen row without consent (after erasure) is not a citizen until they agree again.
      if (citizen?.consentAt) {
        ctx.citizen = citizen;
        await services.citizens.touch(citizen);
      }
    }
    ctx.locale = chooseLocale(ctx, ctx.session?.locale);
    ctx.t = i18n.getFixedT(ctx.locale);
    await next();
  };
}

