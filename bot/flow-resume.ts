// After a deploy that changed a flow, a citizen who was in the middle of it is not met with an error or
// silence: the storage dropped the stale conversation (bot/flow-storage.ts), and the update that would
// have reached it gets "the bot was updated, let's continue" and enters the flow again, which offers the
// saved draft (every flow saves each valid answer at once), so nothing given is lost. Commands, menu
// labels and other features' buttons pass on as usual; the draft stays and the next visit offers it.
import type { MiddlewareFn } from 'grammy';
import type { BotContext } from './context.ts';
import type { FlowDefinition } from './features.ts';
import { passesFlows } from './flow-filter.ts';

/** Installed after the conversations are registered (entering needs them), before the features' handlers. */
export function resumeDroppedFlows(flows: ReadonlyMap<string, FlowDefinition>): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const dropped = ctx.droppedFlows?.find((d) => flows.has(d.id));
    ctx.droppedFlows = undefined;
    // Flows run one at a time (none is parallel): with another one live, this update is that one's.
    if (!dropped || !ctx.citizen || passesFlows(ctx, ctx.catalog.byLabel) || Object.keys(ctx.conversation.active()).length > 0) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('common:flow.resumed'));
    const flow = flows.get(dropped.id)!;
    await (flow.resume ? flow.resume(ctx, dropped.args) : ctx.conversation.enter(flow.id, ...dropped.args));
  };
}
