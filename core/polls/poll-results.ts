// Results of a poll per question and wave: counts and shares (percent, one decimal) over a stated base,
// the satisfaction index and the mean, the change between consecutive waves, breakdowns by gender, age
// bracket and social status (with "not stated"), and the free-text answers.
//
// Definitions (DOMAIN.md "Satisfaction scales and national baselines"):
// - base = respondents who answered the question (a skipped optional or a hidden question is not in it);
// - satisfaction index = (fully + rather) / base, "hard to answer" IN the base, as the national 74.8 %;
// - mean: the scale mapped fully 4 … not at all 1, "hard to answer" left out (its own base is given);
//   ratings 1–5 as they are;
// - dynamics are the differences of the shown (rounded) values, so a reader can check them by hand.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import { ALL_AGE_BRACKETS } from '../projects/age-brackets.ts';
import { socialStatuses } from '../../prisma/seed/social-status.ts';
import {
  answerCodes,
  codesOf,
  NATIONAL_BASELINE_PERCENT,
  percent,
  POSITIVE,
  questionOf,
  SATISFACTION_POINTS,
  visibleQuestions,
  type AnswerValue,
  type QuestionRule,
  type QuestionView,
} from './poll-rules.ts';
import { scopedPoll } from './poll-scope.ts';
import { round1, round2 } from '../numbers.ts';

export const NOT_STATED = 'not_stated';
export type Dimension = 'gender' | 'age' | 'status';
export const DIMENSIONS: Dimension[] = ['gender', 'age', 'status'];
/** The order the breakdown rows follow (the form's order), "not stated" last. */
export const DIMENSION_VALUES: Record<Dimension, string[]> = {
  gender: ['male', 'female', NOT_STATED],
  age: [...ALL_AGE_BRACKETS.map((b) => b.code), NOT_STATED],
  status: [...socialStatuses.map((s) => s.code), NOT_STATED],
};

export interface OptionStat {
  code: string;
  count: number;
  /** percent of the base, one decimal; null with an empty base */
  share: number | null;
}

export interface Stat {
  /** respondents who answered the question */
  base: number;
  /** shown the question but skipped it (optional questions) */
  skipped: number;
  options: OptionStat[];
  /** satisfaction only: positive share, "hard to answer" in the base */
  index: number | null;
  /** index minus the national baseline, percentage points */
  vsBaseline: number | null;
  mean: number | null;
  /** answers the mean is computed over (satisfaction: without "hard to answer") */
  meanBase: number;
}

export interface QuestionWaveResult extends Stat {
  waveId: number;
  breakdown: Array<{ dimension: Dimension; value: string } & Stat>;
}

export interface Change {
  fromWaveId: number;
  toWaveId: number;
  /** percentage points */
  index: number | null;
  mean: number | null;
  /** percentage points per answer code */
  shares: Array<{ code: string; change: number | null }>;
}

export interface QuestionResult extends QuestionView {
  waves: QuestionWaveResult[];
  dynamics: Change[];
}

export interface TextAnswer {
  waveId: number;
  questionId: number;
  text: string;
  /** null in an anonymous poll: the time would help to tell who wrote it */
  submittedAt: Date | null;
  /** never in an anonymous poll */
  respondent: { citizenId: number; name: string | null } | null;
}

export interface PollResults {
  poll: { id: number; projectId: number; titleKk: string; titleRu: string; anonymous: boolean };
  baseline: number;
  waves: Array<{
    id: number;
    position: number;
    labelKk: string;
    labelRu: string;
    status: string;
    opensAt: Date;
    closesAt: Date;
    responses: number;
    invited: number;
  }>;
  questions: QuestionResult[];
  texts: TextAnswer[];
}

export interface Respondent {
  waveId: number;
  gender: string | null;
  ageBracket: string | null;
  socialStatus: string | null;
  answers: Record<number, AnswerValue>;
}

const valueOf = (r: Respondent, d: Dimension): string => {
  const v = d === 'gender' ? r.gender : d === 'age' ? r.ageBracket : r.socialStatus;
  return v && DIMENSION_VALUES[d].includes(v) ? v : NOT_STATED;
};

/** Counts, shares, index and mean of one question over some respondents (those shown it). */
export function statOf(q: QuestionRule, shownTo: Respondent[]): Stat {
  const answers = shownTo.map((r) => r.answers[q.id]).filter((a): a is Exclude<AnswerValue, null> => a != null);
  const base = answers.length;
  const codes = codesOf(q);
  const counts = new Map(codes.map((c) => [c, 0]));
  for (const a of answers) for (const c of answerCodes(a)) if (counts.has(c)) counts.set(c, counts.get(c)! + 1);
  const options = codes.map((code) => ({ code, count: counts.get(code)!, share: percent(counts.get(code)!, base) }));
  let index: number | null = null;
  let mean: number | null = null;
  let meanBase = 0;
  if (q.type === 'satisfaction') {
    const positive = POSITIVE.reduce((s, c) => s + (counts.get(c) ?? 0), 0);
    index = percent(positive, base);
    const points = answers.map((a) => SATISFACTION_POINTS[answerCodes(a)[0]!]).filter((p): p is number => p !== undefined);
    meanBase = points.length;
    mean = meanBase ? round2(points.reduce((s, p) => s + p, 0) / meanBase) : null;
  } else if (q.type === 'rating') {
    const ratings = answers.map((a) => ('rating' in a ? a.rating : 0)).filter((x) => x > 0);
    meanBase = ratings.length;
    mean = meanBase ? round2(ratings.reduce((s, p) => s + p, 0) / meanBase) : null;
  }
  return { base, skipped: shownTo.length - base, options, index, vsBaseline: index == null ? null : round1(index - NATIONAL_BASELINE_PERCENT), mean, meanBase };
}

