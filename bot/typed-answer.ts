// A typed answer in a conversation, or a press of the one button offered in its place ("use my name",
// "skip"): a press of any other button is stale, a message without text is asked for again, and a text
// that `check` refuses is answered with the reason and asked for again. The comment and the volunteer
// sign-up conversations ask this way.
import type { ButtonReader } from '../core/offers/button.ts';
import type { FlowContext } from './context.ts';
import type { Flow } from './flow-kit.ts';

export async function typedOrPressed(
  conversation: Flow,
  ctx: FlowContext,
  opts: {
    /** what to say when the message has no text */
    expected: string;
    /** the reason a text is refused, or null when it is taken (it may save it, in `conversation.external`) */
    check: (text: string) => string | null | Promise<string | null>;
    button?: ButtonReader<unknown>;
  },
): Promise<{ text: string } | { pressed: string }> {
  for (;;) {
    const c = await conversation.wait();
    const data = c.callbackQuery?.data;
    if (data && opts.button?.decode(data)) {
      await c.answerCallbackQuery();
      await c.editMessageReplyMarkup().catch(() => {});
      return { pressed: data };
    }
    if (c.callbackQuery) {
      await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    const text = c.message?.text?.trim();
    if (!text) {
      await c.reply(opts.expected);
      continue;
    }
    const refused = await opts.check(text);
    if (!refused) return { text };
    await c.reply(refused);
  }
}
