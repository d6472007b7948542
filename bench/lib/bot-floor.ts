// The floor under the bot's CPU per update (issue 23): what grammY alone, and grammY with the conversations
// plugin replaying a flow, cost per update with no database, no HTTP and no app code. Updates are handed to
// `bot.handleUpdate` directly and every Bot API call is answered in process by a transformer, so what is left
// is the framework. Compare with bench/lib/bot-profile.ts (the whole app under the crowd).
//
//   npx tsx bench/lib/bot-floor.ts [updates]
import { conversations, createConversation, type Conversation, type ConversationFlavor } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import { Bot, Context, InlineKeyboard, MemorySessionStorage, session, type SessionFlavor } from 'grammy';
import type { Update } from 'grammy/types';
import { botInfoOf } from '../../tests/fake-telegram/bot-info.ts';

type Ctx = ConversationFlavor<Context> & SessionFlavor<{ n?: number }>;
const ME = botInfoOf(1, 'bench', 'bench_bot', false);

const calls = { n: 0 };
function fakeApi(bot: { api: Bot['api'] }): void {
  let id = 1000;
  bot.api.config.use(async (_prev, method, payload) => {
    calls.n++;
    const p = payload as { chat_id?: number; text?: string };
    const result = method.startsWith('send') ? { message_id: id++, date: 1, chat: { id: p.chat_id ?? 0, type: 'private' }, text: p.text ?? '' } : true;
    return { ok: true, result } as never;
  });
}

const STEPS = 6;
const keyboard = (step: number) => {
  const kb = new InlineKeyboard();
  for (let i = 0; i < 20; i++) kb.text(`choice ${step}.${i}`, `@s:${step}:${i}`).row();
  return kb;
};

/** What each chat answered so far: the flow's "draft". */
const progress = new Map<number, number>();

/** A flow of STEPS questions, like the report flow: the draft is read, the next question asked, its answer saved, the log rewound. */
async function flow(conversation: Conversation<Ctx, Context>, ctx: Context): Promise<void> {
  const chat = ctx.chat!.id;
  const top = conversation.checkpoint();
  const done = await conversation.external(() => progress.get(chat) ?? 0);
  if (done >= STEPS) return;
  await ctx.reply(`question ${done}`, { reply_markup: keyboard(done) });
  const answer = await conversation.waitFor('callback_query:data');
  await answer.answerCallbackQuery();
  await answer.editMessageReplyMarkup();
  await conversation.external(() => void progress.set(chat, done + 1));
  return conversation.rewind(top);
}

async function measure(name: string, bot: Bot<Ctx>, updates: Update[]): Promise<void> {
  // Warm up on the first third, measure the rest.
  const warm = Math.floor(updates.length / 3);
  for (const u of updates.slice(0, warm)) await bot.handleUpdate(u);
  // Grouped before the clock starts: only the bot's handling is measured.
  const chats = [...group(updates.slice(warm)).values()];
  const before = process.cpuUsage();
  const callsBefore = calls.n;
  await Promise.all(
    chats.map(async (list) => {
      for (const u of list) await bot.handleUpdate(u);
    }),
  );
  const used = process.cpuUsage(before);
  const n = updates.length - warm;
  console.log(
    `${name}: ${((used.user + used.system) / 1000 / n).toFixed(3)} ms CPU per update (${n} updates, ${((calls.n - callsBefore) / n).toFixed(2)} Bot API calls per update)`,
  );
}

function group(updates: Update[]): Map<number, Update[]> {
  const byChat = new Map<number, Update[]>();
  for (const u of updates) {
    const chat = u.message?.chat.id ?? u.callback_query!.from.id;
    const list = byChat.get(chat);
    if (list) list.push(u);
    else byChat.set(chat, [u]);
  }
  return byChat;
}

function crowd(chats: number): Update[] {
  let updateId = 1;
  const updates: Update[] = [];
  for (let c = 1; c <= chats; c++) {
    const from = { id: c, is_bot: false as const, first_name: 'c' };
    const chat = { id: c, type: 'private' as const, first_name: 'c' };
    updates.push({
      update_id: updateId++,
      message: { message_id: 1, date: 1, chat, from, text: '/start', entities: [{ type: 'bot_command', offset: 0, length: 6 }] },
    });
    for (let step = 0; step < STEPS; step++) {
      const message = { message_id: 2 + step, date: 1, chat, from: ME, text: `question ${step}`, reply_markup: keyboard(step) };
      updates.push({ update_id: updateId++, callback_query: { id: `${c}-${step}`, from, chat_instance: 'x', message, data: `@s:${step}:3` } });
    }
  }
  return updates;
}

const total = Number(process.argv[2] ?? 4200);
const updates = crowd(Math.ceil(total / (STEPS + 1)));

const plain = new Bot<Ctx>('1:bench', { botInfo: ME });
fakeApi(plain);
plain.use(sequentialize((ctx: Context) => String(ctx.chat?.id)));
plain.use(session({ initial: () => ({}), storage: new MemorySessionStorage() }));
plain.on('message', (ctx) => ctx.reply('question', { reply_markup: keyboard(0) }));
plain.on('callback_query:data', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup();
  await ctx.reply('question', { reply_markup: keyboard(1) });
});
await measure('grammY, sequentialize, session (memory), a reply per update', plain, updates);

const flows = new Bot<Ctx>('1:bench', { botInfo: ME });
fakeApi(flows);
flows.use(sequentialize((ctx: Context) => String(ctx.chat?.id)));
flows.use(session({ initial: () => ({}), storage: new MemorySessionStorage() }));
// The state goes through JSON on every update, as a database storage does.
const stored = new Map<string, string>();
flows.use(
  conversations({
    // A conversation builds its own Api for every update: the fake answers there too.
    plugins: [
      async (ctx, next) => {
        fakeApi(ctx);
        await next();
      },
    ],
    storage: {
      type: 'key',
      adapter: {
        read: (k: string) => (stored.has(k) ? JSON.parse(stored.get(k)!) : undefined),
        write: (k: string, v: unknown) => void stored.set(k, JSON.stringify(v)),
        delete: (k: string) => void stored.delete(k),
      },
    },
  }),
);
flows.use(createConversation(flow, 'flow'));
flows.command('start', (ctx) => ctx.conversation.enter('flow'));
await measure('grammY + conversations: a flow replayed per update, state as JSON', flows, updates);
