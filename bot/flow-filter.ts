// Which updates pass a waiting conversation by: a command, a main-menu label, or a button a flow did not
// make (its data does not start with '@'). They go to their own handlers, so /cancel, /help and the menu
// always work. One predicate for the conversations (flowContext) and for resuming a dropped one.
import type { Context } from 'grammy';
import { FLOW_BUTTON } from './features.ts';

export function passesFlows(ctx: Context, menuLabels: ReadonlyMap<string, unknown>): boolean {
  const text = ctx.message?.text;
  const data = ctx.callbackQuery?.data;
  const command = ctx.message?.entities?.[0]?.type === 'bot_command' && ctx.message.entities[0].offset === 0;
  return command || (text !== undefined && menuLabels.has(text)) || (data !== undefined && !data.startsWith(FLOW_BUTTON));
}
