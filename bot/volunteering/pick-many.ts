// Several choices toggled on one message, as the volunteer sign-up asks for directions and areas.
import type { FlowContext } from '../context.ts';
import { choiceLabels, type Flow, waitForButton } from '../flow-kit.ts';
import { grid } from '../telegram/keyboard.ts';
import type { ButtonFamily, Field } from '../../core/offers/button.ts';

/** Several choices toggled on one message, then "done" (with at least `min` chosen). */
export async function pickMany<K extends string | number>(
  conversation: Flow,
  ctx: FlowContext,
  prompt: (legend: string[]) => string,
  options: Array<{ key: K; label: string }>,
  chosen: K[],
  toggle: ButtonFamily<{ choice: Field<number | 'done'> }>,
  min: number,
  opts: { numbered?: boolean; cols?: number } = {},
): Promise<K[]> {
  const picked = new Set(chosen);
  const names = options.map((o) => o.label);
  const marked = (i: number, label: string) => `${picked.has(options[i]!.key) ? '✅' : '▫️'} ${label}`;
  const keyboard = () => {
    const { labels } = choiceLabels(names, marked, opts);
    const kb = grid(
      options.map((_, i) => toggle.offer(labels[i]!, { choice: i })),
      opts.cols ?? 2,
    );
    return kb.row().text(ctx.t(picked.size === 0 && min === 0 ? 'volunteering:signup.skip' : 'volunteering:signup.done'), toggle.encode({ choice: 'done' }));
  };
  await ctx.reply(prompt(choiceLabels(names, (_, label) => `▫️ ${label}`, opts).legend), { reply_markup: keyboard() });
  for (;;) {
    const { ctx: pressed, value } = await waitForButton(conversation, toggle);
    if (value.choice === 'done') {
      if (picked.size >= min) {
        await pressed.editMessageReplyMarkup().catch(() => {});
        return options.filter((o) => picked.has(o.key)).map((o) => o.key);
      }
      await pressed.reply(ctx.t('volunteering:signup.pick_one'));
      continue;
    }
    const option = options[value.choice];
    if (!option) continue;
    if (picked.has(option.key)) picked.delete(option.key);
    else picked.add(option.key);
    await pressed.editMessageReplyMarkup({ reply_markup: keyboard() }).catch(() => {});
  }
}
