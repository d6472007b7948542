// Puts services, the citizen and the translator on every context. Runs before anything that talks.
import type { i18n } from 'i18next';
import type { MiddlewareFn } from 'grammy';
import type { Services } from '../../core/services.ts';
import type { Conversation } from '@grammyjs/conversations';
import type { AppFlavor, BotContext, FlowContext } from '../context.ts';
import { recordSmallAnswers } from '../flow-api.ts';
import { passesFlows } from '../flow-filter.ts';
import type { BotCatalog } from '../menu.ts';
import { isLocale, localeFromTelegram, type Locale } from '../../core/i18n/i18n.ts';
import { cachedTranslators } from '../../core/i18n/cached-t.ts';

export function chooseLocale(ctx: Pick<BotContext, 'from'> & { citizen: AppFlavor['citizen'] }, sessionLocale?: Locale): Locale {
  if (ctx.citizen && isLocale(ctx.citizen.locale)) return ctx.citizen.locale;
  if (sessionLocale) return sessionLocale;
  return localeFromTelegram(ctx.from?.language_code);
}

export function appContext(services: Services, i18n: i18n, catalog: BotCatalog): MiddlewareFn<BotContext> {
  // An update asks for the same texts again and again (the menu, a step's question): core/i18n/cached-t.ts.
  const translator = cachedTranslators(i18n);
  return async (ctx, next) => {
    ctx.services = services;
    ctx.catalog = catalog;
    const from = ctx.from;
    ctx.citizen = null;
    if (from && !from.is_bot && ctx.chat?.type === 'private') {
      // Read with the chat's state in the update's first statement, when it went through chatUnit.
      const citizen = ctx.citizenRead !== undefined ? ctx.citizenRead : await services.citizens.findByTelegramId(from.id);
      // A citizen row without consent (after erasure) is not a citizen until they agree again.
      if (citizen?.consentAt) {
        ctx.citizen = citizen;
        await services.citizens.touch(citizen);
      }
    }
    // Only private chats have a session (bot/create-bot.ts); in a group grammY throws on reading it.
    ctx.locale = chooseLocale(ctx, ctx.chat?.type === 'private' ? ctx.session?.locale : undefined);
    ctx.t = translator(ctx.locale);
    await next();
  };
}

/**
 * The conversation-side twin of appContext. The outside context of the current update already read
 * the citizen; `external` records what it found, so replaying old updates costs no database reads.
 * Commands, main-menu buttons and buttons not made by a flow pass by a waiting conversation to
 * their own handlers (so /cancel, /help and the menu always work) while the conversation waits on.
 */
export function flowContext(services: Services, i18n: i18n, catalog: BotCatalog) {
  const entered = new WeakSet<object>();
  const translator = cachedTranslators(i18n);
  return (conversation: Conversation<BotContext, FlowContext>): MiddlewareFn<FlowContext> =>
    async (ctx, next) => {
      // The first update of a run is the one that entered the conversation (a menu button, a command);
      // a replay builds a new conversation object, so this holds on every replay too.
      const entering = !entered.has(conversation);
      entered.add(conversation);
      recordSmallAnswers(conversation, ctx);
      if (!entering && passesFlows(ctx, catalog.byLabel)) await conversation.skip({ next: true });
      const outer = await conversation.external((o) => ({ locale: o.locale, citizenId: o.citizen?.id ?? null }));
      ctx.services = services;
      ctx.catalog = catalog;
      ctx.locale = outer.locale;
      ctx.citizenId = outer.citizenId;
      ctx.t = translator(outer.locale);
      await next();
    };
}
