// The poll results API's shapes: per question and wave the counts and shares over a stated base, the
// satisfaction index and mean, the dynamics between waves, the breakdowns and the free-text answers.
import { z } from 'zod';
import { QUESTION_TYPES } from '../../core/polls/poll-rules.ts';
import type { PollQuestionType } from '../../generated/prisma/enums.ts';
import { answerWindow, kkRu } from '../schemas.ts';

const share = z.number().nullable().describe('percent of the base, one decimal; null when the base is 0');
const stat = {
  base: z.number().describe('respondents who answered the question (hidden or skipped ones are not in it)'),
  skipped: z.number().describe('shown the question, skipped it (optional questions)'),
  options: z.array(z.object({ code: z.string(), count: z.number(), share })),
  index: z.number().nullable().describe('satisfaction: (fully + rather) / base × 100, "hard to answer" in the base'),
  vsBaseline: z.number().nullable().describe('index − 74.8 (national baseline), percentage points'),
  mean: z.number().nullable().describe('satisfaction: fully 4 … not at all 1 without "hard to answer"; rating: 1–5; two decimals'),
  meanBase: z.number(),
};

export const resultsBody = z.object({
  poll: z.object({ id: z.number(), projectId: z.number(), ...kkRu('title'), anonymous: z.boolean() }),
  baseline: z.number().describe('national share of satisfied, DOMAIN.md / seed 001: 74.8'),
  waves: z.array(
    z.object({
      id: z.number(),
      position: z.number(),
      ...kkRu('label'),
      status: z.string(),
      ...answerWindow,
      responses: z.number(),
      invited: z.number(),
    }),
  ),
  questions: z.array(
    z.object({
      id: z.number(),
      position: z.number(),
      type: z.enum(QUESTION_TYPES as [PollQuestionType, ...PollQuestionType[]]),
      ...kkRu('text'),
      options: z.array(z.object({ code: z.string(), kk: z.string(), ru: z.string() })),
      waves: z.array(
        z.object({
          waveId: z.number(),
          ...stat,
          breakdown: z.array(z.object({ dimension: z.enum(['gender', 'age', 'status']), value: z.string().describe('a code, or not_stated'), ...stat })),
        }),
      ),
      dynamics: z.array(
        z.object({
          fromWaveId: z.number(),
          toWaveId: z.number(),
          index: z.number().nullable().describe('percentage points'),
          mean: z.number().nullable(),
          shares: z.array(z.object({ code: z.string(), change: z.number().nullable().describe('percentage points') })),
        }),
      ),
    }),
  ),
  texts: z.array(
    z.object({
      waveId: z.number(),
      questionId: z.number(),
      text: z.string(),
      submittedAt: z.string().nullable().describe('null in an anonymous poll'),
      respondent: z.object({ citizenId: z.number(), name: z.string().nullable() }).nullable().describe('always null in an anonymous poll'),
    }),
  ),
});

export type PollResults = z.output<typeof resultsBody>;
