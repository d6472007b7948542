// The Telegram side of core's ChatPort, with no database and no network: what a neutral message becomes
// at the Bot API, and how each kind of Telegram error is taken (flood, gone, transient, rejected).
import { describe, expect, it } from 'vitest';
import { telegramChat, telegramParams, type SendFn } from '../../bot/telegram/chat-port.ts';
import { ChatFailure } from '../../core/outbox/chat-port.ts';

/** What grammY's GrammyError carries. */
const apiError = (error_code: number, description: string, parameters: { retry_after?: number } = {}) =>
  Object.assign(new Error(`Call failed! (${error_code}: ${description})`), { error_code, description, parameters });

function recorder(answer: (method: string) => unknown = () => ({ message_id: 42 })) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  const send: SendFn = async (method, params) => {
    calls.push([method, params]);
    const a = answer(method);
    if (a instanceof Error) throw a;
    return a;
  };
  return { calls, chat: telegramChat(send) };
}

async function failureOf(p: Promise<unknown>): Promise<ChatFailure> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ChatFailure);
  return e as ChatFailure;
}

describe('telegramChat: rendering', () => {
  it('sends plain text as it is, with no parse mode and no keyboard', async () => {
    const { calls, chat } = recorder();
    expect(await chat.send(-100123n, { text: 'Сәлем' })).toEqual({ messageId: 42 });
    expect(calls).toEqual([['sendMessage', { chat_id: -100123, text: 'Сәлем' }]]);
  });

  it('marks HTML and turns offers into inline keyboard rows, label as text and data as callback_data', async () => {
    const { calls, chat } = recorder();
    await chat.send(7n, {
      text: '<b>Q-1</b>',
      html: true,
      offers: [
        [
          { label: 'Иә', data: 'vo:conf:3:y' },
          { label: 'Жоқ', data: 'vo:conf:3:n' },
        ],
        [{ label: 'Ашу', data: 'vo:o:9' }],
      ],
    });
    expect(calls).toEqual([
      [
        'sendMessage',
        {
          chat_id: 7,
          text: '<b>Q-1</b>',
          parse_mode: 'HTML',
          reply_markup: {
            inline_keyboard: [
              [
                { text: 'Иә', callback_data: 'vo:conf:3:y' },
                { text: 'Жоқ', callback_data: 'vo:conf:3:n' },
              ],
              [{ text: 'Ашу', callback_data: 'vo:o:9' }],
            ],
          },
        },
      ],
    ]);
  });

  it('sends no reply_markup for an empty list of offers', () => {
    expect(telegramParams({ text: 'x', offers: [] })).toEqual({ text: 'x' });
  });

  it('edits with editMessageText; a post with nothing to press loses its buttons (no reply_markup)', async () => {
    const { calls, chat } = recorder(() => true);
    await chat.edit(-100555n, 17, { text: 'updated', offers: [[{ label: 'Алу', data: 'cq:take:4' }]] });
    await chat.edit(-100555n, 17, { text: 'closed' });
    expect(calls).toEqual([
      [
        'editMessageText',
        { chat_id: -100555, message_id: 17, text: 'updated', reply_markup: { inline_keyboard: [[{ text: 'Алу', callback_data: 'cq:take:4' }]] } },
      ],
      ['editMessageText', { chat_id: -100555, message_id: 17, text: 'closed' }],
    ]);
  });

  it('sends a legacy row with its own method and parameters; a `true` answer has no message id', async () => {
    const { calls, chat } = recorder((m) => (m === 'sendMessage' ? { message_id: 5 } : true));
    expect(await chat.sendLegacy('sendMessage', { chat_id: 1, text: 'old', parse_mode: 'HTML' })).toEqual({ messageId: 5 });
    expect(await chat.sendLegacy('editMessageReplyMarkup', { chat_id: 1, message_id: 5 })).toEqual({ messageId: null });
    expect(calls).toEqual([
      ['sendMessage', { chat_id: 1, text: 'old', parse_mode: 'HTML' }],
      ['editMessageReplyMarkup', { chat_id: 1, message_id: 5 }],
    ]);
  });
});

describe('telegramChat: errors', () => {
  const failing = (e: unknown) => recorder(() => e).chat;

  it('takes 429 as flood, with retry_after in ms (at least one second)', async () => {
    const f = await failureOf(failing(apiError(429, 'Too Many Requests: retry after 7', { retry_after: 7 })).send(1n, { text: 'x' }));
    expect(f).toMatchObject({ kind: 'flood', retryAfterMs: 7000, message: 'Too Many Requests: retry after 7' });
    expect((await failureOf(failing(apiError(429, 'Too Many Requests')).send(1n, { text: 'x' }))).retryAfterMs).toBe(1000);
  });

  it.each([
    [403, 'Forbidden: bot was blocked by the user'],
    [403, 'Forbidden: bot was kicked from the supergroup chat'],
    [400, 'Bad Request: chat not found'],
    [400, 'Bad Request: PEER_ID_INVALID'],
    [400, 'Bad Request: user is deactivated'],
    [400, 'Bad Request: not enough rights to send text messages to the chat'],
    [400, 'Bad Request: bot is not a member of the supergroup chat'],
    [400, 'Bad Request: group chat was upgraded to a supergroup chat'],
  ])('takes %i "%s" as gone', async (code, description) => {
    expect(await failureOf(failing(apiError(code, description)).send(1n, { text: 'x' }))).toMatchObject({ kind: 'gone', message: description });
  });

  it('takes a 5xx and an error without a code (the network) as transient', async () => {
    expect((await failureOf(failing(apiError(502, 'Bad Gateway')).send(1n, { text: 'x' }))).kind).toBe('transient');
    const network = await failureOf(failing(new Error('Network request for sendMessage failed!')).send(1n, { text: 'x' }));
    expect(network).toMatchObject({ kind: 'transient', message: 'Network request for sendMessage failed!' });
  });

  it('takes any other 4xx as rejected', async () => {
    const f = await failureOf(failing(apiError(400, "Bad Request: can't parse entities")).send(1n, { text: '<b' }));
    expect(f).toMatchObject({ kind: 'rejected', message: "Bad Request: can't parse entities" });
    expect((await failureOf(failing(apiError(400, 'Bad Request: message is too long')).sendLegacy('sendMessage', {}))).kind).toBe('rejected');
  });

  it('counts an edit with nothing to change, or of a deleted message, as done', async () => {
    await expect(
      failing(apiError(400, 'Bad Request: message is not modified: specified new message content is the same')).edit(1n, 2, { text: 'x' }),
    ).resolves.toBeUndefined();
    await expect(failing(apiError(400, 'Bad Request: message to edit not found')).edit(1n, 2, { text: 'x' })).resolves.toBeUndefined();
    expect((await failureOf(failing(apiError(403, 'Forbidden: bot was kicked from the group chat')).edit(1n, 2, { text: 'x' }))).kind).toBe('gone');
  });
});
