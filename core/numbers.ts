// Rounding as reports print numbers: half away from zero, so -16.65 and 16.65 round alike; the 1e-9
// absorbs binary noise (0.15 is stored as 0.1499…, 4.125 sums may land a hair below).
const roundTo = (x: number, factor: number) => (Math.sign(x) * Math.round((Math.abs(x) + 1e-9) * factor)) / factor || 0;

/** Plain rounding to `digits` decimals, for indicators stored as fractions (e.g. shares to 4 places). */
export const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** One decimal: shares in percent. */
export const round1 = (x: number) => roundTo(x, 10);
/** Two decimals: means and averages of scores. */
export const round2 = (x: number) => roundTo(x, 100);
