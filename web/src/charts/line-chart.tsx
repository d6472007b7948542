// A line chart (Chart.js) for dynamics: one or more series over the same ordered x labels (waves, months,
// weeks), with a legend. Missing points break the line rather than pretending a zero. Long x labels wrap
// onto two lines (the tooltip gives them whole); Chart.js skips labels that would overlap.
import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from '../i18n/format.ts';
import { allIntegers, useChart, wrapLabel } from './chart-setup.ts';
import { ChartTable } from './chart-table.tsx';
import { colourAt } from './palette.ts';

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
  height?: number;
}

/** Characters per x label line: a label may take up to a sixth of the width. */
const lineChars = (width: number) => Math.max(8, Math.min(16, Math.floor(width / 6 / 7)));

export function LineChart({ labels, series, title, format = (v) => formatNumber(v, Number.isInteger(v) ? 0 : 1), max, min = 0, height = 260 }: LineChartProps) {
  const key = JSON.stringify([labels, series, title, max, min]);
  const canvas = useChart(
    (width): ChartConfiguration<'line'> => {
      const chars = lineChars(width);
      return {
        type: 'line',
        data: {
          labels: labels.map((l) => wrapLabel(l, chars)),
          datasets: series.map((s, i) => ({
            label: s.name,
            data: s.values,
            borderColor: s.colour ?? colourAt(i),
            backgroundColor: s.colour ?? colourAt(i),
            borderWidth: 2.5,
            pointRadius: 3.5,
            spanGaps: false,
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { ticks: { autoSkip: true, maxRotation: 0 }, grid: { display: false } },
            y: {
              min,
              max,
              ticks: { precision: allIntegers(series.flatMap((s) => s.values)) ? 0 : undefined, callback: (v) => format(Number(v)) },
              grid: { color: '#e5e8ec' },
            },
          },
          plugins: {
            legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
            tooltip: {
              callbacks: {
                title: (items) => labels[items[0]?.dataIndex ?? 0] ?? '',
                label: (item) => `${item.dataset.label}: ${item.parsed.y === null ? '—' : format(item.parsed.y)}`,
              },
            },
          },
        },
      };
    },
    [key],
  );
  return (
    <figure class="chart line-chart" data-testid="chart">
      {title && <figcaption>{title}</figcaption>}
      <div class="chart-box" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={title ?? ''} />
      </div>
      <ChartTable
        title={title}
        head={['', ...series.map((s) => s.name)]}
        rows={labels.map((l, i) => [l, ...series.map((s) => (s.values[i] === null || s.values[i] === undefined ? '—' : format(s.values[i]!)))])}
      />
    </figure>
  );
}
