import { ROW, MARGIN_TOP } from './bars.ts';
import { STYLE, plot } from './figure.ts';

/**
 * Horizontal bars split into parts, first row on top, the total written at the end and a colour
 * legend of the parts: the rankings' scores as the sum of each indicator's contribution (weight x
 * normalised value), so a reader sees what makes a region's score, not only its size. Parts
 * below zero (z-score normalisation) stack leftwards from zero, as Plot's stacking does.
 */
export interface StackedBarOptions<R> {
  /** The parts in legend order: a key of `part(row, key)` and its label in the legend. */
  parts: { key: string; label: string }[];
  part: (row: R, key: string) => number;
  /** The text at the end of each bar (the total). */
  text: (row: R) => string;
  total: (row: R) => number;
  width: number;
  axisLabel: string;
  /** Rows drawn with a dark outline (a region the map selected). */
  outlined?: (row: R) => boolean;
  marginLeft?: number;
  marginRight?: number;
}

/** Colour-blind-safe qualitative colours (Okabe & Ito, 2008), enough for the indices' few terms. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];

export async function stackedBarChart<R extends { name: string }>(rows: R[], o: StackedBarOptions<R>): Promise<Element> {
  const Plot = await plot();
  const cells = rows.flatMap((r) => o.parts.map((p) => ({ name: r.name, part: p.label, value: o.part(r, p.key) })));
  const marginBottom = 42;
  const outlined = o.outlined ? rows.filter(o.outlined) : [];
  return Plot.plot({
    width: o.width, height: MARGIN_TOP + marginBottom + rows.length * ROW, marginTop: MARGIN_TOP, marginBottom, marginLeft: o.marginLeft ?? 96, marginRight: o.marginRight ?? 56, style: STYLE,
    x: { label: o.axisLabel, grid: true, labelAnchor: 'center', labelOffset: 36 },
    y: { label: null, domain: rows.map((r) => r.name) },
    color: { domain: o.parts.map((p) => p.label), range: PALETTE.slice(0, Math.max(1, o.parts.length)), legend: true },
    marks: [
      Plot.barX(cells, { x: 'value', y: 'name', fill: 'part', title: (d: { part: string; value: number }) => `${d.part}: ${d.value.toFixed(3)}` }),
      Plot.barX(outlined, { x1: 0, x2: o.total, y: 'name', fill: 'none', stroke: '#111827', strokeWidth: 2 }),
      Plot.text(rows, { x: (r: R) => Math.max(0, o.total(r)), y: 'name', text: o.text, dx: 4, textAnchor: 'start' }),
    ],
  });
}
