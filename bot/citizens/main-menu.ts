// Main-menu buttons, /help and /cancel. A menu item whose capability has not landed says it is coming.
import { Composer } from 'grammy';
import type { i18n } from 'i18next';
import type { TFunction } from '../../core/i18n/i18n.ts';
import type { BotContext } from '../context.ts';
import type { Feature, MenuKey } from '../features.ts';
import { mainMenu, menuLabels } from '../menu.ts';

export type CommandList = Array<{ command: string; descriptionKey: string }>;

/**
 * /help: what the bot does, then every published command with the description Telegram shows for it,
 * one a line. Built from the same list as Telegram's command menu (bot/run.ts), so the two cannot drift.
 */
export function helpText(t: TFunction, commands: CommandList): string {
  const lines = commands.map((c) => t('common:help.line', { command: c.command, description: t(c.descriptionKey) }));
  return [t('common:help.intro'), '', t('common:help.commands'), ...lines].join('\n');
}

/** `commands` is read when /help is asked: the features publishing them are all built by then. */
export function createMenu(i18n: i18n, features: Feature[], commands: () => CommandList): Feature {
  const showHelp = (ctx: BotContext) => ctx.reply(helpText(ctx.t, commands()), { parse_mode: 'HTML', reply_markup: mainMenu(ctx.t) });
  const handlers = new Map<MenuKey, (ctx: BotContext) => Promise<unknown>>();
  handlers.set('help', showHelp);
  for (const f of features) for (const [key, open] of Object.entries(f.menu ?? {})) handlers.set(key as MenuKey, open);
  const labels = menuLabels(i18n);

  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  // /cancel works everywhere, also inside a conversation (it is installed before conversations run).
  pm.command('cancel', async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('common:cancelled'), { reply_markup: mainMenu(ctx.t) });
  });
  pm.command('help', showHelp);
  pm.command('menu', (ctx) => ctx.reply(ctx.t('common:menu_prompt'), { reply_markup: mainMenu(ctx.t) }));

  pm.on('message:text', async (ctx, next) => {
    const key = labels.get(ctx.message.text);
    if (!key) return next();
    const open = handlers.get(key);
    if (open) return open(ctx);
    await ctx.reply(ctx.t('common:coming_soon', { item: ctx.t(`common:menu.${key}`) }), { reply_markup: mainMenu(ctx.t) });
  });

  return {
    name: 'menu',
    composer,
    commands: [
      { command: 'menu', descriptionKey: 'common:commands.menu' },
      { command: 'help', descriptionKey: 'common:commands.help' },
      { command: 'cancel', descriptionKey: 'common:commands.cancel' },
    ],
  };
}
