// The conversation storage that versions each flow (bot/flow-storage.ts), without a database: a flow whose
// recorded version is the code's keeps its state; any other is dropped and named (with its arguments) for
// the resume; a row from before versions counts as stale once; a write records each live flow's version.
import type { ConversationData, ConversationState, VersionedStateStorage } from '@grammyjs/conversations';
import type { Context } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../../core/chat-state/chat-state.ts';
import { flowStorage, type DroppedFlow, type FlowRow } from '../../bot/flow-storage.ts';

type Ctx = Context & { droppedFlows?: DroppedFlow[] };

const run = (args?: unknown[]): ConversationState => ({
  ...(args ? { args: JSON.stringify(args) } : {}),
  interrupts: [],
  replay: { send: [], receive: [] } as unknown as ConversationState['replay'],
});

function memory(rows: Record<string, FlowRow> = {}) {
  const data = new Map(Object.entries(rows));
  const log: string[] = [];
  const store: KeyValueStorage<FlowRow> = {
    read: async (k) => structuredClone(data.get(k)),
    write: async (k, v) => {
      log.push(`write ${k}`);
      data.set(k, structuredClone(v));
    },
    delete: async (k) => {
      log.push(`delete ${k}`);
      data.delete(k);
    },
  };
  return { store, data, log };
}

const versions = new Map([
  ['report', 2],
  ['ask', 1],
  ['poll-answer', 1],
]);
const ctxOf = (chatId: number | undefined) => ({ chatId }) as Ctx;
const adapterOf = (store: KeyValueStorage<FlowRow>) => {
  const s = flowStorage<Ctx>(store, versions);
  if (s.type !== 'context') throw new Error('a context storage was expected');
  return s.adapter as VersionedStateStorage<Ctx, ConversationData>;
};
const row = (state: ConversationData, flows?: Record<string, number>): FlowRow => ({ version: [0, 0], state, ...(flows ? { flows } : {}) });

describe('per-flow conversation versions', () => {
  it('keeps a conversation whose flow has the same version, and writes nothing back', async () => {
    const m = memory({ '7': row({ ask: [run()] }, { ask: 1 }) });
    const ctx = ctxOf(7);
    const read = await adapterOf(m.store).read(ctx);
    expect(read?.state).toEqual({ ask: [run()] });
    expect(ctx.droppedFlows).toBeUndefined();
    expect(m.log).toEqual([]);
  });

  it('drops a conversation whose flow has a new version, names it with its arguments, and keeps the others', async () => {
    const m = memory({ '7': row({ report: [run()], 'poll-answer': [run([12, true])] }, { report: 1, 'poll-answer': 1 }) });
    const ctx = ctxOf(7);
    const read = await adapterOf(m.store).read(ctx);
    expect(read?.state).toEqual({ 'poll-answer': [run([12, true])] });
    expect(ctx.droppedFlows).toEqual([{ id: 'report', args: [] }]);
    // stored at once, so the next update does not resume it again
    expect(m.data.get('7')).toEqual(row({ 'poll-answer': [run([12, true])] }, { 'poll-answer': 1 }));
  });

  it('deletes the row when nothing is left after the drop', async () => {
    const m = memory({ '7': row({ 'poll-answer': [run([12, false])] }, { 'poll-answer': 0 }) });
    const ctx = ctxOf(7);
    const read = await adapterOf(m.store).read(ctx);
    expect(read?.state).toEqual({});
    expect(ctx.droppedFlows).toEqual([{ id: 'poll-answer', args: [12, false] }]);
    expect(m.log).toEqual(['delete 7']);
    expect(m.data.has('7')).toBe(false);
  });

  it('counts every conversation of a row written before flows had versions as stale, once', async () => {
    const m = memory({ '7': row({ ask: [run()], report: [run()] }) });
    const ctx = ctxOf(7);
    expect((await adapterOf(m.store).read(ctx))?.state).toEqual({});
    expect(ctx.droppedFlows).toEqual([
      { id: 'ask', args: [] },
      { id: 'report', args: [] },
    ]);
    const again = ctxOf(7);
    expect(await adapterOf(m.store).read(again)).toBeUndefined();
    expect(again.droppedFlows).toBeUndefined();
  });

  it('drops a flow that no longer exists without offering to resume it', async () => {
    const m = memory({ '7': row({ 'old-flow': [run()] }, { 'old-flow': 1 }) });
    const ctx = ctxOf(7);
    expect((await adapterOf(m.store).read(ctx))?.state).toEqual({});
    expect(ctx.droppedFlows).toEqual([]);
  });

  it('records the version of each live flow when it writes', async () => {
    const m = memory();
    await adapterOf(m.store).write(ctxOf(7), { version: [0, 0], state: { report: [run()], ask: [run([3])] } });
    expect(m.data.get('7')).toEqual(row({ report: [run()], ask: [run([3])] }, { report: 2, ask: 1 }));
    const ctx = ctxOf(7);
    expect((await adapterOf(m.store).read(ctx))?.state).toEqual({ report: [run()], ask: [run([3])] });
    expect(ctx.droppedFlows).toBeUndefined();
  });

  it('keeps the key of the chat (the "c:" prefix is the store\'s) and ignores updates without a chat', async () => {
    const m = memory();
    const adapter = adapterOf(m.store);
    await adapter.write(ctxOf(-100123), { version: [0, 0], state: { ask: [run()] } });
    expect([...m.data.keys()]).toEqual(['-100123']);
    await adapter.write(ctxOf(undefined), { version: [0, 0], state: { ask: [run()] } });
    expect(await adapter.read(ctxOf(undefined))).toBeUndefined();
    await adapter.delete(ctxOf(-100123));
    expect(m.data.size).toBe(0);
  });
});
