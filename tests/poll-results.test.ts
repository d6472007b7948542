// The numbers of the results, against hand-computed values: shares with one decimal over the stated
// base, the satisfaction index with "hard to answer" in the base against the national 74.8 % (DOMAIN.md),
// the mean on the 4..1 scale without "hard to answer", ratings' mean, dynamics in percentage points,
// breakdowns with "not stated", and the questionnaire checks of the builder.
import { describe, expect, it } from 'vitest';
import { computeResults, type QuestionResult, type Respondent } from '../core/polls/poll-results.ts';
import { NATIONAL_BASELINE_PERCENT, validateQuestionnaire, visibleQuestions, type QuestionInput } from '../core/polls/poll-rules.ts';

const question = (id: number, type: QuestionResult['type'], extra: Partial<QuestionResult> = {}): QuestionResult => ({
  id,
  position: id,
  type,
  textKk: `Сұрақ ${id}`,
  textRu: `Вопрос ${id}`,
  required: true,
  options: [],
  showIfQuestionId: null,
  showIfAnswers: [],
  waves: [],
  dynamics: [],
  ...extra,
});

const person = (waveId: number, sat: string, rating: number | null, gender: string | null, extra: Partial<Respondent> = {}): Respondent => ({
  waveId,
  gender,
  ageBracket: null,
  socialStatus: null,
  answers: { 1: { choice: sat }, ...(rating ? { 2: { rating } } : { 2: null }) },
  ...extra,
});