const diff = (a: number | null, b: number | null, round: (x: number) => number) => (a == null || b == null ? null : round(b - a));

/** Pure: the results of the questions over the respondents of the waves (in wave order). */
export function computeResults(questions: QuestionResult[], waveIds: number[], respondents: Respondent[]): QuestionResult[] {
  const rules = questions as QuestionRule[];
  const shown = new Map<Respondent, Set<number>>(respondents.map((r) => [r, new Set(visibleQuestions(rules, r.answers).map((q) => q.id))]));
  return questions.map((q) => {
    const waves = waveIds.map((waveId) => {
      const inWave = respondents.filter((r) => r.waveId === waveId && shown.get(r)!.has(q.id));
      const breakdown =
        q.type === 'text'
          ? []
          : DIMENSIONS.flatMap((dimension) =>
              DIMENSION_VALUES[dimension]
                .map((value) => ({
                  dimension,
                  value,
                  ...statOf(
                    q,
                    inWave.filter((r) => valueOf(r, dimension) === value),
                  ),
                }))
                .filter((cell) => cell.base + cell.skipped > 0),
            );
      return { waveId, ...statOf(q, inWave), breakdown };
    });
    const dynamics: Change[] = [];
    for (let i = 1; i < waves.length; i++) {
      const [a, b] = [waves[i - 1]!, waves[i]!];
      dynamics.push({
        fromWaveId: a.waveId,
        toWaveId: b.waveId,
        index: diff(a.index, b.index, round1),
        mean: diff(a.mean, b.mean, round2),
        shares: b.options.map((o, k) => ({ code: o.code, change: diff(a.options[k]!.share, o.share, round1) })),
      });
    }
    return { ...q, waves, dynamics };
  });
}

export async function loadResults(prisma: PrismaClient, staff: StaffPrincipal, pollId: number): Promise<PollResults> {
  const poll = await scopedPoll(prisma, staff, pollId);
  const [questions, waves, responses] = await Promise.all([
    prisma.pollQuestion.findMany({ where: { pollId }, orderBy: { position: 'asc' } }),
    prisma.pollWave.findMany({ where: { pollId }, orderBy: { position: 'asc' }, include: { _count: { select: { responses: true, invitations: true } } } }),
    prisma.pollResponse.findMany({ where: { wave: { pollId } }, include: { answers: true }, orderBy: { id: 'asc' } }),
  ]);
  const names = poll.anonymous
    ? new Map<number, string | null>()
    : new Map(
        (
          await prisma.citizen.findMany({
            where: { id: { in: responses.flatMap((r) => (r.citizenId == null ? [] : [r.citizenId])) } },
            select: { id: true, name: true, erasedAt: true },
          })
        ).map((c) => [c.id, c.erasedAt ? null : c.name]),
      );
  const respondents: Respondent[] = responses.map((r) => ({
    waveId: r.waveId,
    gender: r.gender,
    ageBracket: r.ageBracket,
    socialStatus: r.socialStatus,
    answers: Object.fromEntries(
      r.answers.map((a) => [
        a.questionId,
        a.choice != null
          ? { choice: a.choice }
          : a.rating != null
            ? { rating: a.rating }
            : a.text != null
              ? { text: a.text }
              : a.choices.length
                ? { choices: a.choices }
                : null,
      ]),
    ),
  }));
  const qs: QuestionResult[] = questions.map((q) => ({ ...questionOf(q), waves: [], dynamics: [] }));
  // an anonymous poll's texts are listed by wave and question only; their order says nothing (random ids)
  const texts: TextAnswer[] = responses.flatMap((r) =>
    r.answers
      .filter((a) => a.text != null)
      .map((a) => ({
        waveId: r.waveId,
        questionId: a.questionId,
        text: a.text!,
        submittedAt: poll.anonymous ? null : r.submittedAt,
        respondent: poll.anonymous || r.citizenId == null ? null : { citizenId: r.citizenId, name: names.get(r.citizenId) ?? null },
      })),
  );
  return {
    poll: { id: poll.id, projectId: poll.projectId, titleKk: poll.titleKk, titleRu: poll.titleRu, anonymous: poll.anonymous },
    baseline: NATIONAL_BASELINE_PERCENT,
    waves: waves.map((w) => ({
      id: w.id,
      position: w.position,
      labelKk: w.labelKk,
      labelRu: w.labelRu,
      status: w.status,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      responses: w._count.responses,
      invited: w._count.invitations,
    })),
    questions: computeResults(
      qs,
      waves.map((w) => w.id),
      respondents,
    ),
    texts,
  };
}
