// Last in the chain: whatever no feature handled gets a helpful answer instead of silence.
import { Composer } from 'grammy';
import type { BotContext } from './context.ts';
import { mainMenu } from './menu.ts';

export function fallback(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  // A button from an old message (or one whose flow has ended): stop the spinner and say so.
  composer.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('common:stale_button'), show_alert: false }));
  composer.chatType('private').on('message', (ctx) => ctx.reply(ctx.t('common:unknown_input'), { reply_markup: mainMenu(ctx) }));
  return composer;
}
