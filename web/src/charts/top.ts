import { fmt } from '../i18n/index.ts';
import { STYLE, figure, plot } from './figure.ts';

/** The largest corridors of one region as horizontal bars, largest on top. */
export async function topChart(name: string, caption: string, rows: { name: string; count: number }[], color: string, width: number): Promise<HTMLElement> {
  const Plot = await plot();
  const chart = Plot.plot({
    width, height: 24 + rows.length * 20, marginLeft: 96, marginRight: 56, style: STYLE,
    x: { axis: null },
    y: { label: null, domain: rows.map((r) => r.name) },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'name', fill: color }),
      Plot.text(rows, { x: 'count', y: 'name', text: (d: { count: number }) => fmt(d.count), dx: 4, textAnchor: 'start' }),
    ],
  });
  return figure(name, caption, chart, rows);
}