describe('poll results', () => {
  // wave 1: fully 3, rather 4, rather not 1, not at all 0, hard to answer 2 (10 respondents)
  const wave1 = [
    person(1, 'fully', 5, 'female', { ageBracket: 'age-23-27', socialStatus: 'youth' }),
    person(1, 'fully', 4, 'female', { ageBracket: 'age-23-27', socialStatus: 'youth' }),
    person(1, 'fully', 4, 'female'),
    person(1, 'rather', 3, 'female'),
    person(1, 'rather', null, 'female'),
    person(1, 'rather', null, 'male'),
    person(1, 'rather', null, 'male'),
    person(1, 'rather_not', null, 'male'),
    person(1, 'hard_to_say', null, null),
    person(1, 'hard_to_say', null, null),
  ];
  // wave 2: fully 3, rather 2, hard to answer 1 (6 respondents)
  const wave2 = [
    person(2, 'fully', 5, 'female'),
    person(2, 'fully', 5, 'female'),
    person(2, 'fully', 4, 'male'),
    person(2, 'rather', 2, 'male'),
    person(2, 'rather', null, 'male'),
    person(2, 'hard_to_say', null, null),
  ];
  const [sat, rating] = computeResults([question(1, 'satisfaction'), question(2, 'rating', { required: false })], [1, 2], [...wave1, ...wave2]);

  it('counts the satisfaction scale with shares over the base and the index with "hard to answer" in the base', () => {
    const w1 = sat!.waves[0]!;
    expect(w1.base).toBe(10);
    expect(w1.options).toEqual([
      { code: 'fully', count: 3, share: 30 },
      { code: 'rather', count: 4, share: 40 },
      { code: 'rather_not', count: 1, share: 10 },
      { code: 'not_at_all', count: 0, share: 0 },
      { code: 'hard_to_say', count: 2, share: 20 },
    ]);
    // 7 of 10, not 7 of 8: "hard to answer" stays in the base, as the national 74.8 % does
    expect(w1.index).toBe(70);
    expect(NATIONAL_BASELINE_PERCENT).toBe(74.8);
    expect(w1.vsBaseline).toBe(-4.8);
    // (3·4 + 4·3 + 1·2) / 8 = 3.25, "hard to answer" left out of the mean
    expect(w1).toMatchObject({ mean: 3.25, meanBase: 8 });
    const w2 = sat!.waves[1]!;
    expect(w2.options.map((o) => o.share)).toEqual([50, 33.3, 0, 0, 16.7]);
    // 5 / 6 = 83.33… → 83.3; (3·4 + 2·3) / 5 = 3.6
    expect(w2).toMatchObject({ base: 6, index: 83.3, vsBaseline: 8.5, mean: 3.6, meanBase: 5 });
  });

  it('gives the change between consecutive waves in percentage points and the mean change', () => {
    expect(sat!.dynamics).toEqual([
      {
        fromWaveId: 1,
        toWaveId: 2,
        index: 13.3,
        mean: 0.35,
        shares: [
          { code: 'fully', change: 20 },
          { code: 'rather', change: -6.7 },
          { code: 'rather_not', change: -10 },
          { code: 'not_at_all', change: 0 },
          { code: 'hard_to_say', change: -3.3 },
        ],
      },
    ]);
  });

  it('averages ratings over those who rated, and counts the skips of an optional question apart', () => {
    const w1 = rating!.waves[0]!;
    expect(w1).toMatchObject({ base: 4, skipped: 6, mean: 4, meanBase: 4, index: null });
    expect(w1.options.map((o) => [o.code, o.count, o.share])).toEqual([
      ['1', 0, 0],
      ['2', 0, 0],
      ['3', 1, 25],
      ['4', 2, 50],
      ['5', 1, 25],
    ]);
    // (5 + 5 + 4 + 2) / 4 = 4.0; the change 0
    expect(rating!.waves[1]).toMatchObject({ base: 4, mean: 4 });
    expect(rating!.dynamics[0]!.mean).toBe(0);
  });

  it('breaks down by gender, age bracket and social status, with "not stated" cells', () => {
    const cells = sat!.waves[0]!.breakdown;
    const cell = (dimension: string, value: string) => cells.find((c) => c.dimension === dimension && c.value === value);
    // women: fully 3, rather 2 → 100 %, (12 + 6) / 5 = 3.6
    expect(cell('gender', 'female')).toMatchObject({ base: 5, index: 100, mean: 3.6 });
    // men: rather 2, rather not 1 → 66.7 %, (6 + 2) / 3 = 2.67
    expect(cell('gender', 'male')).toMatchObject({ base: 3, index: 66.7, mean: 2.67 });
    expect(cell('gender', 'not_stated')).toMatchObject({ base: 2, index: 0, mean: null, meanBase: 0 });
    expect(cell('age', 'age-23-27')).toMatchObject({ base: 2, index: 100 });
    expect(cell('age', 'not_stated')).toMatchObject({ base: 8, index: 62.5 });
    expect(cell('status', 'youth')).toMatchObject({ base: 2 });
    expect(cell('status', 'not_stated')).toMatchObject({ base: 8 });
    // every dimension's cells add up to the wave's respondents
    for (const d of ['gender', 'age', 'status']) expect(cells.filter((c) => c.dimension === d).reduce((s, c) => s + c.base, 0)).toBe(10);
  });

  it('hides a follow-up question unless the earlier answer is one of its codes', () => {
    const qs = [
      question(1, 'yes_no'),
      question(2, 'text', { showIfQuestionId: 1, showIfAnswers: ['yes'] }),
      question(3, 'rating', { showIfQuestionId: 2, showIfAnswers: [] }),
    ];
    expect(visibleQuestions(qs, {}).map((q) => q.id)).toEqual([1]);
    expect(visibleQuestions(qs, { 1: { choice: 'no' } }).map((q) => q.id)).toEqual([1]);
    expect(visibleQuestions(qs, { 1: { choice: 'yes' } }).map((q) => q.id)).toEqual([1, 2]);
  });

  describe('questionnaire checks', () => {
    const q = (id: number, over: Partial<QuestionInput> = {}): QuestionInput & { id: number } => ({
      id,
      type: 'yes_no',
      textKk: 'Иә ма?',
      textRu: 'Да?',
      required: true,
      options: [],
      showIfQuestionId: null,
      showIfAnswers: [],
      ...over,
    });
    const refusal = (qs: Array<QuestionInput & { id: number }>) => {
      try {
        validateQuestionnaire(qs);
        return null;
      } catch (e) {
        return { code: (e as { code: string }).code, params: (e as { params: unknown }).params };
      }
    };
    it('accepts a valid questionnaire', () => {
      expect(refusal([q(1), q(2, { showIfQuestionId: 1, showIfAnswers: ['yes'] })])).toBeNull();
    });
    it('refuses what would break in the bot or the results', () => {
      expect(refusal([q(1, { textKk: ' ' })])).toEqual({ code: 'poll.question_text_required', params: { n: 1 } });
      expect(refusal([q(1, { type: 'single', options: [{ code: 'a', kk: 'А', ru: 'А' }] })])).toMatchObject({ code: 'poll.options_required' });
      expect(
        refusal([
          q(1, {
            type: 'single',
            options: [
              { code: 'a', kk: 'А', ru: 'А' },
              { code: 'a', kk: 'Б', ru: 'Б' },
            ],
          }),
        ]),
      ).toMatchObject({ code: 'poll.duplicate_option' });
      expect(refusal([q(1, { options: [{ code: 'a', kk: 'А', ru: 'А' }] })])).toMatchObject({ code: 'poll.options_not_allowed' });
      // a rule pointing to a later question, to a free-text one, or naming an answer that does not exist
      expect(refusal([q(1, { showIfQuestionId: 2, showIfAnswers: ['yes'] }), q(2)])).toEqual({ code: 'poll.skip_rule_not_earlier', params: { n: 1 } });
      expect(refusal([q(1, { type: 'text' }), q(2, { showIfQuestionId: 1, showIfAnswers: ['x'] })])).toMatchObject({ code: 'poll.skip_rule_text' });
      expect(refusal([q(1), q(2, { showIfQuestionId: 1, showIfAnswers: ['maybe'] })])).toEqual({
        code: 'poll.skip_rule_unknown_answer',
        params: { n: 2, parent: 1, codes: 'maybe' },
      });
      expect(refusal([q(1), q(2, { showIfQuestionId: 1, showIfAnswers: [] })])).toMatchObject({ code: 'poll.skip_rule_answers' });
    });
  });
});
