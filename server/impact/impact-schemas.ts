// The impact API's inputs and answers (zod 4): the results framework and its values, outcome measures with
// before and after, SROI (the result's schema makes the assumptions required), proxies and the scorecard.
import { z } from 'zod';
import { bodyId, calendarDate, kkRu, positiveId } from '../schemas.ts';

const text = (max = 2000) => z.string().max(max);
const num = z.number().finite();
const pctIn = z.number().min(0).max(100);
/** What is measured and in what, in both languages: an indicator's and a financial proxy's. */
const nameAndUnit = <T extends z.ZodType>(field: T) => ({ ...kkRu('name', field), ...kkRu('unit', field) });

export const valueParams = z.object({ id: positiveId, periodKey: z.string().min(1).max(20) });

export const nodeInput = z.object({
  level: z.enum(['goal', 'outcome', 'output', 'activity']),
  parentId: bodyId.nullish(),
  ...kkRu('text', text()),
  ...kkRu('assumptions', text().optional()),
  activityId: bodyId.nullish(),
});
export const nodePatch = nodeInput.omit({ level: true, parentId: true }).partial();

export const sourceConfig = z.object({
  dimension: z.enum(['gender', 'socialStatus', 'age']).optional(),
  value: z.string().max(60).optional(),
  activityId: bodyId.optional(),
  questionId: bodyId.optional(),
  measure: z.enum(['index', 'share', 'mean']).optional(),
});

export const indicatorInput = z.object({
  ...nameAndUnit(text(300)),
  baseline: num,
  baselineOn: calendarDate.nullish(),
  target: num,
  targetOn: calendarDate.nullish(),
  ...kkRu('verification', text()),
  schedule: z.enum(['month', 'quarter', 'half', 'year', 'end']),
  source: z.enum([
    'manual',
    'beneficiaries',
    'beneficiaries_group',
    'event_attendance',
    'events_held',
    'poll_question',
    'consultations',
    'volunteer_hours',
    'people_helped',
  ]),
  sourceConfig: sourceConfig.optional(),
  aggregation: z.enum(['cumulative', 'in_period']).optional(),
});

export const valueInput = z.object({ value: num, evidenceText: text(), evidenceUrl: z.string().max(2000).nullish() });

const manualBody = z.object({
  value: z.number(),
  evidenceText: z.string(),
  evidenceUrl: z.string().nullable(),
  evidenceName: z.string().nullable(),
  hasFile: z.boolean(),
  enteredById: z.number(),
  enteredAt: z.string(),
});

export const indicatorBody = z.object({
  id: z.number(),
  nodeId: z.number(),
  projectId: z.number(),
  position: z.number(),
  ...nameAndUnit(z.string()),
  baseline: z.number(),
  baselineOn: z.string().nullable(),
  target: z.number(),
  targetOn: z.string().nullable(),
  ...kkRu('verification'),
  schedule: z.string(),
  source: z.string(),
  sourceConfig: z.record(z.string(), z.unknown()),
  aggregation: z.string(),
  periods: z.array(
    z.object({
      key: z.string(),
      firstDay: z.string(),
      lastDay: z.string(),
      auto: z.number().nullable(),
      manual: manualBody.nullable(),
      actual: z.number().nullable(),
      progress: z.number().nullable().describe('percent, one decimal, not capped'),
      started: z.boolean(),
    }),
  ),
  latest: z.object({ key: z.string(), actual: z.number().nullable(), progress: z.number().nullable() }).nullable(),
});

export const nodeBody = z.object({
  id: z.number(),
  projectId: z.number(),
  level: z.string(),
  parentId: z.number().nullable(),
  position: z.number(),
  ...kkRu('text'),
  ...kkRu('assumptions'),
  activityId: z.number().nullable(),
});

export const frameworkBody = z.object({ projectId: z.number(), nodes: z.array(nodeBody.extend({ indicators: z.array(indicatorBody) })) });

export const measureInput = z.object({ questionId: bodyId, favourableCodes: z.array(z.string().max(60)).max(20).optional(), indicatorId: bodyId.nullish() });
export const measureBody = z.object({
  id: z.number(),
  projectId: z.number(),
  questionId: z.number(),
  indicatorId: z.number().nullable(),
  favourableCodes: z.array(z.string()),
});
export const measureListBody = z.array(
  measureBody.extend({
    question: z.object({ id: z.number(), pollId: z.number(), type: z.string(), ...kkRu('text'), anonymous: z.boolean() }),
  }),
);
export const beforeAfterQuery = z.object({ fromWave: positiveId.optional(), toWave: positiveId.optional() });
const verdict = z.enum(['increased', 'decreased', 'no_detectable_change', 'too_small', 'paired_unavailable']);
const share = z.object({ favourable: z.number(), base: z.number(), percent: z.number().nullable() });
/** A before/after comparison's outcome: the change, its p-value and what it means. */
const significance = { change: z.number().nullable(), pValue: z.number().nullable(), verdict };
const wave = z.object({ waveId: z.number(), position: z.number(), ...kkRu('label') });
export const beforeAfterBody = z.object({
  measureId: z.number(),
  questionId: z.number(),
  anonymous: z.boolean(),
  favourableCodes: z.array(z.string()),
  from: wave,
  to: wave,
  all: z.object({ before: share, after: share, ...significance }),
  paired: z.object({
    a: z.number(),
    b: z.number(),
    c: z.number(),
    d: z.number(),
    pairs: z.number(),
    ...significance,
    sign: z.object({ improved: z.number(), worsened: z.number(), ties: z.number(), pValue: z.number().nullable(), verdict }).nullable(),
  }),
});

