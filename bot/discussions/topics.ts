// Public discussion in the bot («💬 Topics under discussion»): open topics that suit the citizen, a topic
// with its fields and latest comments (with a flag on each), a comment or proposal (topic-comment.ts), the
// citizen's own comments with decisions, subscriptions to areas and regions, and the deep link
// t.me/<bot>?start=topic_<id> a state body puts on its website.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { attempt, enterFlow, errorText } from '../flow-kit.ts';
import { topicCommentConversation } from './topic-comment.ts';
import { flagAnswer, showMyComments, showSubscriptionChoices, showSubscriptions, showTopicDetail, showTopics } from './topic-views.ts';

/** Runs a button's action; a refusal from the domain (topic gone, own comment …) comes back as an alert. */
async function onButton(ctx: BotContext, run: () => Promise<string | void>): Promise<void> {
  const outcome = await attempt(run);
  if (outcome.ok) await ctx.answerCallbackQuery(outcome.value ? { text: outcome.value } : undefined);
  else await ctx.answerCallbackQuery({ text: errorText(ctx, outcome).slice(0, 190), show_alert: true });
}

/** Opens a topic from a deep link or an announcement; an unknown one is said so, with the menu. */
async function openTopic(ctx: BotContext, topicId: number): Promise<void> {
  const outcome = await attempt(() => showTopicDetail(ctx, topicId));
  if (!outcome.ok) await ctx.reply(errorText(ctx, outcome), { reply_markup: mainMenu(ctx.t) });
}

export function createTopicsFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('topics', (ctx) => showTopics(ctx));
  pm.callbackQuery(/^tp:list:([af]):(\d+)$/, (ctx) =>
    onButton(ctx, () => showTopics(ctx, { all: ctx.match[1] === 'a', offset: Number(ctx.match[2]), edit: true })),
  );
  pm.callbackQuery(/^tp:open:(\d+)$/, (ctx) => onButton(ctx, () => showTopicDetail(ctx, Number(ctx.match[1]))));
  pm.callbackQuery(/^tp:com:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, 'topic-comment', Number(ctx.match[1]));
  });
  pm.callbackQuery(/^tp:flag:(\d+)$/, (ctx) =>
    onButton(ctx, async () => flagAnswer(ctx, await ctx.services.discussions.citizen.flag(ctx.citizen!.id, Number(ctx.match[1])))),
  );
  pm.callbackQuery(/^tp:my:(\d+)$/, (ctx) => onButton(ctx, () => showMyComments(ctx, Number(ctx.match[1]))));
  pm.callbackQuery('tp:subs', (ctx) => onButton(ctx, () => showSubscriptions(ctx)));
  pm.callbackQuery(/^tp:sub:([ar])$/, (ctx) => onButton(ctx, () => showSubscriptionChoices(ctx, ctx.match[1] as 'a' | 'r')));
  pm.callbackQuery(/^tp:sub:([ar]):(\d+)$/, (ctx) =>
    onButton(ctx, async () => {
      const kind = ctx.match[1] as 'a' | 'r';
      const on = await ctx.services.discussions.citizen.toggleSubscription(ctx.citizen!.id, kind === 'a' ? 'area' : 'region', Number(ctx.match[2]));
      await showSubscriptionChoices(ctx, kind);
      return ctx.t(on ? 'discussions:subs.on' : 'discussions:subs.off');
    }),
  );

  return {
    name: 'topics',
    composer,
    flows: [{ id: 'topic-comment', builder: topicCommentConversation as FlowDefinition['builder'] }],
    menu: { topics: (ctx) => showTopics(ctx) },
    deepLinks: {
      topic: (ctx, rest) =>
        /^\d{1,9}$/.test(rest) ? openTopic(ctx, Number(rest)) : ctx.reply(ctx.t('common:link_unknown'), { reply_markup: mainMenu(ctx.t) }),
    },
    commands: [{ command: 'topics', descriptionKey: 'discussions:commands.topics' }],
  };
}
