// A waiting conversation takes only what is meant for it: text and its own buttons ('@…'). Commands,
// main-menu labels (in either language) and other features' buttons pass by to their own handlers,
// and the conversation keeps waiting.
import { Composer } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../bot/context.ts';
import type { Feature } from '../../bot/features.ts';
import { recordingBot } from '../helpers/bot-recorder.ts';

/** A flow that says what it was given, twice; and handlers outside it that say who answered. */
function probe(): Feature {
  const composer = new Composer<BotContext>();
  composer.command('probe', (ctx) => ctx.conversation.enter('probe'));
  composer.command('help', (ctx) => ctx.reply('outside: /help'));
  composer.hears(['📋 Мои обращения', '📋 Менің өтініштерім'], (ctx) => ctx.reply(`outside: ${ctx.message!.text}`));
  composer.on('callback_query:data', (ctx) => ctx.reply(`outside: ${ctx.callbackQuery.data}`));
  return {
    name: 'probe',
    composer,
    // A main-menu entry makes its label known to the flow filter in both languages (the main menu opens it).
    menu: [{ key: 'my_reports', order: 11, labelKey: 'common:menu.my_reports', open: (ctx) => ctx.reply('menu') }],
    flows: [
      {
        id: 'probe',
        version: 1,
        builder: async (conversation, ctx) => {
          await ctx.reply('flow: started');
          for (let i = 0; i < 2; i++) {
            const got = await conversation.wait();
            await got.reply(`flow: ${got.message?.text ?? got.callbackQuery?.data}`);
          }
        },
      },
    ],
  };
}

describe('the flow filter', () => {
  it.each([
    ['a command', (b: ReturnType<typeof recordingBot>) => b.send('/help'), 'outside: /help'],
    ['a main-menu label in Russian', (b: ReturnType<typeof recordingBot>) => b.send('📋 Мои обращения'), 'outside: 📋 Мои обращения'],
    ['a main-menu label in Kazakh', (b: ReturnType<typeof recordingBot>) => b.send('📋 Менің өтініштерім'), 'outside: 📋 Менің өтініштерім'],
    ['another feature’s button', (b: ReturnType<typeof recordingBot>) => b.press('vo:conf:12:y'), 'outside: vo:conf:12:y'],
  ])('lets %s pass by a waiting flow, which waits on', async (_, act, answer) => {
    const bot = recordingBot([probe()]);
    await bot.send('/probe');
    await act(bot);
    await bot.send('Абая 10');
    expect(bot.replies()).toEqual(['flow: started', answer, 'flow: Абая 10']);
  });

  it('gives the waiting flow text and its own buttons', async () => {
    const bot = recordingBot([probe()]);
    await bot.send('/probe');
    await bot.press('@pick:3');
    await bot.send('Абая 10');
    expect(bot.replies()).toEqual(['flow: started', 'flow: @pick:3', 'flow: Абая 10']);
  });
});
