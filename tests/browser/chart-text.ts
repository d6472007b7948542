// Records every text a chart's canvas draws, with its size on screen and whether it lies inside the canvas,
// so a browser test can tell a label that is too small, too large or cut at the edge.
import type { Page } from 'playwright-core';

export interface ChartText {
  text: string;
  /** the font size as the reader sees it, in CSS pixels */
  px: number;
  /** the text lies wholly inside its canvas */
  inside: boolean;
}

/**
 * Wraps fillText for the page's whole life; call before the page loads. A string, because the tests'
 * TypeScript has no DOM types: it runs in the page.
 */
const RECORDER = `
window.__chartText = [];
const fillText = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, x, y, maxWidth) {
  const m = this.getTransform();
  const canvas = this.canvas;
  const width = this.measureText(String(text)).width;
  const align = this.textAlign;
  const offset = align === 'right' || align === 'end' ? width : align === 'center' ? width / 2 : 0;
  // Canvas units to CSS pixels: the drawing transform, then the canvas's backing store to its box.
  const scale = Math.hypot(m.a, m.b) * (canvas.clientWidth / canvas.width);
  const size = Number((/(\\d+(?:\\.\\d+)?)px/.exec(this.font) || [0, 0])[1]);
  const left = m.a * (x - offset) + m.c * y + m.e;
  const right = m.a * (x - offset + width) + m.c * y + m.e;
  const rotated = Math.abs(m.b) > 1e-6;
  window.__chartText.push({
    text: String(text),
    px: size * scale,
    inside: rotated || (Math.min(left, right) >= -1 && Math.max(left, right) <= canvas.width + 1),
  });
  return maxWidth === undefined ? fillText.call(this, text, x, y) : fillText.call(this, text, x, y, maxWidth);
};`;

export async function recordChartText(page: Page) {
  await page.addInitScript(RECORDER);
}

export async function chartTexts(page: Page): Promise<ChartText[]> {
  return page.evaluate('window.__chartText.slice()');
}

export async function clearChartTexts(page: Page) {
  await page.evaluate('window.__chartText.length = 0');
}
