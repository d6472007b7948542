// A horizontal bar chart in plain SVG: one bar per item, its value at the end. Horizontal because
// labels (answer options, categories, districts) are long and in Kazakh or Russian.
import { colourAt, defaultFormat, niceMax } from './palette.ts';

export interface Bar {
  label: string;
  value: number;
  /** shown after the value, e.g. "42%" */
  note?: string;
  colour?: string;
}

export interface BarChartProps {
  bars: Bar[];
  /** read by screen readers and shown as the title */
  title?: string;
  format?: (v: number) => string;
  /** the axis maximum; by default a round number above the largest value */
  max?: number;
  /** one colour for all bars; by default each bar gets the next palette colour */
  colour?: string;
  width?: number;
}

const ROW = 28;
const LABEL_W = 180;
const VALUE_W = 90;

export function BarChart({ bars, title, format = defaultFormat, max, colour, width = 560 }: BarChartProps) {
  const top = niceMax(max ?? Math.max(0, ...bars.map((b) => b.value)));
  const plotW = width - LABEL_W - VALUE_W;
  const height = Math.max(1, bars.length) * ROW + 8;
  return (
    <figure class="chart bar-chart">
      {title && <figcaption>{title}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title ?? ''} preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const w = top > 0 ? Math.max(b.value > 0 ? 2 : 0, (b.value / top) * plotW) : 0;
          const label = b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label;
          return (
            <g key={i} class="bar">
              <title>{`${b.label}: ${format(b.value)}${b.note ? ` (${b.note})` : ''}`}</title>
              <text x={LABEL_W - 8} y={y + ROW / 2} text-anchor="end" dominant-baseline="middle" class="chart-label">
                {label}
              </text>
              <rect x={LABEL_W} y={y + 4} width={plotW} height={ROW - 10} class="chart-track" />
              <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 10} fill={b.colour ?? colour ?? colourAt(i)} rx="2" />
              <text x={LABEL_W + w + 6} y={y + ROW / 2} dominant-baseline="middle" class="chart-value">
                {format(b.value)}
                {b.note ? ` · ${b.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
