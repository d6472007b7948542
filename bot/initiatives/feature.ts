// Civic initiatives in the bot («Азаматтық бастамалар картасы», seed 002 L825–852): the section's home screen
// (propose, my initiatives, the three public categories of the citizen's region), the propose conversation, an
// initiative's card (deep link in_<id>, notices, lists) with support, follow, comment, flag, and the rating 1–5 with
// the satisfaction question once it is implemented. Buttons sent with core's notices (open, edit, rate, satisfaction)
// are handled here too.
import { Composer } from 'grammy';
import type { SatisfactionAnswer } from '../../generated/prisma/enums.ts';
import { notFound } from '../../core/errors.ts';
import {
  commentInitiative,
  editInitiative,
  followInitiative,
  openInitiative,
  rateInitiative,
  satisfactionInitiative,
  supportInitiative,
} from '../../core/initiatives/initiative-buttons.ts';
import { rateOffers, satisfactionOffers } from '../../core/initiatives/initiative-notify.ts';
import type { BotContext } from '../context.ts';
import type { Feature, FlowDefinition } from '../features.ts';
import { enterFlowFromButton, onButton } from '../flow-kit.ts';
import { deepLinkToId, mainMenu } from '../menu.ts';
import { keyboardOf } from '../telegram/keyboard.ts';
import { askRating, flagInitiativeComment, initiativesHome, initiativesPage, moreInitiativeComments, myInitiativesPage, proposeInitiative } from './buttons.ts';
import { flagComment } from '../comments/card-comments.ts';
import { showInitiativeCard } from './initiative-card.ts';
import { showHome, showMine, showStage } from './initiative-lists.ts';
import { proposeConversation } from './propose-flow.ts';

export function createInitiativeFeature(): Feature {
  const composer = new Composer<BotContext>();
  const pm = composer.chatType('private');

  pm.callbackQuery(initiativesHome.pattern, (ctx) => onButton(ctx, () => showHome(ctx)));
  pm.callbackQuery(proposeInitiative.pattern, (ctx) => enterFlowFromButton(ctx, 'initiative'));
  pm.callbackQuery(editInitiative.pattern, (ctx) => enterFlowFromButton(ctx, 'initiative', editInitiative.decode(ctx.callbackQuery.data)!.initiativeId));
  pm.callbackQuery(initiativesPage.pattern, (ctx) =>
    onButton(ctx, async () => {
      const { stage, offset } = initiativesPage.decode(ctx.callbackQuery.data)!;
      await showStage(ctx, stage, offset);
    }),
  );
  pm.callbackQuery(myInitiativesPage.pattern, (ctx) => onButton(ctx, () => showMine(ctx, myInitiativesPage.decode(ctx.callbackQuery.data)!.offset)));
  pm.callbackQuery(openInitiative.pattern, (ctx) =>
    onButton(ctx, () => showInitiativeCard(ctx, openInitiative.decode(ctx.callbackQuery.data)!.initiativeId, { edit: false })),
  );
  pm.callbackQuery(moreInitiativeComments.pattern, (ctx) =>
    onButton(ctx, async () => {
      const { initiativeId, offset } = moreInitiativeComments.decode(ctx.callbackQuery.data)!;
      await showInitiativeCard(ctx, initiativeId, { offset, edit: true });
    }),
  );

  pm.callbackQuery(supportInitiative.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const id = supportInitiative.decode(ctx.callbackQuery.data)!.initiativeId;
      const r = await ctx.services.initiatives.citizen.support(citizenId, id);
      if (r === 'added') await showInitiativeCard(ctx, id, { edit: true });
      return ctx.t(`initiatives-bot:support.${r}`);
    }),
  );
  pm.callbackQuery(followInitiative.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const r = await ctx.services.initiatives.citizen.follow(citizenId, followInitiative.decode(ctx.callbackQuery.data)!.initiativeId);
      return ctx.t(r === 'own' ? 'initiatives-bot:support.own' : `initiatives-bot:follow.${r}`);
    }),
  );
  // The comments capability's conversation, on this initiative (bot/comments/comment-flow.ts).
  pm.callbackQuery(commentInitiative.pattern, (ctx) =>
    enterFlowFromButton(ctx, 'public-comment', `i${commentInitiative.decode(ctx.callbackQuery.data)!.initiativeId}`),
  );
  pm.callbackQuery(flagInitiativeComment.pattern, (ctx) =>
    onButton(ctx, (citizenId) => flagComment(ctx, citizenId, flagInitiativeComment.decode(ctx.callbackQuery.data)!.commentId)),
  );

  // Rating an implemented initiative: 1–5 (from the card or the "implemented" notice), then the satisfaction question.
  pm.callbackQuery(askRating.pattern, (ctx) =>
    onButton(ctx, async () => {
      const id = askRating.decode(ctx.callbackQuery.data)!.initiativeId;
      const x = await ctx.services.initiatives.public.byId(id);
      if (!x) throw notFound('initiative.not_found');
      await ctx.reply(ctx.t('initiatives-bot:rate.ask', { title: x.title }), { reply_markup: keyboardOf(rateOffers(id)) });
    }),
  );
  pm.callbackQuery(rateInitiative.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { initiativeId, score } = rateInitiative.decode(ctx.callbackQuery.data)!;
      await ctx.services.initiatives.citizen.rate(citizenId, initiativeId, score);
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(`${ctx.t('initiatives-bot:rate.thanks', { rating: score })}\n\n${ctx.t('initiatives-bot:rate.satisfaction')}`, {
        reply_markup: keyboardOf(satisfactionOffers(ctx.t, initiativeId)),
      });
    }),
  );
  pm.callbackQuery(satisfactionInitiative.pattern, (ctx) =>
    onButton(ctx, async (citizenId) => {
      const { initiativeId, answer } = satisfactionInitiative.decode(ctx.callbackQuery.data)!;
      await ctx.services.initiatives.citizen.satisfaction(citizenId, initiativeId, answer as SatisfactionAnswer);
      await ctx.editMessageReplyMarkup().catch(() => {});
      await ctx.reply(ctx.t('initiatives-bot:rate.satisfaction_thanks', { answer: ctx.t(`polls:answer.${answer}`) }), {
        reply_markup: mainMenu(ctx),
      });
    }),
  );

  return {
    name: 'initiatives',
    composer,
    flows: [{ id: 'initiative', version: 1, builder: proposeConversation as FlowDefinition['builder'] }],
    // A row of its own (the tens pick the row; each row of today holds two).
    menu: [{ key: 'initiatives', order: 50, labelKey: 'common:menu.initiatives', open: (ctx) => showHome(ctx) }],
    deepLinks: { in: deepLinkToId((ctx, id) => showInitiativeCard(ctx, id)) },
  };
}
