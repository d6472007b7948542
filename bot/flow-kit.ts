// Small pieces every conversation flow uses: waiting for one of our buttons while answering anything
// else helpfully, and domain refusals as plain values. (Commands, menu buttons and other features'
// buttons never reach a waiting flow: see flowContext in bot/middleware/app-context.ts.)
import type { Conversation } from '@grammyjs/conversations';
import { InlineKeyboard } from 'grammy';
import type { BotContext, FlowContext } from './context.ts';
import { FLOW_BUTTON } from './features.ts';
import { mainMenu } from './menu.ts';
import { formatLocalDateTime } from '../core/calendar/local-time.ts';
import { DomainError } from '../core/errors.ts';
import { defineButton, type ButtonFamily, type ButtonFields, type ButtonReader, type Field } from '../core/offers/button.ts';
import { esc, fitTitle } from '../core/text.ts';

export type Flow = Conversation<BotContext, FlowContext>;

/**
 * A button a conversation waits for. Its data starts with FLOW_BUTTON ('@'), which is what lets the
 * press reach the waiting conversation instead of another feature's handler (bot/middleware/app-context.ts).
 */
export function defineFlowButton<const F extends ButtonFields = Record<never, never>>(prefix: string, fields?: F): ButtonFamily<F> {
  if (!prefix.startsWith(FLOW_BUTTON)) throw new Error(`a flow button's prefix starts with ${FLOW_BUTTON}: ${prefix}`);
  return defineButton(prefix, fields);
}

/**
 * Waits for a press of one of `button`'s buttons and returns what it says. Old buttons get a short
 * answer, and anything typed is answered with `hint` (default: "choose with the buttons above").
 */
export async function waitForButton<V>(
  conversation: Flow,
  button: ButtonReader<V>,
  hint?: (ctx: FlowContext) => Promise<unknown>,
): Promise<{ ctx: FlowContext; value: V }> {
  for (;;) {
    const ctx = await conversation.wait();
    const data = ctx.callbackQuery?.data;
    const value = data === undefined ? null : button.decode(data);
    if (value !== null) {
      await ctx.answerCallbackQuery();
      return { ctx, value };
    }
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t('common:stale_button') });
      continue;
    }
    await (hint ? hint(ctx) : ctx.reply(ctx.t('reports:flow.use_buttons')));
  }
}

/** Like waitForButton, and the buttons then go from their message: a question is answered once. */
async function pressOnce<V>(
  conversation: Flow,
  button: ButtonReader<V>,
  hint?: (ctx: FlowContext) => Promise<unknown>,
): Promise<{ ctx: FlowContext; value: V }> {
  const pressed = await waitForButton(conversation, button, hint);
  await pressed.ctx.editMessageReplyMarkup().catch(() => {});
  return pressed;
}

/**
 * A question answered with one press: sends `text` (HTML with `opts.html`) with `keyboard`, buttons of
 * `button`'s family, and waits for a press (pressOnce). Anything typed meanwhile is answered with `opts.hint`.
 */
export async function askOnce<V>(
  conversation: Flow,
  ctx: FlowContext,
  text: string,
  keyboard: InlineKeyboard,
  button: ButtonReader<V>,
  opts: { html?: boolean; hint?: (ctx: FlowContext) => Promise<unknown> } = {},
): Promise<{ ctx: FlowContext; value: V }> {
  await ctx.reply(text, opts.html ? { parse_mode: 'HTML', reply_markup: keyboard } : { reply_markup: keyboard });
  return pressOnce(conversation, button, opts.hint);
}

/**
 * Offers to continue a saved draft or to start again (`texts.found` says since when), and waits for the
 * press; the buttons go once one is pressed. True: continue the draft.
 */
export async function offerDraft(
  conversation: Flow,
  ctx: FlowContext,
  button: ButtonFamily<{ choice: Field<'go' | 'new'> }>,
  texts: { found: string; go: string; restart: string },
): Promise<boolean> {
  const kb = new InlineKeyboard().text(texts.go, button.encode({ choice: 'go' })).text(texts.restart, button.encode({ choice: 'new' }));
  const { value } = await askOnce(conversation, ctx, texts.found, kb, button);
  return value.choice === 'go';
}

