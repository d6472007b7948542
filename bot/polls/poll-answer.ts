// Answering a poll wave: one question at a time with buttons (the satisfaction scale, 1–5, one or
// several options, yes/no) or typed text, "Skip" on optional questions, "Back" one step, and a
// confirmation at the end. Every answer is saved to the draft at once by the service, so /cancel, the
// menu or a restart lose nothing and the next visit resumes where the citizen stopped. Through the
// wave's link a follower joins the project first and is asked the profile questions once.
import { InlineKeyboard } from 'grammy';
import type { FlowContext } from '../context.ts';
import { mainMenu } from '../menu.ts';
import type { DraftView, QuestionView, WaveForCitizen } from '../../core/polls/poll-citizen.ts';
import { SATISFACTION, TEXT_ANSWER_MAX, visibleQuestions, YES_NO, type AnswerValue } from '../../core/polls/poll-rules.ts';
import { askOnce, attempt, choiceLabels, errorText, esc, withLegend, type Flow, type Outcome } from '../flow-kit.ts';
import { keyboardOf } from '../telegram/keyboard.ts';
import { scoreOffers, type ButtonReader } from '../../core/offers/button.ts';
import { pollAnswer, pollBack, pollConfirm, pollDone, pollSkip, pollToggle } from './buttons.ts';
import { askProfile } from '../citizens/profile.ts';

/**
 * Refusals after which answering cannot go on (the others are shown and the question asked again).
 * question_not_found cannot happen once questions are frozen with the first open wave, but a question
 * deleted under a running conversation must end it rather than ask the same question for ever.
 */
const FINAL = new Set([
  'poll.closed',
  'poll.archived',
  'poll.already_answered',
  'poll.not_invited',
  'poll.not_open_yet',
  'poll.wave_not_found',
  'poll.question_not_found',
  'project.not_active',
  'project.not_found',
]);

type Step = { answer: AnswerValue } | { back: true };

const textOf = (ctx: FlowContext, x: { textKk: string; textRu: string }) => (ctx.locale === 'kk' ? x.textKk : x.textRu);

/** The answer as the citizen chose it, in their language. */
function answerLabel(ctx: FlowContext, q: QuestionView, a: AnswerValue): string {
  if (a === null) return ctx.t('polls:flow.skipped');
  if ('text' in a) return esc(a.text);
  if ('rating' in a) return `${a.rating} ⭐`;
  const codes = 'choice' in a ? [a.choice] : a.choices;
  return codes
    .map((c) =>
      q.type === 'single' || q.type === 'multiple'
        ? esc(textOf(ctx, { textKk: q.options.find((o) => o.code === c)?.kk ?? c, textRu: q.options.find((o) => o.code === c)?.ru ?? c }))
        : ctx.t(`polls:answer.${c}`),
    )
    .join(', ');
}

/** Staff write options up to 60 characters: a long one is shortened on its button and given in full in the question. */
const optionLabels = (ctx: FlowContext, q: QuestionView, render?: (i: number, label: string) => string) =>
  choiceLabels(
    q.options.map((o) => textOf(ctx, { textKk: o.kk, textRu: o.ru })),
    render,
  );

function keyboardFor(ctx: FlowContext, q: QuestionView, canGoBack: boolean, picked: ReadonlySet<string>): InlineKeyboard {
  let kb: InlineKeyboard;
  switch (q.type) {
    case 'satisfaction':
      kb = InlineKeyboard.from(SATISFACTION.map((c) => [InlineKeyboard.text(ctx.t(`polls:answer.${c}`), pollAnswer.encode({ questionId: q.id, code: c }))]));
      break;
    case 'rating':
      kb = keyboardOf(scoreOffers((n) => pollAnswer.encode({ questionId: q.id, code: String(n) })));
      break;
    case 'yes_no':
      kb = InlineKeyboard.from([YES_NO.map((c) => InlineKeyboard.text(ctx.t(`polls:answer.${c}`), pollAnswer.encode({ questionId: q.id, code: c })))]);
      break;
    case 'single': {
      const { labels } = optionLabels(ctx, q);
      kb = InlineKeyboard.from(q.options.map((o, i) => [InlineKeyboard.text(labels[i]!, pollAnswer.encode({ questionId: q.id, code: o.code }))]));
      break;
    }
    case 'multiple': {
      const { labels } = optionLabels(ctx, q, (i, label) => `${picked.has(q.options[i]!.code) ? '✅' : '▫️'} ${label}`);
      kb = InlineKeyboard.from([
        ...q.options.map((o, i) => [InlineKeyboard.text(labels[i]!, pollToggle.encode({ questionId: q.id, code: o.code }))]),
        [InlineKeyboard.text(ctx.t('polls:flow.done'), pollDone.encode({ questionId: q.id }))],
      ]);
      break;
    }
    case 'text':
      kb = new InlineKeyboard();
      break;
  }
  const nav = [
    ...(q.required ? [] : [InlineKeyboard.text(ctx.t('polls:flow.skip'), pollSkip.encode({ questionId: q.id }))]),
    ...(canGoBack ? [InlineKeyboard.text(ctx.t('polls:flow.back'), pollBack.encode({ questionId: q.id }))] : []),
  ];
  return nav.length ? InlineKeyboard.from([...kb.inline_keyboard.filter((row) => row.length > 0), nav]) : kb;
}

