import { STYLE, plot } from './figure.ts';

/**
 * Horizontal bars with their value written at the end, first row on top: the shape of the
 * region panel's corridors, the ranking scores and the graduates' destinations.
 */
export interface BarChartOptions<R> {
  value: (row: R) => number;
  /** The text at the end of each bar. */
  text: (row: R) => string;
  /** One colour, or one per row (a region the map selected stands out). */
  color: string | ((row: R) => string);
  width: number;
  /** Caption of the value axis; none: no axis. */
  axisLabel?: string;
  marginLeft?: number;
  marginRight?: number;
}

/**
 * Height of each row's band in pixels: the 12 px names and values (CJK glyphs stand taller) with
 * room between them. The height is the margins plus one band per row, so a chart of three rows
 * gets the band a long one does; the total height less Plot's own margins left three Northeast
 * provinces 13 px apiece, their labels touching.
 */
export const ROW = 24;
export const MARGIN_TOP = 8;

export async function barChart<R extends { name: string }>(rows: R[], o: BarChartOptions<R>): Promise<Element> {
  const Plot = await plot();
  const marginBottom = o.axisLabel === undefined ? MARGIN_TOP : 42;
  return Plot.plot({
    // The axis caption sits centred on a line of its own under the tick labels: at the right end,
    // Plot's default, a long caption ("share of the employed (%)") ran over the last tick's label.
    width: o.width, height: MARGIN_TOP + marginBottom + rows.length * ROW, marginTop: MARGIN_TOP, marginBottom, marginLeft: o.marginLeft ?? 96, marginRight: o.marginRight ?? 56, style: STYLE,
    x: o.axisLabel === undefined ? { axis: null } : { label: o.axisLabel, grid: true, labelAnchor: 'center', labelOffset: 36 },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { x: o.value, y: 'name', fill: o.color }),
      Plot.text(rows, { x: o.value, y: 'name', text: o.text, dx: 4, textAnchor: 'start' }),
    ],
  });
}
