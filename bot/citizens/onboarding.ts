// /start, language choice and consent. Nothing but the Telegram id (in the session key) is kept
// before the citizen agrees; after they agree, the main menu and any pending deep link open.
import { Composer, InlineKeyboard } from 'grammy';
import type { i18n } from 'i18next';
import type { BotContext } from '../context.ts';
import { parseStartPayload, type Feature } from '../features.ts';
import { isLocale, type Locale } from '../../core/i18n/i18n.ts';
import { mainMenu } from '../menu.ts';
import { chooseLanguage, consentNo, consentYes } from './buttons.ts';
import { grid } from '../telegram/keyboard.ts';

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text('🇰🇿 Қазақша', chooseLanguage.encode({ locale: 'kk' })).text('🇷🇺 Русский', chooseLanguage.encode({ locale: 'ru' }));
}

export async function askLanguage(ctx: BotContext): Promise<void> {
  // Shown in both languages: we do not know yet which one the citizen reads.
  await ctx.reply('Тілді таңдаңыз 👇\nВыберите язык 👇', { reply_markup: languageKeyboard() });
}

export async function askConsent(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t('citizens:onboarding.consent.text'), {
    parse_mode: 'HTML',
    reply_markup: grid([consentYes.offer(ctx.t('citizens:onboarding.consent.agree')), consentNo.offer(ctx.t('citizens:onboarding.consent.decline'))], 1),
  });
}

export async function showMainMenu(ctx: BotContext, textKey = 'common:menu_prompt'): Promise<void> {
  await ctx.reply(ctx.t(textKey), { reply_markup: mainMenu(ctx) });
}

export function createOnboarding(i18n: i18n): Feature {
  async function openDeepLink(ctx: BotContext, payload: string): Promise<boolean> {
    const parsed = parseStartPayload(payload);
    const handler = parsed && ctx.catalog.deepLinks.get(parsed.prefix);
    if (!parsed || !handler) return false;
    await handler(ctx, parsed.rest);
    return true;
  }

  function setLocale(ctx: BotContext, locale: Locale) {
    ctx.session.locale = locale;
    ctx.locale = locale;
    ctx.t = i18n.getFixedT(locale);
  }

  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType('private');

  privateChat.command('start', async (ctx) => {
    const payload = ctx.match.trim();
    if (!ctx.citizen) {
      if (payload) ctx.session.pendingStart = payload.slice(0, 64);
      if (!ctx.session.locale) return askLanguage(ctx);
      return askConsent(ctx);
    }
    if (payload && (await openDeepLink(ctx, payload))) return;
    await showMainMenu(ctx, payload ? 'common:link_unknown' : 'citizens:onboarding.welcome_back');
  });

  privateChat.command('language', (ctx) => askLanguage(ctx));

  privateChat.callbackQuery(chooseLanguage.pattern, async (ctx) => {
    const { locale } = chooseLanguage.decode(ctx.callbackQuery.data)!;
    if (!isLocale(locale)) return;
    setLocale(ctx, locale);
    if (ctx.citizen) await ctx.services.citizens.setLocale(ctx.citizen.id, locale);
    await ctx.answerCallbackQuery({ text: ctx.t('citizens:onboarding.language_set') });
    await ctx.editMessageText(ctx.t('citizens:onboarding.language_chosen')).catch(() => {});
    if (!ctx.citizen) return askConsent(ctx);
    await showMainMenu(ctx);
  });

  privateChat.callbackQuery(consentYes.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!ctx.citizen) {
      const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(' ').slice(0, 200) || null;
      ctx.citizen = await ctx.services.citizens.giveConsent(ctx.from.id, ctx.locale, name);
    }
    await ctx.editMessageReplyMarkup().catch(() => {});
    const pending = ctx.session.pendingStart;
    ctx.session.pendingStart = undefined;
    await showMainMenu(ctx, 'citizens:onboarding.welcome');
    if (pending) await openDeepLink(ctx, pending);
  });

  privateChat.callbackQuery(consentNo.pattern, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('citizens:onboarding.consent.declined'), {
      parse_mode: 'HTML',
      reply_markup: new InlineKeyboard().text(ctx.t('citizens:onboarding.consent.agree'), consentYes.encode()),
    });
  });

  // Until the citizen agrees, everything else leads back to the consent question.
  privateChat.use(async (ctx, next) => {
    if (ctx.citizen) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('citizens:onboarding.consent.needed_short') });
    if (!ctx.session.locale) return askLanguage(ctx);
    await ctx.reply(ctx.t('citizens:onboarding.consent.needed'));
    await askConsent(ctx);
  });

  return {
    name: 'onboarding',
    composer,
    commands: [
      { command: 'start', descriptionKey: 'common:commands.start', order: 1 },
      { command: 'language', descriptionKey: 'common:commands.language', order: 2 },
    ],
  };
}
