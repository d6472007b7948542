// One update of a chat as one unit of database work (core/chat-state): its first statement claims the update
// (once-per-update.ts explains why), reads the chat's session and conversation state, the citizen behind it
// and their report draft; its last writes what changed (the draft too) and marks the update done. Two transactions for the framework, where the
// claim, the reads, the write and the done mark were five (issue 23). Updates without a chat (e.g. a poll
// answer) are claimed on their own by oncePerUpdate.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import type { Services } from '../../core/services.ts';
import type { BotContext } from '../context.ts';
import { isSummarySend } from '../reports/buttons.ts';
import { oncePerUpdate, type OncePerUpdateOptions } from './once-per-update.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function chatUnit(services: Services, logger: Logger, opts: OncePerUpdateOptions = {}): MiddlewareFn<BotContext> {
  const claims = services.ops.updateClaims;
  const staleMs = opts.staleMs ?? 60_000;
  const pollMs = opts.pollMs ?? 200;
  const clock = opts.clock ?? (() => new Date());
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const withoutChat = oncePerUpdate(claims, logger, opts);

  return async (ctx, next) => {
    const chat = ctx.chat;
    if (!chat) return withoutChat(ctx, next);
    const id = BigInt(ctx.update.update_id);
    const keys = chat.type === 'private' ? [`s:${chat.id}`, `c:${chat.id}`] : [`c:${chat.id}`];
    // The citizen is looked up for a person's private chat only (bot/middleware/app-context.ts).
    const from = ctx.from;
    const citizen = from && !from.is_bot && chat.type === 'private' ? services.citizens.inUnit(from.id) : null;
    // With the citizen, their report draft: the report flow reads it on every step and saves it at the end of
    // the unit (core/reports/report-draft-unit.ts); one index lookup more in a statement made anyway.
    const draft = citizen ? services.reportCitizen.inUnit(from!.id, { duplicates: isSummarySend(ctx.callbackQuery?.data) }) : null;
    for (let waited = false; ; waited = true) {
      const handled = await services.chatState.unit(
        keys,
        async (start) => {
          if (!start.claimed) return false;
          // The citizen's services find this unit by their id (core/chat-state), from before `from` keeps the row.
          const citizenId = (start.row as { id?: number } | null)?.id;
          if (citizenId !== undefined) start.own(citizenId);
          if (citizen) ctx.citizenRead = citizen.from(start);
          if (draft && ctx.citizenRead) draft.keep(start, ctx.citizenRead.id);
          await next();
          return true;
        },
        { claim: claims.inUnit(id, holder, clock(), staleMs, clock), ...(citizen ? { row: citizen.row } : {}), ...(draft ? { reads: draft.reads } : {}) },
      );
      if (handled) return;
      // Another instance (or an earlier delivery here) holds it: its outcome decides.
      if (await claims.done(id)) {
        logger.info({ updateId: ctx.update.update_id, waited }, 'bot: update delivered again, already handled');
        return;
      }
      await sleep(pollMs);
    }
  };
}
