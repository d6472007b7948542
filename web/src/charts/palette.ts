// Colours the charts share: distinguishable for common colour blindness, in a fixed order so a
// series keeps its colour across charts.
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
export const colourAt = (i: number) => PALETTE[i % PALETTE.length]!;

/** A round upper bound for an axis: 1, 2, 2.5, 5 or 10 times a power of ten. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

export const defaultFormat = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