/**
 * A draft found on entry (changed at `since`, an ISO time): the citizen goes on with it, or starts again and
 * `discard` (run in `conversation.external`) drops it. The texts are `<ns>:flow.draft_found`, `continue`, `restart`.
 */
export async function offerSavedDraft(
  conversation: Flow,
  ctx: FlowContext,
  button: ButtonFamily<{ choice: Field<'go' | 'new'> }>,
  ns: string,
  since: string,
  discard: () => Promise<unknown>,
): Promise<void> {
  const texts = {
    found: ctx.t(`${ns}:flow.draft_found`, { date: formatLocalDateTime(new Date(since)) }),
    go: ctx.t(`${ns}:flow.continue`),
    restart: ctx.t(`${ns}:flow.restart`),
  };
  if (!(await offerDraft(conversation, ctx, button, texts))) await conversation.external(() => discard());
}

/** A flow's draft as the flow keeps it (bot/reports/report-draft.ts, bot/initiatives/propose-draft.ts). */
export interface DraftModel<D, S extends string> {
  /** the draft before any answer */
  empty: D;
  /** the first step not answered yet; null: on to the summary */
  missing(draft: D): S | null;
  /** reads the draft, in `conversation.external`; null: none yet */
  load(conversation: Flow, ctx: FlowContext, citizenId: number): Promise<D | null>;
}

/** The rest of what draftSteps needs: the flow's steps, its summary, and what discarding and sending do. */
export interface DraftFlow<D, S extends string> {
  /** the texts' namespace (`<ns>:flow.discarded`) */
  ns: string;
  ask: Record<S, (conversation: Flow, ctx: FlowContext, citizenId: number, draft: D) => Promise<unknown>>;
  /** shows the answers and waits for 'send', 'discard' or a step to change */
  summary(conversation: Flow, ctx: FlowContext, draft: D): Promise<string>;
  /** drops the draft (run in `conversation.external`) */
  discard(): Promise<unknown>;
  /** true: the flow is over; false: the draft was refused, and the summary comes again with it intact */
  send(draft: D): Promise<boolean>;
}

/**
 * The body of a draft flow: the next unanswered step, else the summary, where the citizen sends the draft,
 * discards it or changes an answer. Every answer is in the draft once its step returns, so the flow then goes
 * back to the checkpoint here: the conversation's log (stored on every update) holds one step's updates, not the
 * whole flow's, and the draft is read again after each rewind.
 */
export async function draftSteps<D, S extends string>(
  conversation: Flow,
  ctx: FlowContext,
  citizenId: number,
  model: DraftModel<D, S>,
  flow: DraftFlow<D, S>,
): Promise<void> {
  const top = conversation.checkpoint();
  const draft = (await model.load(conversation, ctx, citizenId)) ?? model.empty;
  const step = model.missing(draft);
  if (step) {
    await flow.ask[step](conversation, ctx, citizenId, draft);
    return conversation.rewind(top);
  }
  const choice = await flow.summary(conversation, ctx, draft);
  if (choice === 'discard') {
    await conversation.external(() => flow.discard());
    await ctx.reply(ctx.t(`${flow.ns}:flow.discarded`), { reply_markup: mainMenu(ctx) });
    return;
  }
  if (choice === 'send') {
    if (await flow.send(draft)) return;
    return conversation.rewind(top);
  }
  if (Object.hasOwn(flow.ask, choice)) await flow.ask[choice as S](conversation, ctx, citizenId, draft);
  return conversation.rewind(top);
}

/** Waits for the citizen's next message; a press of a button no longer offered meanwhile gets a short answer. */
export async function nextMessage(conversation: Flow, ctx: FlowContext): Promise<FlowContext> {
  for (;;) {
    const c = await conversation.wait();
    if (!c.callbackQuery) return c;
    await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
  }
}

/** A domain refusal as a value, so it survives `external` (which stores plain data) and reaches the citizen. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; code: string; params: Record<string, unknown> };

export async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof DomainError) return { ok: false, code: e.code, params: e.params };
    throw e;
  }
}

export const errorText = (ctx: { t: FlowContext['t'] }, o: { code: string; params: Record<string, unknown> }) =>
  ctx.t(`errors:${o.code}`, { ...o.params, defaultValue: ctx.t('common:error') });

export { clip, esc, fitTitle } from '../core/text.ts';

/**
 * Labels for buttons that each open one titled thing (a topic, an opportunity, a poll, an article):
 * "N. title", shortened at a word boundary so the whole label fits a button (fitTitle). The message
 * above lists the full titles with the same numbers, where nothing cuts them.
 */
