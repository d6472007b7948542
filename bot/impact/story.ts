// Stories of change in the bot: the call's invitation button (sent by the impact-story-calls job through the
// outbox) and the call's link t.me/<bot>?start=story_<code> (which makes a follower a beneficiary of the
// project, as a poll's link does) start or continue the citizen's story; /mydata lists the stories sent, with
// their consent to change and a withdrawal.
import { Composer } from 'grammy';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { mainMenu } from '../menu.ts';
import { attempt, enterFlow, errorText } from '../flow-kit.ts';
import { tellStory } from '../../core/impact/impact-buttons.ts';
import { myStoryConsent, myStoryWithdraw } from './buttons.ts';
import { myStoryHandlers, showMyStories } from './my-stories.ts';
import { impactStoryConversation, STORY_FLOW } from './story-flow.ts';

const STORY_LINK_PREFIX = 'story';

export function createImpactStoryFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');
  pm.callbackQuery(tellStory.pattern, async (ctx) => {
    // The invitation keeps its button: it continues the story later, too.
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, STORY_FLOW, tellStory.decode(ctx.callbackQuery.data)!.callId, false);
  });
  pm.callbackQuery(myStoryConsent.pattern, (ctx) => myStoryHandlers.consent(ctx));
  pm.callbackQuery(myStoryWithdraw.pattern, (ctx) => myStoryHandlers.withdraw(ctx));

  return {
    name: 'impact-story',
    composer,
    flows: [{ id: STORY_FLOW, version: 1, builder: impactStoryConversation as FlowDefinition['builder'] }],
    deepLinks: {
      [STORY_LINK_PREFIX]: async (ctx, code) => {
        // An unknown code and a closed call are told apart (errors:impact.*).
        const found = await attempt(() => ctx.services.impact.stories.callByCode(code));
        if (!found.ok) return ctx.reply(errorText(ctx, found), { reply_markup: mainMenu(ctx) });
        await enterFlow(ctx, STORY_FLOW, found.value.call.id, true);
      },
    },
    myData: showMyStories,
  };
}
