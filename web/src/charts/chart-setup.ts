// Chart.js, registered with only the parts the console draws (bars, lines, two axes, tooltip, legend) so
// the bundle carries no more of it than that. Text is 12 px at every width: Chart.js sizes the canvas to its
// box at the screen's pixel ratio, so a label is never scaled with the page as the old SVG charts were.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

/** Every label, tick and legend entry: 12 px (the range is 11–14 px), the page's own font. */
export const CHART_FONT = { size: 12, family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
Chart.defaults.font = { ...Chart.defaults.font, ...CHART_FONT };
Chart.defaults.color = '#39424e';

/**
 * A label in lines of at most `width` characters, words kept whole, at most `lines` lines; the last line ends
 * with «…» when the text does not fit (the tooltip and the table for screen readers give the whole name).
 */
export function wrapLabel(text: string, width: number, lines = 2): string[] {
  const all: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/)) {
    // A word longer than a line is split; a line break inside a short word never happens.
    for (let rest = word; rest;) {
      const piece = rest.slice(0, width);
      rest = rest.slice(piece.length);
      const next = line ? `${line} ${piece}` : piece;
      if (next.length <= width) line = next;
      else {
        all.push(line);
        line = piece;
      }
    }
  }
  if (line) all.push(line);
  if (all.length <= lines) return all;
  const kept = all.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

/** Whether every value is a whole number: counts get integer ticks (no «2,5» step on a count axis). */
export const allIntegers = (values: (number | null)[]) => values.every((v) => v === null || Number.isInteger(v));

/**
 * Draws a chart on the canvas and redraws it when `deps` change; `build` gets the canvas box's width so
 * labels can be wrapped for it, and the chart is rebuilt when `bandOf(width)` changes (the label width).
 */
export function useChart(build: (width: number) => ChartConfiguration, deps: unknown[], bandOf: (width: number) => number = (w) => w) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const box = el.parentElement!;
    let chart: Chart | null = null;
    let band = -1;
    const draw = () => {
      const width = box.clientWidth;
      const nextBand = bandOf(width);
      if (nextBand === band && chart) return;
      band = nextBand;
      chart?.destroy();
      chart = new Chart(el, build(width));
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart?.destroy();
    };
  }, deps);
  return canvas;
}
