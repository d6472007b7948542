// The rules of a questionnaire: question types and their fixed answer codes, what a valid answer is,
// which questions a respondent sees (skip rules), and the checks a questionnaire must pass before it is
// saved. Pure functions: the builder, the bot and the results all read the same rules from here.
import type { PollQuestionType } from '../../generated/prisma/enums.ts';
import { invalid } from '../errors.ts';
import { round1 } from '../numbers.ts';

/**
 * The national population-survey scale (DOMAIN.md "Satisfaction scales", seed 001): fully / rather
 * satisfied / rather not / not at all / hard to answer, in the order the survey reads them out.
 */
export const SATISFACTION = ['fully', 'rather', 'rather_not', 'not_at_all', 'hard_to_say'] as const;
/** Positive = fully + rather; the share is computed with "hard to answer" in the base (DOMAIN.md). */
export const POSITIVE: readonly string[] = ['fully', 'rather'];
/** The mean of the scale maps fully..not at all to 4..1; "hard to answer" has no place on it. */
export const SATISFACTION_POINTS: Readonly<Record<string, number>> = { fully: 4, rather: 3, rather_not: 2, not_at_all: 1 };
/** seed 001 L241: 37.8 % fully + 37.0 % rather satisfied. */
export const NATIONAL_BASELINE_PERCENT = 74.8;

export const YES_NO = ['yes', 'no'] as const;
export const RATINGS = ['1', '2', '3', '4', '5'] as const;

export const QUESTION_TYPES: PollQuestionType[] = ['satisfaction', 'rating', 'single', 'multiple', 'yes_no', 'text'];
export const QUESTIONS_MAX = 50;
export const QUESTION_TEXT_MAX = 600;
export const OPTIONS_MAX = 12;
/** An inline button shows about this much on a small phone. */
export const OPTION_LABEL_MAX = 60;
export const OPTION_CODE = /^[a-z0-9_]{1,20}$/;
export const TEXT_ANSWER_MAX = 1000;
export const TITLE_MAX = 200;
export const INTRO_MAX = 1000;
/** The latest a wave may remind non-respondents: 30 days after their invitation. */
export const REMINDER_HOURS_MAX = 24 * 30;

export interface PollOption {
  code: string;
  kk: string;
  ru: string;
}

/** A question as the rules see it (a database row, or one being saved). */
export interface QuestionRule {
  id: number;
  position: number;
  type: PollQuestionType;
  required: boolean;
  options: PollOption[];
  showIfQuestionId: number | null;
  showIfAnswers: string[];
}

/** A question with its texts, as the bot shows it and the API returns it (plain data). */
export interface QuestionView extends QuestionRule {
  textKk: string;
  textRu: string;
}

/** A PollQuestion row as the rules, the bot and the API read it (options parsed from JSON). */
export const questionOf = (q: Omit<QuestionView, 'options'> & { options: unknown }): QuestionView => ({
  id: q.id,
  position: q.position,
  type: q.type,
  textKk: q.textKk,
  textRu: q.textRu,
  required: q.required,
  options: parseOptions(q.options),
  showIfQuestionId: q.showIfQuestionId,
  showIfAnswers: q.showIfAnswers,
});

/** An answer as drafts keep it and the results read it; null = skipped (an optional question). */
export type AnswerValue = { choice: string } | { choices: string[] } | { rating: number } | { text: string } | null;

/** The answer codes a question's answers are counted by (none for free text). */
export function codesOf(q: Pick<QuestionRule, 'type' | 'options'>): string[] {
  switch (q.type) {
    case 'satisfaction':
      return [...SATISFACTION];
    case 'yes_no':
      return [...YES_NO];
    case 'rating':
      return [...RATINGS];
    case 'single':
    case 'multiple':
      return q.options.map((o) => o.code);
    case 'text':
      return [];
  }
}

/** The codes an answer stands for, for skip rules and counting. */
export function answerCodes(a: AnswerValue): string[] {
  if (!a) return [];
  if ('choice' in a) return [a.choice];
  if ('choices' in a) return a.choices;
  if ('rating' in a) return [String(a.rating)];
  return [];
}

export function parseOptions(json: unknown): PollOption[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((o): o is PollOption => !!o && typeof o === 'object' && typeof (o as PollOption).code === 'string')
    .map((o) => ({ code: o.code, kk: String(o.kk ?? ''), ru: String(o.ru ?? '') }));
}

/**
 * Whether a question is shown, given the answers so far: a question with a skip rule only when the
 * earlier question was answered with one of the listed codes (a skipped or hidden one hides it too).
 */
export function isShown(q: QuestionRule, answers: Readonly<Record<number, AnswerValue | undefined>>, byId: ReadonlyMap<number, QuestionRule>): boolean {
  if (q.showIfQuestionId == null) return true;
  const parent = byId.get(q.showIfQuestionId);
  if (!parent || !isShown(parent, answers, byId)) return false;
  return answerCodes(answers[parent.id] ?? null).some((c) => q.showIfAnswers.includes(c));
}

