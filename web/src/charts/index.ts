export { BarChart, type Bar, type BarChartProps } from './bar-chart.tsx';
export { LineChart, type Series, type LineChartProps } from './line-chart.tsx';
export { PALETTE, colourAt, niceMax } from './palette.ts';
