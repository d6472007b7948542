// The arithmetic of exact percentiles from a histogram. Medians and 90th percentiles do not add up
// across months, so RollupReportDuration keeps, per month and region, how many durations fell in each
// bucket of a fixed scale. The counts say which bucket holds the value of a given rank and how many
// smaller values come before it; reading the reports of just that bucket, in order, then gives the exact
// value. The interpolation is PostgreSQL's percentile_cont, step for step (orderedsetaggs.c), so the
// answer is the same double the query over every report gives.

/**
 * The lower bounds of the buckets, as analytics_duration_thresholds() lists them in the database: 0, then
 * 16 steps per doubling from 1/64 to 8192 (hours or working days). Every bound is an exact binary
 * fraction, so this list and the database's are the same doubles.
 */
export const DURATION_THRESHOLDS: readonly number[] = (() => {
  const t = [0];
  for (let e = -6; e <= 12; e++) for (let j = 0; j < 16; j++) t.push(((16 + j) * (1 << (e + 6))) / 1024);
  t.push(8192);
  return t;
})();

/** The values of bucket `b` as width_bucket numbers them: [lo, hi), null for no bound (below 0, from 8192). */
export function bucketBounds(b: number): { lo: number | null; hi: number | null } {
  return { lo: b <= 0 ? null : DURATION_THRESHOLDS[b - 1]!, hi: b >= DURATION_THRESHOLDS.length ? null : DURATION_THRESHOLDS[b]! };
}

export interface Positions {
  /** 0-based ranks of the two values interpolated between (equal when the position is whole) */
  first: number;
  second: number;
  proportion: number;
}

/** Where percentile `p` of `n` values lies, as percentile_cont computes it. */
export function percentilePositions(p: number, n: number): Positions {
  const at = p * (n - 1);
  return { first: Math.floor(at), second: Math.ceil(at), proportion: at - Math.floor(at) };
}

/** percentile_cont's result from the two values (float8_lerp). */
export const interpolate = (pos: Positions, firstValue: number, secondValue: number): number =>
  pos.second > pos.first ? firstValue + pos.proportion * (secondValue - firstValue) : firstValue;

export interface Located {
  bucket: number;
  /** values in the buckets below */
  before: number;
}

/** The bucket holding the value of 0-based rank `k`, from counts per bucket in ascending bucket order. */
export function locate(histogram: ReadonlyArray<{ bucket: number; n: number }>, k: number): Located {
  let before = 0;
  for (const h of histogram) {
    if (k < before + h.n) return { bucket: h.bucket, before };
    before += h.n;
  }
  throw new Error(`rank ${k} beyond the ${before} values counted`);
}
