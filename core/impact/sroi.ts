// SROI (seed 000, 3.3: social return on investment), pure; every number in tenge. The formulas of the SROI
// Guide (2012): value of an outcome in year 1 after deadweight, displacement and attribution, dropping off
// each later year, discounted from year 1. The result always carries its assumptions: a ratio is never
// given without them, and it is refused while any outcome lacks its rationale or its proxy's source.
import { invalid } from '../errors.ts';
import { round2 } from '../numbers.ts';

export interface SroiInputRow {
  kind: 'contract' | 'cofunding' | 'in_kind' | 'volunteer_time';
  labelKk: string;
  labelRu: string;
  amount: number;
  source: string;
}

export interface SroiOutcomeRow {
  id: number;
  nameKk: string;
  nameRu: string;
  quantity: number;
  /** where the quantity came from: the linked indicator's latest actual, or entered */
  quantityFrom: 'indicator' | 'entered';
  proxy: { code: string; nameKk: string; nameRu: string; source: string; value: number };
  durationYears: number;
  /** percent */
  deadweight: number;
  displacement: number;
  attribution: number;
  dropOff: number;
  rationale: string;
}

export interface OutcomeValue {
  /** value in year 1 */
  v1: number;
  /** present value of all years */
  pv: number;
}

export interface SroiResult {
  ratio: number;
  low: number;
  high: number;
  /** (PV − I) / I */
  net: number;
  /** I / PV: the ratio stays ≥ 1 unless every proxy is overstated by more than 1 / this */
  breakEven: number;
  totalInputs: number;
  presentValue: number;
  discountRate: number;
  inputs: SroiInputRow[];
  outcomes: Array<SroiOutcomeRow & OutcomeValue & { assumptions: Assumptions }>;
  sensitivity: { proxyFactorLow: number; proxyFactorHigh: number; percentShift: number };
}

export interface Assumptions {
  proxyValue: number;
  proxySource: string;
  durationYears: number;
  deadweight: number;
  displacement: number;
  attribution: number;
  dropOff: number;
  rationale: string;
}

const clampPct = (x: number) => Math.min(100, Math.max(0, x));
export const SENSITIVITY = { proxyFactorLow: 0.8, proxyFactorHigh: 1.2, percentShift: 10 };

/** V₁ and PV of one outcome, with the proxy scaled and the percentages shifted (sensitivity). */
export function outcomeValue(o: SroiOutcomeRow, ratePct: number, proxyFactor = 1, shift = 0): OutcomeValue {
  const f = (x: number) => clampPct(x + shift) / 100;
  const v1 = o.quantity * o.proxy.value * proxyFactor * (1 - f(o.deadweight)) * (1 - clampPct(o.displacement) / 100) * (1 - f(o.attribution));
  let pv = 0;
  for (let t = 1; t <= o.durationYears; t++) pv += (v1 * (1 - f(o.dropOff)) ** (t - 1)) / (1 + ratePct / 100) ** t;
  return { v1, pv };
}

export function missingAssumptions(outcomes: readonly Pick<SroiOutcomeRow, 'rationale' | 'proxy'>[]): boolean {
  return outcomes.some((o) => !o.rationale.trim() || !o.proxy.source.trim());
}

export function computeSroi(inputs: readonly SroiInputRow[], outcomes: readonly SroiOutcomeRow[], discountRatePct: number): SroiResult {
  if (outcomes.length === 0 || missingAssumptions(outcomes)) throw invalid('impact.sroi_incomplete');
  const total = inputs.reduce((a, i) => a + i.amount, 0);
  if (total <= 0) throw invalid('impact.sroi_no_inputs');
  const sum = (factor: number, shift: number) => outcomes.reduce((a, o) => a + outcomeValue(o, discountRatePct, factor, shift).pv, 0);
  const pv = sum(1, 0);
  const { proxyFactorLow, proxyFactorHigh, percentShift } = SENSITIVITY;
  return {
    ratio: round2(pv / total),
    low: round2(sum(proxyFactorLow, percentShift) / total),
    high: round2(sum(proxyFactorHigh, -percentShift) / total),
    net: round2((pv - total) / total),
    breakEven: pv === 0 ? 0 : Math.round((total / pv) * 1000) / 1000,
    totalInputs: round2(total),
    presentValue: round2(pv),
    discountRate: discountRatePct,
    inputs: [...inputs],
    outcomes: outcomes.map((o) => {
      const v = outcomeValue(o, discountRatePct);
      return {
        ...o,
        v1: round2(v.v1),
        pv: round2(v.pv),
        assumptions: {
          proxyValue: o.proxy.value,
          proxySource: o.proxy.source,
          durationYears: o.durationYears,
          deadweight: o.deadweight,
          displacement: o.displacement,
          attribution: o.attribution,
          dropOff: o.dropOff,
          rationale: o.rationale,
        },
      };
    }),
    sensitivity: { ...SENSITIVITY },
  };
}
