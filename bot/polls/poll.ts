// Polls in the bot: "📊 Polls" lists the citizen's open polls (those of the projects they take part in,
// not answered yet; a started one resumes), the invitation's button (`startPoll`, sent through the
// outbox) starts or resumes answering, and the wave's link t.me/<bot>?start=poll_<code> makes a
// follower a beneficiary of the project, asks the profile questions once and starts the poll.
import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { mainMenu, unknownLink } from '../menu.ts';
import { formatLocalDate } from '../../core/calendar/local-time.ts';
import { enterFlow, esc, numberedLabels, showScreen } from '../flow-kit.ts';
import { pollAnswerConversation } from './poll-answer.ts';
import { startPoll } from '../../core/polls/polls-buttons.ts';

export const POLL_FLOW = 'poll-answer';

async function showOpenPolls(ctx: BotContext): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const open = await ctx.services.polls.citizen.openFor(citizenId);
  if (open.length === 0) {
    await ctx.reply(ctx.t('polls:list.empty'), { reply_markup: mainMenu(ctx) });
    return;
  }
  const kk = ctx.locale === 'kk';
  const titles = open.map((p) => (kk ? p.titleKk : p.titleRu));
  // The buttons may shorten a title; the message lists each in full with its wave and closing day.
  const labels = numberedLabels(titles, (i, title) => `${open[i]!.started ? ctx.t('polls:list.started') : ''}${title}`);
  const kb = new InlineKeyboard();
  open.forEach((p, i) => kb.text(labels[i]!, startPoll.encode({ waveId: p.waveId })).row());
  const lines = open.map((p, i) =>
    ctx.t('polls:list.item', { n: i + 1, title: esc(titles[i]!), wave: esc(kk ? p.labelKk : p.labelRu), closes: formatLocalDate(p.closesAt) }),
  );
  await showScreen(ctx, [ctx.t('polls:list.title'), '', ...lines].join('\n'), kb, { edit: false });
}

export function createPollFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('polls', showOpenPolls);
  pm.callbackQuery(startPoll.pattern, async (ctx) => {
    // The invitation keeps its button: it resumes the poll later, too.
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, POLL_FLOW, startPoll.decode(ctx.callbackQuery.data)!.waveId, false);
  });

  return {
    name: 'polls',
    composer,
    flows: [{ id: POLL_FLOW, version: 1, builder: pollAnswerConversation as FlowDefinition['builder'] }],
    menu: [{ key: 'polls', order: 30, labelKey: 'common:menu.polls', open: showOpenPolls }],
    deepLinks: {
      poll: async (ctx, rest) => {
        const waveId = await ctx.services.polls.citizen.waveByCode(rest);
        if (waveId == null) return unknownLink(ctx);
        await enterFlow(ctx, POLL_FLOW, waveId, true);
      },
    },
    commands: [{ command: 'polls', descriptionKey: 'polls:commands.polls', order: 50 }],
  };
}