/** The questions a respondent with these answers sees, in order. */
export function visibleQuestions<Q extends QuestionRule>(questions: readonly Q[], answers: Readonly<Record<number, AnswerValue | undefined>>): Q[] {
  const byId = new Map<number, QuestionRule>(questions.map((q) => [q.id, q]));
  return [...questions].sort((a, b) => a.position - b.position).filter((q) => isShown(q, answers, byId));
}

/** Checks one answer against its question; throws a localised refusal. */
export function checkAnswer(q: QuestionRule, a: AnswerValue): AnswerValue {
  if (a === null) {
    if (q.required) throw invalid('poll.answer_required');
    return null;
  }
  const codes = codesOf(q);
  switch (q.type) {
    case 'satisfaction':
    case 'yes_no':
    case 'single':
      if (!('choice' in a) || !codes.includes(a.choice)) throw invalid('poll.bad_answer');
      return { choice: a.choice };
    case 'rating':
      if (!('rating' in a) || !Number.isInteger(a.rating) || a.rating < 1 || a.rating > 5) throw invalid('poll.bad_answer');
      return { rating: a.rating };
    case 'multiple': {
      if (!('choices' in a) || a.choices.some((c) => !codes.includes(c))) throw invalid('poll.bad_answer');
      if (a.choices.length === 0) {
        if (q.required) throw invalid('poll.pick_one');
        return null;
      }
      // in the questionnaire's order, each once
      return { choices: codes.filter((c) => a.choices.includes(c)) };
    }
    case 'text': {
      const text = 'text' in a ? a.text.trim() : '';
      if (!text) throw invalid('poll.text_expected');
      if (text.length > TEXT_ANSWER_MAX) throw invalid('poll.text_too_long', { max: TEXT_ANSWER_MAX, length: text.length });
      return { text };
    }
  }
}

export interface QuestionInput {
  type: PollQuestionType;
  textKk: string;
  textRu: string;
  required: boolean;
  options: PollOption[];
  showIfQuestionId: number | null;
  showIfAnswers: string[];
}

/**
 * Checks a whole questionnaire (questions in their order): texts in both languages, options where the
 * type has them, and skip rules that point to an earlier question and name its answer codes.
 * `n` in the messages is the question's number as the builder shows it (1-based).
 */
export function validateQuestionnaire(questions: ReadonlyArray<QuestionInput & { id: number }>): void {
  if (questions.length > QUESTIONS_MAX) throw invalid('poll.too_many_questions', { max: QUESTIONS_MAX });
  const seen = new Map<number, { index: number; q: QuestionInput }>();
  questions.forEach((q, index) => {
    const n = index + 1;
    if (!q.textKk.trim() || !q.textRu.trim()) throw invalid('poll.question_text_required', { n });
    if (q.textKk.length > QUESTION_TEXT_MAX || q.textRu.length > QUESTION_TEXT_MAX) throw invalid('poll.question_text_too_long', { n, max: QUESTION_TEXT_MAX });
    if (q.type === 'single' || q.type === 'multiple') {
      if (q.options.length < 2) throw invalid('poll.options_required', { n });
      if (q.options.length > OPTIONS_MAX) throw invalid('poll.too_many_options', { n, max: OPTIONS_MAX });
      const codes = new Set<string>();
      for (const o of q.options) {
        if (!OPTION_CODE.test(o.code)) throw invalid('poll.bad_option_code', { n, code: o.code });
        if (codes.has(o.code)) throw invalid('poll.duplicate_option', { n, code: o.code });
        codes.add(o.code);
        if (!o.kk.trim() || !o.ru.trim()) throw invalid('poll.option_label_required', { n, code: o.code });
        if (o.kk.length > OPTION_LABEL_MAX || o.ru.length > OPTION_LABEL_MAX)
          throw invalid('poll.option_label_too_long', { n, code: o.code, max: OPTION_LABEL_MAX });
      }
    } else if (q.options.length > 0) {
      throw invalid('poll.options_not_allowed', { n });
    }
    if (q.showIfQuestionId != null) {
      const parent = seen.get(q.showIfQuestionId);
      if (!parent) throw invalid('poll.skip_rule_not_earlier', { n });
      if (parent.q.type === 'text') throw invalid('poll.skip_rule_text', { n, parent: parent.index + 1 });
      if (q.showIfAnswers.length === 0) throw invalid('poll.skip_rule_answers', { n });
      const codes = codesOf(parent.q);
      const unknown = q.showIfAnswers.filter((c) => !codes.includes(c));
      if (unknown.length > 0) throw invalid('poll.skip_rule_unknown_answer', { n, parent: parent.index + 1, codes: unknown.join(', ') });
    } else if (q.showIfAnswers.length > 0) {
      throw invalid('poll.skip_rule_answers', { n });
    }
    seen.set(q.id, { index, q });
  });
}

/** Shares as the results show them: percent with one decimal. */
export const percent = (count: number, base: number): number | null => (base > 0 ? round1((count * 100) / base) : null);
