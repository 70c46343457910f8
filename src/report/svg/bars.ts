import { escapeHtml } from '../format.ts';

/**
 * A horizontal bar chart as inline SVG: one row per item, this year's bar dark and, when given,
 * the previous year's as a thin light bar under it. Hand-written SVG rather than a chart library:
 * the report must be a single self-contained file that prints the same in any browser.
 */
export interface Bar {
  label: string;
  value: number;
  previous?: number | null;
  /** Text at the end of the bar (e.g. "25.3%"). */
  text: string;
}

export function barChart(bars: readonly Bar[], options: { width?: number; labelWidth?: number; textWidth?: number; title?: string } = {}): string {
  const width = options.width ?? 640;
  const labelWidth = options.labelWidth ?? 150;
  const row = 22;
  const textWidth = options.textWidth ?? 110;
  const plot = width - labelWidth - textWidth;
  const max = Math.max(1e-12, ...bars.map((b) => Math.max(b.value, b.previous ?? 0)));
  const height = bars.length * row + 6;
  const parts = bars.map((b, i) => {
    const y = i * row + 3;
    const w = (plot * b.value) / max;
    const pw = b.previous === null || b.previous === undefined ? null : (plot * b.previous) / max;
    return [
      `<text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end" class="bl">${escapeHtml(b.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="12" class="bar"/>`,
      pw === null ? '' : `<rect x="${labelWidth}" y="${y + 15}" width="${pw.toFixed(1)}" height="4" class="bar-prev"/>`,
      `<text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 12}" class="bv">${escapeHtml(b.text)}</text>`,
    ].join('');
  });
  const title = options.title ? `<title>${escapeHtml(options.title)}</title>` : '';
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" xmlns="http://www.w3.org/2000/svg">${title}${parts.join('')}</svg>`;
}

/** Salary quartiles as a range bar (Q1 to Q3) with the median marked, on a shared scale. */
export function rangeBar(q1: number | null, median: number | null, q3: number | null, max: number, width = 200): string {
  if (q1 === null || median === null || q3 === null || !(max > 0)) return '';
  const x = (v: number) => ((width - 4) * v) / max + 2;
  return `<svg class="range" viewBox="0 0 ${width} 14" width="${width}" height="14" xmlns="http://www.w3.org/2000/svg">` +
    `<line x1="2" y1="7" x2="${width - 2}" y2="7" class="axis"/>` +
    `<rect x="${x(q1).toFixed(1)}" y="2" width="${Math.max(1, x(q3) - x(q1)).toFixed(1)}" height="10" class="bar"/>` +
    `<line x1="${x(median).toFixed(1)}" y1="0" x2="${x(median).toFixed(1)}" y2="14" class="median"/></svg>`;
}
