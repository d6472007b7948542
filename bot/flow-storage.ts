// Conversation state with a version per flow. The conversations plugin replays a conversation's log of
// `external`/`wait` calls against the code on every update, and its own storage version covers the whole
// chat at once: raising it would silently forget every conversation of every citizen, and forgetting to
// raise it breaks the replay. So the row (key 'c:' + chat id, as before) also records each live flow's
// version; on reading, a flow whose version differs from the code's is dropped, and the context learns
// which, so the resume middleware (bot/flow-resume.ts) can start it again from the citizen's draft.
import type { ConversationData, ConversationStorage, VersionedState } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import type { KeyValueStorage } from '../core/chat-state/chat-state.ts';
import { smallResult } from './flow-api.ts';

/** A conversation the storage dropped: its flow and the arguments it was entered with. */
export interface DroppedFlow {
  id: string;
  args: unknown[];
}

/** What the row holds: the plugin's versioned state, plus each live flow's version (the plugin ignores it). */
export type FlowRow = VersionedState<ConversationData> & { flows?: Record<string, number> };

/**
 * `versions`: each registered flow's version in the code. A row written before flows had versions records
 * none, so its conversations all count as stale once. A flow no longer registered is dropped and not resumed.
 */
export function flowStorage<C extends Context & { droppedFlows?: DroppedFlow[] }>(
  store: KeyValueStorage<FlowRow>,
  versions: ReadonlyMap<string, number>,
): ConversationStorage<C, ConversationData> {
  // A flow that is not registered cannot have been entered: it gets no version, so it counts as stale.
  const stamp = (state: ConversationData): Record<string, number> =>
    Object.fromEntries(Object.keys(state).flatMap((id) => (versions.has(id) ? [[id, versions.get(id)!]] : [])));
  return {
    type: 'context',
    adapter: {
      async read(ctx) {
        if (ctx.chatId === undefined) return undefined;
        const key = String(ctx.chatId);
        const row = await store.read(key);
        if (!row) return undefined;
        const recorded = row.flows ?? {};
        const state: ConversationData = {};
        const dropped: DroppedFlow[] = [];
        for (const [id, runs] of Object.entries(row.state)) {
          if (recorded[id] !== undefined && recorded[id] === versions.get(id)) state[id] = runs;
          else if (versions.has(id)) for (const run of runs) dropped.push({ id, args: run.args === undefined ? [] : (JSON.parse(run.args) as unknown[]) });
        }
        if (Object.keys(state).length === Object.keys(row.state).length) return row;
        ctx.droppedFlows = dropped;
        // Written at once: the plugin writes nothing back when it found no conversation to run.
        if (Object.keys(state).length > 0) await store.write(key, { version: row.version, state, flows: stamp(state) });
        else await store.delete(key);
        return { version: row.version, state };
      },
      async write(ctx, value) {
        if (ctx.chatId !== undefined) await store.write(String(ctx.chatId), { ...value, state: slim(value.state), flows: stamp(value.state) });
      },
      async delete(ctx) {
        if (ctx.chatId !== undefined) await store.delete(String(ctx.chatId));
      },
    },
  };
}

/**
 * A pressed button's update carries the bot's whole message with its keyboard (a region's districts: 1–2 KB),
 * and the log keeps every update the conversation waited for. Flows use only which message it was (to edit
 * its keyboard), so the stored copy keeps just that, as flow-api.ts keeps of sent messages; of a photo's
 * sizes it keeps the one evidence is taken from.
 */
function slim(state: ConversationData): ConversationData {
  return Object.fromEntries(
    Object.entries(state).map(([id, runs]) => [
      id,
      runs.map((run) => ({
        ...run,
        replay: {
          ...run.replay,
          receive: run.replay.receive.map((r) => {
            const u = r.returnValue as { update_id?: unknown; callback_query?: { message?: unknown }; message?: { photo?: unknown[] } } | null;
            if (typeof u !== 'object' || u === null || u.update_id === undefined) return r;
            const pressed = u.callback_query;
            if (pressed?.message) return { ...r, returnValue: { ...u, callback_query: { ...pressed, message: smallResult(pressed.message) } } };
            // Telegram sends a photo in several sizes; the evidence is the largest, the last (bot/media.ts).
            const photo = u.message?.photo;
            if (photo && photo.length > 1) return { ...r, returnValue: { ...u, message: { ...u.message, photo: photo.slice(-1) } } };
            return r;
          }),
        },
      })),
    ]),
  );
}