type Press = { kind: 'a' | 't'; code: string } | { kind: 'd' | 's' | 'b'; code?: undefined };

/** A press of one of question `questionId`'s own buttons; those of other questions are stale. */
function pressOn(questionId: number): ButtonReader<Press> {
  const mine = <V extends { questionId: number }>(v: V | null): V | null => (v?.questionId === questionId ? v : null);
  return {
    decode(data) {
      const answer = mine(pollAnswer.decode(data));
      if (answer) return { kind: 'a', code: answer.code };
      const toggle = mine(pollToggle.decode(data));
      if (toggle) return { kind: 't', code: toggle.code };
      if (mine(pollDone.decode(data))) return { kind: 'd' };
      if (mine(pollSkip.decode(data))) return { kind: 's' };
      if (mine(pollBack.decode(data))) return { kind: 'b' };
      return null;
    },
  };
}

/** Shows one question and waits for its answer, a skip or "back". */
async function ask(conversation: Flow, ctx: FlowContext, q: QuestionView, n: number, canGoBack: boolean): Promise<Step> {
  const hint =
    q.type === 'multiple'
      ? `\n<i>${ctx.t('polls:flow.multiple_hint')}</i>`
      : q.type === 'text'
        ? `\n<i>${ctx.t('polls:flow.text_hint', { max: TEXT_ANSWER_MAX })}</i>`
        : '';
  const legend = q.type === 'single' ? optionLabels(ctx, q).legend : q.type === 'multiple' ? optionLabels(ctx, q, (_, label) => `▫️ ${label}`).legend : [];
  const text =
    withLegend(ctx.t('polls:flow.question', { n, optional: q.required ? '' : ctx.t('polls:flow.optional'), text: esc(textOf(ctx, q)) }), legend, true) + hint;
  const picked = new Set<string>();
  const kb = keyboardFor(ctx, q, canGoBack, picked);
  const shown = await ctx.reply(text, { parse_mode: 'HTML', ...(kb.inline_keyboard.length ? { reply_markup: kb } : {}) });
  const buttons = pressOn(q.id);
  for (;;) {
    const c = await conversation.wait();
    const data = c.callbackQuery?.data;
    if (data) {
      const press = buttons.decode(data);
      if (!press) {
        await c.answerCallbackQuery({ text: ctx.t('common:stale_button') });
        continue;
      }
      await c.answerCallbackQuery();
      const { kind, code } = press;
      if (kind === 't' && code) {
        if (picked.has(code)) picked.delete(code);
        else picked.add(code);
        await c.editMessageReplyMarkup({ reply_markup: keyboardFor(ctx, q, canGoBack, picked) }).catch(() => {});
        continue;
      }
      if (kind === 'd' && picked.size === 0 && q.required) {
        await c.reply(ctx.t('errors:poll.pick_one'));
        continue;
      }
      const step: Step =
        kind === 'b'
          ? { back: true }
          : kind === 's' || (kind === 'd' && picked.size === 0)
            ? { answer: null }
            : kind === 'd'
              ? { answer: { choices: q.options.map((o) => o.code).filter((x) => picked.has(x)) } }
              : q.type === 'rating'
                ? { answer: { rating: Number(code) } }
                : { answer: { choice: code ?? '' } };
      // The question keeps what was chosen, so the chat reads as a record of the answers.
      const footer = 'back' in step ? '' : `\n\n${ctx.t('polls:flow.chosen', { answer: answerLabel(ctx, q, step.answer) })}`;
      await c.editMessageText(text + footer, { parse_mode: 'HTML' }).catch(() => {});
      return step;
    }
    const typed = c.message?.text?.trim();
    if (q.type === 'text' && typed) {
      const answer = { text: typed };
      await c.api
        .editMessageText(shown.chat.id, shown.message_id, `${text}\n\n${ctx.t('polls:flow.chosen', { answer: answerLabel(ctx, q, answer) })}`, {
          parse_mode: 'HTML',
        })
        .catch(() => {});
      return { answer };
    }
    await c.reply(ctx.t(q.type === 'text' ? 'polls:flow.text_expected' : 'polls:flow.use_buttons'));
  }
}

