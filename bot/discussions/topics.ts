// Public discussion in the bot («💬 Topics under discussion»): open topics that suit the citizen, a topic
// with its fields and latest comments (with a flag on each), a comment or proposal (topic-comment.ts), the
// citizen's own comments with decisions, subscriptions to areas and regions, and the deep link
// t.me/<bot>?start=topic_<id> a state body puts on its website.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { deepLinkToId, mainMenu } from '../menu.ts';
import { attempt, enterFlowFromButton, errorText, onButton } from '../flow-kit.ts';
import { topicCommentConversation } from './topic-comment.ts';
import { flagAnswer, showMyComments, showSubscriptionChoices, showSubscriptions, showTopicDetail, showTopics } from './topic-views.ts';
import { openTopic as openTopicButton } from '../../core/discussions/discussions-buttons.ts';
import { flagComment, myCommentsPage, subscriptionChoices, subscriptions, toggleSubscription, topicsPage, writeComment } from './buttons.ts';

/** Opens a topic from a deep link or an announcement; an unknown one is said so, with the menu. */
async function openTopic(ctx: BotContext, topicId: number): Promise<void> {
  const outcome = await attempt(() => showTopicDetail(ctx, topicId));
  if (!outcome.ok) await ctx.reply(errorText(ctx, outcome), { reply_markup: mainMenu(ctx) });
}

export function createTopicsFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.command('topics', (ctx) => showTopics(ctx));
  pm.callbackQuery(topicsPage.pattern, (ctx) =>
    onButton(ctx, () => {
      const { mode, offset } = topicsPage.decode(ctx.callbackQuery.data)!;
      return showTopics(ctx, { all: mode === 'a', offset, edit: true });
    }),
  );
  pm.callbackQuery(openTopicButton.pattern, (ctx) => onButton(ctx, () => showTopicDetail(ctx, openTopicButton.decode(ctx.callbackQuery.data)!.topicId)));
  pm.callbackQuery(writeComment.pattern, (ctx) => enterFlowFromButton(ctx, 'topic-comment', writeComment.decode(ctx.callbackQuery.data)!.topicId));
  pm.callbackQuery(flagComment.pattern, (ctx) =>
    onButton(ctx, async (citizenId) =>
      flagAnswer(ctx, await ctx.services.discussions.citizen.flag(citizenId, flagComment.decode(ctx.callbackQuery.data)!.commentId)),
    ),
  );
  pm.callbackQuery(myCommentsPage.pattern, (ctx) => onButton(ctx, () => showMyComments(ctx, myCommentsPage.decode(ctx.callbackQuery.data)!.offset)));
  pm.callbackQuery(subscriptions.pattern, (ctx) => onButton(ctx, () => showSubscriptions(ctx)));
  pm.callbackQuery(subscriptionChoices.pattern, (ctx) =>
    onButton(ctx, () => showSubscriptionChoices(ctx, subscriptionChoices.decode(ctx.callbackQuery.data)!.kind)),
  );
  pm.callbackQuery(toggleSubscription.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { kind, itemId } = toggleSubscription.decode(ctx.callbackQuery.data)!;
      const on = await ctx.services.discussions.citizen.toggleSubscription(citizenId, kind === 'a' ? 'area' : 'region', itemId);
      await showSubscriptionChoices(ctx, kind);
      return ctx.t(on ? 'discussions:subs.on' : 'discussions:subs.off');
    }),
  );

  return {
    name: 'topics',
    composer,
    flows: [{ id: 'topic-comment', version: 1, builder: topicCommentConversation as FlowDefinition['builder'] }],
    menu: [{ key: 'topics', order: 21, labelKey: 'common:menu.topics', open: (ctx) => showTopics(ctx) }],
    deepLinks: { topic: deepLinkToId(openTopic) },
    commands: [{ command: 'topics', descriptionKey: 'discussions:commands.topics', order: 30 }],
  };
}
