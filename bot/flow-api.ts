// Bot API calls made inside a conversation are recorded in its log, which is written on every update. The
// conversations plugin records each call's whole answer: a sent message echoes its text and its keyboard
// (the district list, the summary), which made most of the 24–37 KB a report-flow update used to write. Here
// the same calls are recorded under the same names, with a sent message reduced to what flows use of it
// (message_id, chat, date), so a log written before this replays as before. The plugin has no public hook
// for this: `controls.action` is what its own recording uses (@grammyjs/conversations 2.1, hydrateContext);
// tests/bot-report-state.test.ts fails if the recorded answers grow again.
import { Api, GrammyError, HttpError, type Context } from 'grammy';
import type { Conversation } from '@grammyjs/conversations';

interface ReplayControls {
  action<R>(fn: () => R | Promise<R>, key: string): Promise<R>;
}

type Recorded = { ok: true; res: unknown } | { ok: false; err: { message: string; error: string } };

/** What a flow may use of a sent message: its id and chat, to edit it or answer it later. */
export function smallResult(result: unknown): unknown {
  if (Array.isArray(result)) return result.map(smallResult);
  if (result && typeof result === 'object' && 'message_id' in result && 'chat' in result) {
    const m = result as { message_id: number; date?: number; chat: { id: number; type: string }; media_group_id?: string };
    return {
      message_id: m.message_id,
      ...(m.date !== undefined ? { date: m.date } : {}),
      chat: { id: m.chat.id, type: m.chat.type },
      ...(m.media_group_id ? { media_group_id: m.media_group_id } : {}),
    };
  }
  return result;
}

/** Makes `ctx`'s API calls record small answers in `conversation`'s log (once per context object). */
export function recordSmallAnswers(conversation: Conversation<never, never> | object, ctx: Context): void {
  const controls = (conversation as { controls?: ReplayControls }).controls;
  if (typeof controls?.action !== 'function') throw new Error('@grammyjs/conversations changed: conversation.controls.action is gone');
  // The same token and client options (fetch, API root) as the plugin's own Api, without its recording.
  const direct = new Api(ctx.api.token, ctx.api.options);
  ctx.api.config.use(async (_recordingCall, method, payload, signal) => {
    const recorded = await controls.action<Recorded>(async () => {
      try {
        const result = await (direct.raw as unknown as Record<string, (p: unknown, s?: unknown) => Promise<unknown>>)[method]!(payload, signal);
        return { ok: true, res: { ok: true, result: smallResult(result) } };
      } catch (e) {
        // Telegram's refusal is an answer like any other: recorded, and thrown again by grammY on every replay.
        if (e instanceof GrammyError)
          return { ok: true, res: { ok: false, error_code: e.error_code, description: e.description, ...(e.parameters ? { parameters: e.parameters } : {}) } };
        if (e instanceof HttpError) return { ok: false, err: { message: e.message, error: JSON.stringify(e.error) } };
        throw new Error(`Unknown error thrown in conversation while calling '${method}'`, { cause: e });
      }
    }, method);
    if (recorded.ok) return recorded.res as never;
    throw new HttpError(`Error inside conversation: ${recorded.err.message}`, new Error(JSON.parse(recorded.err.error) as string));
  });
}