/** The final question "send?"; false: the citizen went back. */
async function confirm(conversation: Flow, ctx: FlowContext, count: number): Promise<boolean> {
  const kb = new InlineKeyboard()
    .text(ctx.t('polls:flow.send'), pollConfirm.encode({ choice: 'send' }))
    .text(ctx.t('polls:flow.back'), pollConfirm.encode({ choice: 'back' }));
  const { value } = await askOnce(conversation, ctx, ctx.t('polls:flow.confirm', { count }), kb, pollConfirm, {
    hint: (x) => x.reply(ctx.t('polls:flow.use_buttons')),
  });
  return value.choice === 'send';
}

export async function pollAnswerConversation(conversation: Flow, ctx: FlowContext, waveId: number, viaLink: boolean): Promise<void> {
  const citizenId = ctx.citizenId;
  if (citizenId == null) return;
  const { citizen } = ctx.services.polls;
  /** A refusal: shown; true when answering cannot go on. */
  const refused = async (o: Extract<Outcome<unknown>, { ok: false }>): Promise<boolean> => {
    const final = FINAL.has(o.code);
    await ctx.reply(errorText(ctx, o), final ? { reply_markup: mainMenu(ctx) } : {});
    return final;
  };

  const begun = await conversation.external(() => attempt(() => citizen.begin(citizenId, waveId, { join: viaLink })));
  if (!begun.ok) {
    await refused(begun);
    return;
  }
  const w: WaveForCitizen = begun.value;
  if (viaLink) await askProfile(conversation, ctx);
  const kk = ctx.locale === 'kk';
  const intro = (kk ? w.introKk : w.introRu).trim();
  await ctx.reply(
    ctx.t('polls:flow.intro', {
      title: esc(kk ? w.titleKk : w.titleRu),
      wave: esc(kk ? w.labelKk : w.labelRu),
      intro: intro ? `\n${esc(intro)}\n` : '',
      anonymous: w.anonymous ? `\n${ctx.t('polls:invite.anonymous').trim()}` : '',
    }),
    { parse_mode: 'HTML', reply_markup: mainMenu(ctx) },
  );
  let draft: DraftView = w.draft;
  if (draft.path.length > 0) await ctx.reply(ctx.t('polls:flow.resume'));

  for (;;) {
    const shown = visibleQuestions(w.questions, draft.answers);
    const next = shown.find((q) => !(String(q.id) in draft.answers));
    if (!next) {
      if (!(await confirm(conversation, ctx, shown.length))) {
        const back = await conversation.external(() => attempt(() => citizen.back(citizenId, waveId)));
        if (!back.ok && (await refused(back))) return;
        if (back.ok) draft = back.value;
        continue;
      }
      const sent = await conversation.external(() => attempt(() => citizen.submit(citizenId, waveId)));
      if (sent.ok) {
        await ctx.reply(ctx.t('polls:flow.thanks'), { reply_markup: mainMenu(ctx) });
        return;
      }
      if (await refused(sent)) return;
      continue;
    }
    const step = await ask(conversation, ctx, next, shown.indexOf(next) + 1, draft.path.length > 0);
    const saved = await conversation.external(() =>
      attempt(() => ('back' in step ? citizen.back(citizenId, waveId) : citizen.answer(citizenId, waveId, next.id, step.answer))),
    );
    if (saved.ok) draft = saved.value;
    else if (await refused(saved)) return;
  }
}
