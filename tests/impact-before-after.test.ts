// Before and after on an outcome question (seed 000 3.2; plan §3.3), the pure comparison: the paired exact
// McNemar test on the same people, the two-proportion test on everyone, the sign test on ordinal scores, and
// "too small to conclude" below the floors. Expected figures are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { compareAll, comparePaired, exactTwoSided, type Answer } from '../core/impact/before-after.ts';

const people = (from: number, count: number, favourable: boolean, score: number | null = null): Answer[] =>
  Array.from({ length: count }, (_, i) => ({ citizenId: from + i, favourable, score }));

describe('before and after', () => {
  it('gives the exact two-sided binomial p of McNemar and the sign test', () => {
    // 6 discordant pairs all one way: 2 · (½)⁶ = 0.03125
    expect(exactTwoSided(0, 6)).toBeCloseTo(0.03125, 10);
    // 10 against 1 of 11: 2 · (1 + 11) / 2¹¹ = 24 / 2048 = 0.01171875
    expect(exactTwoSided(1, 11)).toBeCloseTo(0.01171875, 10);
    // 5 discordant pairs can never reach 5 %: 2 · (½)⁵ = 0.0625
    expect(exactTwoSided(0, 5)).toBeCloseTo(0.0625, 10);
    expect(exactTwoSided(0, 0)).toBe(1);
  });

  it('works the plan’s example: 12 pairs a=4 b=0 c=6 d=2 → +50.0 p.p., p = 0.03125, increased; all respondents too small', () => {
    // wave 1: citizens 1–4 favourable (a), 5–10 not (c: they turn favourable), 11–12 not (d)
    const before = [...people(1, 4, true), ...people(5, 6, false), ...people(11, 2, false)];
    // wave 2: the same 12 (4 + 6 favourable, 2 not) and two newcomers 13–14, both favourable
    const after = [...people(1, 4, true), ...people(5, 6, true), ...people(11, 2, false), ...people(13, 2, true)];
    const paired = comparePaired(before, after, false);
    expect(paired).toMatchObject({ a: 4, b: 0, c: 6, d: 2, pairs: 12, change: 50, verdict: 'increased' });
    // (c − b) / n = 6 / 12 = 50.0 p.p.
    expect(paired.pValue).toBeCloseTo(0.03125, 10);
    const all = compareAll(before, after);
    // 4 / 12 = 33.3 % → 12 / 14 = 85.7 %: +52.4 p.p.; bases 12 and 14 are under 30
    expect(all).toMatchObject({ before: { favourable: 4, base: 12, percent: 33.3 }, after: { favourable: 12, base: 14, percent: 85.7 }, change: 52.4 });
    expect(all.verdict).toBe('too_small');
    expect(all.pValue).toBeNull();
  });

  it('calls fewer than 10 pairs too small to conclude, whatever the change', () => {
    const before = people(1, 9, false);
    const after = people(1, 9, true);
    const r = comparePaired(before, after, false);
    // 9 of 9 improved, p = 2 · (½)⁹ ≈ 0.0039, yet 9 people are not a result
    expect(r.pairs).toBe(9);
    expect(r.verdict).toBe('too_small');
  });

  it('gives paired_unavailable for an anonymous poll (no citizen ids)', () => {
    const anon = (n: number, f: boolean): Answer[] => Array.from({ length: n }, () => ({ citizenId: null, favourable: f, score: null }));
    expect(comparePaired(anon(20, false), anon(20, true), false).verdict).toBe('paired_unavailable');
  });

  it('adds the sign test on ordinal scores: improved vs worsened, ties left out', () => {
    // 12 pairs rated 1–5: 10 improved (2 → 4), 1 worsened (4 → 3), 1 tie (5 → 5)
    const before = [...people(1, 10, false, 2), ...people(11, 1, true, 4), ...people(12, 1, true, 5)];
    const after = [...people(1, 10, true, 4), ...people(11, 1, false, 3), ...people(12, 1, true, 5)];
    const r = comparePaired(before, after, true);
    expect(r.sign).toMatchObject({ improved: 10, worsened: 1, ties: 1, verdict: 'increased' });
    // 2 · (C(11,0) + C(11,1)) / 2¹¹ = 2 · 12 / 2048 = 0.01171875
    expect(r.sign!.pValue).toBeCloseTo(0.01171875, 10);
    // McNemar on favourable: b = 1, c = 10 → the same 0.01171875
    expect(r.pValue).toBeCloseTo(0.01171875, 10);
  });

  it('concludes on everyone with 30 or more a wave: 30 % → 60 % is an increase, 50 % → 53 % is no detectable change', () => {
    const w = (from: number, fav: number, n: number) => [...people(from, fav, true), ...people(from + fav, n - fav, false)];
    const up = compareAll(w(1, 12, 40), w(101, 24, 40));
    // pooled 36/80 = 0.45, se = √(0.45·0.55·(2/40)) = 0.1112, z = 0.30/0.1112 = 2.70, p ≈ 0.007
    expect(up.verdict).toBe('increased');
    expect(up.pValue!).toBeLessThan(0.01);
    const flat = compareAll(w(1, 20, 40), w(101, 21, 40));
    expect(flat.verdict).toBe('no_detectable_change');
    expect(flat.change).toBe(2.5);
  });
});
