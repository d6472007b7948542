// A horizontal bar chart (Chart.js): one bar per item, its value at the end. Horizontal because labels
// (answer options, categories, districts) are long and in Kazakh or Russian: they wrap onto two lines and
// end with «…» past that, and the tooltip and the table for screen readers give the whole name.
import type { ChartConfiguration, Plugin } from 'chart.js';
import { formatNumber } from '../i18n/format.ts';
import { allIntegers, CHART_FONT, useChart, wrapLabel } from './chart-setup.ts';
import { ChartTable } from './chart-table.tsx';
import { colourAt } from './palette.ts';

export interface Bar {
  label: string;
  value: number;
  /** shown after the value, e.g. "42 %" */
  note?: string;
  colour?: string;
}

export interface BarChartProps {
  bars: Bar[];
  /** read by screen readers and shown as the title */
  title?: string;
  format?: (v: number) => string;
  /** the axis maximum; by default Chart.js picks a round one above the largest value */
  max?: number;
  /** one colour for all bars; by default each bar gets the next palette colour */
  colour?: string;
}

/** Characters per label line for the chart's width: a phone gets narrower labels, not smaller ones. */
export const labelChars = (width: number) => Math.max(10, Math.min(30, Math.floor((width * 0.3) / 7)));

const valueText = (b: Bar, format: (v: number) => string) => `${format(b.value)}${b.note ? ` · ${b.note}` : ''}`;

/** Writes each bar's value (and note) just past its end. */
function valueLabels(bars: Bar[], format: (v: number) => string): Plugin<'bar'> {
  return {
    id: 'azamatValues',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `${CHART_FONT.size}px ${CHART_FONT.family}`;
      ctx.fillStyle = '#1f2933';
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      chart.getDatasetMeta(0).data.forEach((bar, i) => {
        const b = bars[i];
        if (b) ctx.fillText(valueText(b, format), bar.x + 6, bar.y);
      });
      ctx.restore();
    },
  };
}

export function BarChart({ bars, title, format = (v) => formatNumber(v, Number.isInteger(v) ? 0 : 1), max, colour }: BarChartProps) {
  const key = JSON.stringify([bars, title, max, colour]);
  const canvas = useChart(
    (width): ChartConfiguration<'bar'> => {
      const chars = labelChars(width);
      const labels = bars.map((b) => wrapLabel(b.label, chars));
      const longestValue = Math.max(0, ...bars.map((b) => valueText(b, format).length));
      return {
        type: 'bar',
        data: {
          labels,
          datasets: [
            {
              data: bars.map((b) => b.value),
              backgroundColor: bars.map((b, i) => b.colour ?? colour ?? colourAt(i)),
              borderRadius: 2,
              barPercentage: 0.8,
              categoryPercentage: 0.9,
            },
          ],
        },
        options: {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          // Room for the value written past the longest bar.
          layout: { padding: { right: longestValue * 7 + 10 } },
          scales: {
            x: {
              beginAtZero: true,
              max,
              ticks: { precision: allIntegers(bars.map((b) => b.value)) ? 0 : undefined, callback: (v) => format(Number(v)), maxRotation: 0 },
              grid: { color: '#e5e8ec' },
            },
            y: { ticks: { autoSkip: false }, grid: { display: false } },
          },
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: (items) => bars[items[0]?.dataIndex ?? 0]?.label ?? '',
                label: (item) => valueText(bars[item.dataIndex]!, format),
              },
            },
          },
        },
        plugins: [valueLabels(bars, format)],
      };
    },
    [key],
  );
  // The height follows the rows (a wrapped label needs two lines) so a bar keeps its thickness at every width.
  const rowHeight = bars.some((b) => b.label.length > 16) ? 40 : 30;
  return (
    <figure class="chart bar-chart" data-testid="chart">
      {title && <figcaption>{title}</figcaption>}
      <div class="chart-box" style={{ height: `${Math.max(1, bars.length) * rowHeight + 36}px` }}>
        <canvas ref={canvas} role="img" aria-label={title ?? ''} />
      </div>
      <ChartTable title={title} head={['', '']} rows={bars.map((b) => [b.label, valueText(b, format)])} />
    </figure>
  );
}
