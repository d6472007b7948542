// What counts as a favourable answer to an outcome question (plan §3.3): satisfaction → fully, rather (the
// national definition of the satisfaction index); yes_no → the chosen codes (default "yes"); single/multiple →
// the chosen codes; rating → 4 and 5. The ordinal score feeds the paired sign test.
import type { PollQuestionType } from '../../generated/prisma/enums.ts';
import { POSITIVE } from '../analytics/poll-indicators.ts';
import { invalid } from '../errors.ts';

export interface AnswerRow {
  choice: string | null;
  choices: string[];
  rating: number | null;
}

const SATISFACTION_SCORE: Record<string, number> = { not_at_all: 1, rather_not: 2, rather: 3, fully: 4 };

export function defaultCodes(type: PollQuestionType): string[] {
  if (type === 'satisfaction') return [...POSITIVE];
  if (type === 'yes_no') return ['yes'];
  if (type === 'rating') return ['4', '5'];
  return [];
}

/** The codes a measure may name: a text question cannot be an outcome measure; single/multiple need a choice. */
export function checkCodes(type: PollQuestionType, options: unknown, codes: readonly string[]): string[] {
  if (type === 'text') throw invalid('impact.text_question');
  const chosen = codes.length ? [...new Set(codes)] : defaultCodes(type);
  if (chosen.length === 0) throw invalid('impact.favourable_required');
  const allowed =
    type === 'satisfaction'
      ? Object.keys(SATISFACTION_SCORE)
      : type === 'yes_no'
        ? ['yes', 'no']
        : type === 'rating'
          ? ['1', '2', '3', '4', '5']
          : ((options as Array<{ code: string }> | null) ?? []).map((o) => o.code);
  if (chosen.some((c) => !allowed.includes(c))) throw invalid('impact.bad_favourable');
  return chosen;
}

/** null: the respondent did not answer it (or said "hard to say" to a satisfaction question it is still a base). */
export function isFavourable(type: PollQuestionType, codes: readonly string[], a: AnswerRow): boolean | null {
  if (type === 'rating') return a.rating === null ? null : codes.includes(String(a.rating));
  if (type === 'multiple') return a.choices.length === 0 ? null : a.choices.some((c) => codes.includes(c));
  return a.choice === null ? null : codes.includes(a.choice);
}

export function scoreOf(type: PollQuestionType, a: AnswerRow): number | null {
  if (type === 'rating') return a.rating;
  if (type === 'satisfaction') return SATISFACTION_SCORE[a.choice ?? ''] ?? null;
  return null;
}

export const isOrdinal = (type: PollQuestionType) => type === 'rating' || type === 'satisfaction';
