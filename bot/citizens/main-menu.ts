// Main-menu buttons, /help and /cancel. The menu's entries come from every installed feature (ctx.catalog).
import { Composer } from 'grammy';
import type { TFunction } from '../../core/i18n/i18n.ts';
import type { BotContext } from '../context.ts';
import type { CommandEntry, Feature } from '../features.ts';
import { mainMenu } from '../menu.ts';

/**
 * /help: what the bot does, then every published command with the description Telegram shows for it,
 * one a line. Built from the same list as Telegram's command menu (bot/run.ts), so the two cannot drift.
 */
export function helpText(t: TFunction, commands: readonly CommandEntry[]): string {
  const lines = commands.map((c) => t('common:help.line', { command: c.command, description: t(c.descriptionKey) }));
  return [t('common:help.intro'), '', t('common:help.commands'), ...lines].join('\n');
}

export function createMenu(): Feature {
  const showHelp = (ctx: BotContext) => ctx.reply(helpText(ctx.t, ctx.catalog.commands), { parse_mode: 'HTML', reply_markup: mainMenu(ctx) });

  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  // /cancel works everywhere, also inside a conversation (it is installed before conversations run).
  pm.command('cancel', async (ctx) => {
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t('common:cancelled'), { reply_markup: mainMenu(ctx) });
  });
  pm.command('help', showHelp);
  pm.command('menu', (ctx) => ctx.reply(ctx.t('common:menu_prompt'), { reply_markup: mainMenu(ctx) }));

  pm.on('message:text', async (ctx, next) => {
    const entry = ctx.catalog.byLabel.get(ctx.message.text);
    return entry ? entry.open(ctx) : next();
  });

  return {
    name: 'menu',
    composer,
    menu: [{ key: 'help', order: 41, labelKey: 'common:menu.help', open: showHelp }],
    commands: [
      { command: 'menu', descriptionKey: 'common:commands.menu', order: 3 },
      { command: 'help', descriptionKey: 'common:commands.help', order: 4 },
      { command: 'cancel', descriptionKey: 'common:commands.cancel', order: 5 },
    ],
  };
}
