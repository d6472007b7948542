// "The bot is connected when it should be": it has met Telegram (getMe), and it receives updates — the
// long-polling runner is running, or the webhook is registered with Telegram.
import type { CheckResult, ReadinessCheck } from '../core/ops/readiness.ts';

export interface BotConnection {
  mode: 'polling' | 'webhook';
  /** getMe answered */
  inited(): boolean;
  /** polling: the runner runs; webhook: setWebhook succeeded */
  receiving(): boolean;
}

export function botCheck(c: BotConnection): ReadinessCheck {
  return async (): Promise<CheckResult> => {
    if (!c.inited()) return { ok: false, detail: 'not connected: Telegram has not answered getMe yet (BOT_TOKEN, network)' };
    if (!c.receiving()) return { ok: false, detail: c.mode === 'polling' ? 'not polling for updates' : 'the webhook is not registered with Telegram yet' };
    return { ok: true, detail: c.mode === 'polling' ? 'connected, long polling' : 'connected, webhook registered' };
  };
}
