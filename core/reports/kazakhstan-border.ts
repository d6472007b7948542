// Kazakhstan's outline, simplified to about 80 points (lon, lat), so a shared location can be
// checked without a GIS library. It errs by a few kilometres along the border: a point it calls
// "outside" is only questioned, never refused, so a border village costs the citizen one tap.
const BORDER: Array<[number, number]> = [
  [46.49, 48.42],
  [47.1, 49.2],
  [46.8, 49.9],
  [47.5, 50.4],
  [48.7, 50.6],
  [48.6, 51.5],
  [50.8, 51.7],
  [52.3, 51.8],
  [55.0, 50.9],
  [56.3, 51.1],
  [58.0, 51.1],
  [59.6, 50.5],
  [61.4, 50.8],
  [61.6, 51.3],
  [60.1, 51.9],
  [61.0, 52.9],
  [62.1, 53.0],
  [61.2, 53.9],
  [65.2, 54.6],
  [68.2, 55.0],
  [70.8, 55.3],
  [71.2, 54.1],
  [73.4, 53.5],
  [73.8, 54.1],
  [76.5, 54.2],
  [77.9, 53.3],
  [80.1, 51.2],
  [81.5, 50.8],
  [83.4, 51.0],
  [85.0, 50.0],
  [86.2, 49.5],
  [87.3, 49.1],
  [85.5, 47.05],
  [83.0, 47.2],
  [82.5, 45.2],
  [80.4, 44.9],
  [80.3, 44.2],
  [80.2, 42.2],
  [79.2, 42.75],
  [78.0, 42.9],
  [77.0, 42.95],
  [75.7, 42.85],
  [74.7, 42.95],
  [74.0, 43.2],
  [73.0, 42.9],
  [71.4, 42.7],
  [70.95, 42.25],
  [69.35, 41.55],
  [68.95, 41.4],
  [68.5, 40.6],
  [68.0, 40.8],
  [66.5, 41.8],
  [65.8, 42.9],
  [64.0, 43.6],
  [62.0, 43.5],
  [61.0, 44.4],
  [58.5, 45.6],
  [56.0, 45.0],
  [56.0, 41.3],
  [55.4, 41.3],
  [53.0, 42.1],
  [52.0, 41.7],
  [50.8, 43.0],
  [50.0, 44.6],
  [49.8, 45.6],
  [49.0, 46.3],
  [48.0, 46.7],
  [47.2, 47.6],
];

/** Ray casting against the outline. */
export function insideKazakhstan(lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = BORDER.length - 1; i < BORDER.length; j = i++) {
    const [xi, yi] = BORDER[i]!;
    const [xj, yj] = BORDER[j]!;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
