// A staff Telegram group driven through the fake Telegram: the bot with the group's features, the group
// registered, the sync's calls recorded, and a member's button press. The report and question staff groups
// are tested the same way; only the rows they keep between tests differ.
import type { Chat, Message, User } from 'grammy/types';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Feature } from '../../bot/features.ts';
import type { SendFn } from '../../bot/telegram/chat-port.ts';
import { bearer, type ApiApp } from './api-app.ts';
import { createBotHarness, type BotHarness } from './bot-harness.ts';
import { lateBound } from './late-bound.ts';

type Keyboard = Array<Array<{ text: string; callback_data: string }>>;

export interface StaffGroup {
  /** The bot harness; ready inside tests and hooks. */
  h: BotHarness;
  /** The sync's calls to Telegram, emptied before each test. */
  sent: Array<{ method: string; params: Record<string, unknown> }>;
  /** The send the jobs process gives the sync: recorded, then answered by the fake Telegram. */
  send: SendFn;
  /** A group member presses a button under one of the group's messages. */
  press(from: User, data: string, message: Message): Promise<void>;
  /** The bot's last answer to a button press. */
  lastAnswer(): Record<string, unknown> | undefined;
  /** The callback data of a message's inline buttons. */
  buttons(m: Message | Record<string, unknown>): string[];
  /** The admin links the group to the record at `url` (a department, a consultation topic) through the API. */
  link(url: string): Promise<void>;
}

export function useStaffGroup(api: ApiApp, opts: { chat: Chat.SupergroupChat; features: () => Feature[]; chatInstance: string; truncate: string }): StaffGroup {
  let harness: BotHarness | undefined;
  let callbackId = 0;
  const sent: StaffGroup['sent'] = [];
  beforeAll(async () => {
    harness = await createBotHarness(api.services, { features: opts.features() });
    harness.fake.registerChat(opts.chat);
  });
  afterAll(async () => {
    await harness?.close();
  });
  beforeEach(async () => {
    await api.services.prisma.$executeRawUnsafe(`TRUNCATE ${opts.truncate} RESTART IDENTITY CASCADE`);
    harness!.fake.reset();
    sent.length = 0;
  });
  const h = lateBound('the staff group’s bot', () => harness);
  return {
    h,
    sent,
    send: async (method, params) => {
      sent.push({ method, params });
      return h.app.bot.api.raw[method as 'sendMessage'](params as never);
    },
    press: (from, data, message) =>
      h.deliver(h.fake.pushUpdate({ callback_query: { id: `cb-${++callbackId}`, from, message: message as never, chat_instance: opts.chatInstance, data } })),
    lastAnswer: () => h.fake.callsTo('answerCallbackQuery').at(-1)?.payload,
    buttons: (m) => ((m.reply_markup as { inline_keyboard?: Keyboard } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.callback_data),
    async link(url) {
      const res = await api.app.inject({ method: 'PATCH', url, headers: bearer(api.adminToken), payload: { telegramChatId: String(opts.chat.id) } });
      expect(res.statusCode, res.body).toBe(200);
    },
  };
}