export const sroiSetupInput = z.object({ discountRatePct: z.number().min(0).max(20), note: text().optional() });
export const sroiInputInput = z.object({
  kind: z.enum(['cofunding', 'in_kind', 'volunteer_time']),
  ...kkRu('label', text(300)),
  amountTenge: z.number().positive(),
  source: text(1000),
});
export const sroiOutcomeInput = z.object({
  ...kkRu('name', text(300)),
  indicatorId: bodyId.nullish(),
  quantity: z.number().positive().nullish(),
  proxyId: bodyId,
  proxyValueTenge: z.number().positive().nullish(),
  durationYears: z.number().int().min(1).max(10),
  deadweightPct: pctIn,
  attributionPct: pctIn,
  displacementPct: pctIn.optional(),
  dropOffPct: pctIn,
  rationale: text(),
});
export const createdBody = z.object({ id: z.number() });

const assumptions = z.object({
  proxyValue: z.number(),
  proxySource: z.string(),
  durationYears: z.number(),
  deadweight: z.number(),
  displacement: z.number(),
  attribution: z.number(),
  dropOff: z.number(),
  rationale: z.string(),
});
const sroiInputRow = z.object({
  id: z.number().nullable(),
  kind: z.string(),
  ...kkRu('label'),
  amount: z.number(),
  source: z.string(),
});
const proxyRef = z.object({ code: z.string(), ...kkRu('name'), source: z.string(), value: z.number() });
const outcomeRow = z.object({
  id: z.number(),
  ...kkRu('name'),
  indicatorId: z.number().nullable(),
  quantity: z.number(),
  quantityFrom: z.enum(['indicator', 'entered']),
  proxy: proxyRef,
  durationYears: z.number(),
  deadweight: z.number(),
  displacement: z.number(),
  attribution: z.number(),
  dropOff: z.number(),
  rationale: z.string(),
});
/** A ratio never comes without its range and every outcome's assumptions: they are required here. */
export const sroiResultBody = z.object({
  ratio: z.number(),
  low: z.number(),
  high: z.number(),
  net: z.number(),
  breakEven: z.number(),
  totalInputs: z.number(),
  presentValue: z.number(),
  discountRate: z.number(),
  inputs: z.array(sroiInputRow.omit({ id: true })),
  outcomes: z.array(outcomeRow.omit({ indicatorId: true }).extend({ v1: z.number(), pv: z.number(), assumptions })).min(1),
  sensitivity: z.object({ proxyFactorLow: z.number(), proxyFactorHigh: z.number(), percentShift: z.number() }),
});
export const sroiBody = z.object({
  discountRatePct: z.number(),
  note: z.string(),
  inputs: z.array(sroiInputRow),
  outcomes: z.array(outcomeRow),
  result: sroiResultBody.nullable(),
  refusal: z.string().nullable().describe('why there is no ratio yet (an error code)'),
  refusalMessage: z.string().nullable(),
});

export const proxyInput = z.object({
  ...nameAndUnit(text(300)),
  valueTenge: z.number().positive(),
  year: z.number().int().min(2000).max(2100).nullish(),
  source: text(1000),
  active: z.boolean().optional(),
});
export const proxyCreateInput = proxyInput.extend({ code: z.string().regex(/^[a-z0-9_]{2,60}$/) });
export const proxyBody = z.object({
  id: z.number(),
  code: z.string(),
  ...nameAndUnit(z.string()),
  valueTenge: z.number(),
  year: z.number().nullable(),
  source: z.string(),
  origin: z.string(),
  active: z.boolean(),
});

export const scorecardQuery = z.object({ stateBodyId: positiveId, year: z.coerce.number().int().min(2000).max(2100) });
const withBase = (k: string, n: string) => z.object({ percent: z.number(), [k]: z.number(), [n]: z.number() });
export const scorecardBody = z.object({
  stateBodyId: z.number(),
  year: z.number(),
  rows: z.array(
    z.object({
      projectId: z.number(),
      ...kkRu('name'),
      supplierName: z.string(),
      financial: z.object({ contractSum: z.number(), plannedSum: z.number().nullable(), beneficiaries: z.number(), costPerBeneficiary: z.number().nullable() }),
      social: z.object({
        outcomeProgress: z.number().nullable(),
        outcomeIndicators: z.number(),
        satisfaction: z.object({ index: z.number(), base: z.number() }).nullable(),
        expertScore: z.number().nullable(),
      }),
      organisational: z.object({
        onTimeReporting: withBase('onTime', 'due').nullable(),
        measuresClosed: withBase('closed', 'due').nullable(),
        rounds: z.object({ completed: z.number(), required: z.literal(2) }),
      }),
    }),
  ),
});

export const indicatorRowsQuery = z.object({ lang: z.enum(['kk', 'ru']).default('ru') });
export const indicatorRowsBody = z.array(z.object({ name: z.string(), unit: z.string(), expected: z.string(), actual: z.string(), comment: z.string() }));
