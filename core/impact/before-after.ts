// Before and after (seed 000, 3.2: «Сравнительный анализ "до и после"»): the share of favourable answers to an
// outcome question in the baseline wave against the final wave, for the same people (paired) and for everyone.
// Pure: the service loads the answers. Every verdict carries its bases and its p-value, and says "too small"
// rather than calling a handful of people a result.
import { binomialDistribution, cumulativeStdNormalProbability } from 'simple-statistics';
import { round1 } from '../numbers.ts';

export type Verdict = 'increased' | 'decreased' | 'no_detectable_change' | 'too_small' | 'paired_unavailable';

/** Pairs below this are "too small to conclude": under 6 discordant pairs no result can reach 5 % anyway. */
export const MIN_PAIRS = 10;
/** Respondents per wave below this: the normal approximation of the two-proportion test is not trusted. */
export const MIN_PER_WAVE = 30;
export const ALPHA = 0.05;

/** One respondent's answer to the outcome question: favourable or not; `score` for ordinal questions. */
export interface Answer {
  /** null in anonymous polls */
  citizenId: number | null;
  favourable: boolean;
  /** ordinal position (rating 1–5, satisfaction 1–4); null when the question has no order or "hard to say" */
  score: number | null;
}

export interface AllRespondents {
  before: { favourable: number; base: number; percent: number | null };
  after: { favourable: number; base: number; percent: number | null };
  /** percentage points, from the shown (rounded) percents */
  change: number | null;
  pValue: number | null;
  verdict: Verdict;
}

export interface Paired {
  /** a = fav→fav, b = fav→not, c = not→fav, d = not→not */
  a: number;
  b: number;
  c: number;
  d: number;
  pairs: number;
  /** percentage points: (c − b) / n */
  change: number | null;
  pValue: number | null;
  verdict: Verdict;
  /** ordinal questions: sign test on the paired score (improved vs worsened, ties out) */
  sign: { improved: number; worsened: number; ties: number; pValue: number | null; verdict: Verdict } | null;
}

const pct = (k: number, n: number) => (n === 0 ? null : round1((k * 100) / n));

/** Two-sided exact binomial test of k successes in n at ½ (McNemar's exact test, the sign test). */
export function exactTwoSided(k: number, n: number): number {
  if (n === 0) return 1;
  const probs = binomialDistribution(n, 0.5) as number[];
  let tail = 0;
  for (let i = 0; i <= Math.min(k, n - k); i++) tail += probs[i] ?? 0;
  return Math.min(1, 2 * tail);
}

/** Pooled two-proportion z-test, two-sided. */
export function twoProportionP(x0: number, n0: number, x1: number, n1: number): number {
  const pooled = (x0 + x1) / (n0 + n1);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n0 + 1 / n1));
  if (se === 0) return 1;
  const z = Math.abs(x1 / n1 - x0 / n0) / se;
  return Math.min(1, 2 * (1 - cumulativeStdNormalProbability(z)));
}

const direction = (delta: number, p: number): Verdict => (p >= ALPHA || delta === 0 ? 'no_detectable_change' : delta > 0 ? 'increased' : 'decreased');

export function compareAll(before: readonly Answer[], after: readonly Answer[]): AllRespondents {
  const f0 = before.filter((a) => a.favourable).length;
  const f1 = after.filter((a) => a.favourable).length;
  const n0 = before.length;
  const n1 = after.length;
  const p0 = pct(f0, n0);
  const p1 = pct(f1, n1);
  const change = p0 === null || p1 === null ? null : round1(p1 - p0);
  const pooled = n0 + n1 === 0 ? 0 : (f0 + f1) / (n0 + n1);
  // every expected count ≥ 5, as the normal approximation needs
  const expectedOk = [n0, n1].every((n) => n * pooled >= 5 && n * (1 - pooled) >= 5);
  if (n0 < MIN_PER_WAVE || n1 < MIN_PER_WAVE || !expectedOk) {
    return { before: { favourable: f0, base: n0, percent: p0 }, after: { favourable: f1, base: n1, percent: p1 }, change, pValue: null, verdict: 'too_small' };
  }
  const pValue = twoProportionP(f0, n0, f1, n1);
  return {
    before: { favourable: f0, base: n0, percent: p0 },
    after: { favourable: f1, base: n1, percent: p1 },
    change,
    pValue,
    verdict: direction(f1 / n1 - f0 / n0, pValue),
  };
}

export function comparePaired(before: readonly Answer[], after: readonly Answer[], ordinal: boolean): Paired {
  const empty = { a: 0, b: 0, c: 0, d: 0, pairs: 0, change: null, pValue: null, sign: null };
  if (before.some((x) => x.citizenId === null) || after.some((x) => x.citizenId === null)) return { ...empty, verdict: 'paired_unavailable' };
  const first = new Map(before.map((x) => [x.citizenId!, x]));
  let a = 0,
    b = 0,
    c = 0,
    d = 0,
    improved = 0,
    worsened = 0,
    ties = 0;
  for (const later of after) {
    const earlier = first.get(later.citizenId!);
    if (!earlier) continue;
    if (earlier.favourable && later.favourable) a++;
    else if (earlier.favourable) b++;
    else if (later.favourable) c++;
    else d++;
    if (ordinal && earlier.score !== null && later.score !== null) {
      if (later.score > earlier.score) improved++;
      else if (later.score < earlier.score) worsened++;
      else ties++;
    }
  }
  const n = a + b + c + d;
  const change = n === 0 ? null : round1(((c - b) * 100) / n);
  const small = n < MIN_PAIRS;
  const pValue = n === 0 ? null : exactTwoSided(Math.min(b, c), b + c);
  const signP = ordinal && improved + worsened > 0 ? exactTwoSided(Math.min(improved, worsened), improved + worsened) : null;
  return {
    a,
    b,
    c,
    d,
    pairs: n,
    change,
    pValue,
    verdict: small || pValue === null ? 'too_small' : direction(c - b, pValue),
    sign: ordinal ? { improved, worsened, ties, pValue: signP, verdict: small || signP === null ? 'too_small' : direction(improved - worsened, signP) } : null,
  };
}
