// Colours the charts share: distinguishable for common colour blindness, in a fixed order so a
// series keeps its colour across charts.
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
export const colourAt = (i: number) => PALETTE[i % PALETTE.length]!;