export function numberedLabels(titles: string[], render: (i: number, numbered: string) => string = (_, s) => s, first = 1): string[] {
  return titles.map((title, i) => fitTitle((s) => render(i, `${first + i}. ${s}`), title));
}

/**
 * Labels for choices named by reference data (categories, statuses, topics, poll options …): a name
 * that does not fit a button is shortened (fitTitle), and `legend` lists the full names of those for
 * the message text. `numbered` puts "N. " before every name and lists them all, for lists with
 * official numbers (the 19 areas of Annex 3).
 */
export function choiceLabels(
  names: string[],
  render: (i: number, label: string) => string = (_, s) => s,
  opts: { numbered?: boolean } = {},
): { labels: string[]; legend: string[] } {
  if (opts.numbered) return { labels: numberedLabels(names, render), legend: names.map((n, i) => `${i + 1}. ${n}`) };
  const labels = names.map((n, i) => fitTitle((s) => render(i, s), n));
  return { labels, legend: names.filter((n, i) => labels[i] !== render(i, n)).map((n) => `• ${n}`) };
}

/** A prompt with the full names of shortened choices under it (nothing when none was shortened). */
export const withLegend = (prompt: string, legend: string[], escape = false) =>
  legend.length ? `${prompt}\n\n${legend.map((l) => (escape ? esc(l) : l)).join('\n')}` : prompt;

/**
 * Runs what a pressed button does for the citizen and stops the button's spinner, with the text `run` returns
 * (if any) as the button's short answer; a refusal from the domain (closed, not answered, no place left …)
 * becomes an alert in the citizen's language.
 */
export async function onButton(ctx: BotContext, run: (citizenId: number) => Promise<string | void>): Promise<void> {
  const citizenId = ctx.citizen?.id;
  if (citizenId == null) return;
  const outcome = await attempt(() => run(citizenId));
  if (outcome.ok) await ctx.answerCallbackQuery(outcome.value ? { text: outcome.value } : undefined).catch(() => {});
  else await ctx.answerCallbackQuery({ text: errorText(ctx, outcome).slice(0, 190), show_alert: true });
}

/** A screen of a menu: edits the message whose button was pressed, or sends a new one (a command, a menu label). */
export async function showScreen(ctx: BotContext, text: string, kb: InlineKeyboard, opts: { edit?: boolean } = {}): Promise<void> {
  const options = { parse_mode: 'HTML' as const, reply_markup: kb, link_preview_options: { is_disabled: true } };
  if ((opts.edit ?? true) && ctx.callbackQuery) await ctx.editMessageText(text, options).catch(() => ctx.reply(text, options));
  else await ctx.reply(text, options);
}

/** Leaves whatever flow was waiting and starts another. */
export async function enterFlow(ctx: BotContext, id: string, ...args: unknown[]): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(id, ...args);
}

/** A button that starts a flow and leaves its message as it is (a card, an invitation: it may start the flow again later). */
export async function enterFlowFromButton(ctx: BotContext, id: string, ...args: unknown[]): Promise<void> {
  await ctx.answerCallbackQuery();
  await enterFlow(ctx, id, ...args);
}

/** A screen's button that starts a flow: its spinner stops, the screen's buttons go, and the flow starts. */
export async function enterFlowFromScreen(ctx: BotContext, id: string, ...args: unknown[]): Promise<void> {
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => {});
  await enterFlow(ctx, id, ...args);
}

/**
 * The newest whole entries that fit in `budget` characters, oldest first. Telegram refuses a message
 * over 4096 characters, and cutting inside an entry could split an HTML tag or entity.
 */
export function newestThatFit(entries: string[], budget: number, separator = '\n'): string[] {
  const kept: string[] = [];
  let used = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const cost = entries[i]!.length + separator.length;
    if (used + cost > budget) break;
    kept.unshift(entries[i]!);
    used += cost;
  }
  return kept;
}
