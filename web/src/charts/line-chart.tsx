// A line chart in plain SVG for dynamics: one or more series over the same ordered x labels (waves,
// months, weeks), with a legend. Missing points break the line rather than pretending a zero.
import { colourAt, defaultFormat, niceMax } from './palette.ts';

export interface Series {
  name: string;
  /** one value per x label, null where there is none */
  values: (number | null)[];
  colour?: string;
}

export interface LineChartProps {
  labels: string[];
  series: Series[];
  title?: string;
  format?: (v: number) => string;
  max?: number;
  /** the y axis starts at zero unless a minimum is given */
  min?: number;
  width?: number;
  height?: number;
}

const PAD = { left: 48, right: 16, top: 12, bottom: 36 };

export function LineChart({ labels, series, title, format = defaultFormat, max, min = 0, width = 560, height = 240 }: LineChartProps) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = max ?? niceMax(Math.max(min + 1e-9, ...values));
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length <= 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - ((v - min) / (top - min || 1)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (top - min));
  const every = Math.max(1, Math.ceil(labels.length / 8));
  return (
    <figure class="chart line-chart">
      {title && <figcaption>{title}</figcaption>}
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title ?? ''}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} class="chart-grid" />
            <text x={PAD.left - 6} y={y(v)} text-anchor="end" dominant-baseline="middle" class="chart-axis">
              {format(v)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 || i === labels.length - 1 ? (
            <text key={i} x={x(i)} y={height - PAD.bottom + 18} text-anchor="middle" class="chart-axis">
              {l.length > 14 ? `${l.slice(0, 13)}…` : l}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const colour = s.colour ?? colourAt(si);
          // Consecutive points only: a null splits the series into segments.
          const segments: string[] = [];
          let current: string[] = [];
          s.values.forEach((v, i) => {
            if (v === null) {
              if (current.length) segments.push(current.join(' '));
              current = [];
            } else current.push(`${x(i)},${y(v)}`);
          });
          if (current.length) segments.push(current.join(' '));
          return (
            <g key={s.name}>
              {segments.map((pts, k) => (
                <polyline key={k} points={pts} fill="none" stroke={colour} stroke-width="2.5" />
              ))}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <circle key={i} cx={x(i)} cy={y(v)} r="4" fill={colour}>
                    <title>{`${s.name} · ${labels[i]}: ${format(v)}`}</title>
                  </circle>
                ),
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && (
        <ul class="legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <span class="swatch" style={{ background: s.colour ?? colourAt(i) }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
