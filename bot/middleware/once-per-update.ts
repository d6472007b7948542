// Each Telegram update is handled once, however often it arrives. Telegram sends a webhook update again
// when the bot has not answered in time (the first attempt may still be running), a second instance
// behind the balancer may get the retry, and a poller that crashed before confirming its offset gets
// the same updates again. grammY does not deduplicate; the BotUpdate table does, shared by every
// instance: the first to claim an update handles it, the others wait until it is done and drop theirs.
// A claim whose holder died (never marked done) goes stale after `staleMs`, so the update is not lost.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { MiddlewareFn } from 'grammy';
import type { Logger } from 'pino';
import type { UpdateClaims } from '../../core/ops/update-claims.ts';
import type { BotContext } from '../context.ts';

export interface OncePerUpdateOptions {
  /** a claim older than this, not done, is taken over: longer than any update takes (webhooks give up at 55 s) */
  staleMs?: number;
  /** how often a duplicate looks again whether the original is done */
  pollMs?: number;
  clock?: () => Date;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function oncePerUpdate(claims: UpdateClaims, logger: Logger, opts: OncePerUpdateOptions = {}): MiddlewareFn<BotContext> {
  const staleMs = opts.staleMs ?? 60_000;
  const pollMs = opts.pollMs ?? 200;
  const clock = opts.clock ?? (() => new Date());
  // Two bots in one process (tests, or two instances in one container) are two holders.
  const holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  return async (ctx, next) => {
    const id = BigInt(ctx.update.update_id);
    // Nothing has happened yet: a database away for a moment is waited out rather than the update dropped.
    for (let waited = false; !(await claims.claim(id, holder, clock(), staleMs)); waited = true) {
      if (await claims.done(id)) {
        logger.info({ updateId: ctx.update.update_id, waited }, 'bot: update delivered again, already handled');
        return;
      }
      // Another instance (or an earlier delivery here) is handling it right now: its outcome decides.
      await sleep(pollMs);
    }
    try {
      await next();
    } catch (e) {
      // Not handled after all (e.g. the database went away): let Telegram's next delivery try again.
      await claims.drop(id, holder).catch(() => {});
      throw e;
    }
    await claims.finish(id, holder, clock());
  };
}
