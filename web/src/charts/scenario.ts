import { colon, fmtAxis, t } from '../i18n/index.ts';
import type { ExportMeta } from '../export/meta.ts';
import { STYLE, figure, plot } from './figure.ts';

/** One series of a scenario result: a median and its interval per year. */
export interface BandRow { year: number; series: string; median: number; p05: number; p95: number }

export interface BandAxis {
  /** What the y values are, with their unit ("% of graduates who stay"): printed on the axis. */
  label: string;
  /** Tick and tooltip format. Default: whole numbers. */
  format?: (v: number) => string;
  /** What the exported PNG/SVG/CSV says about the numbers (unit, definition, stamp). */
  meta?: Partial<ExportMeta>;
}

/**
 * Baseline and scenario per year: the median as a line and the 5-95% interval as a band
 * (when the result has draws; an exact counterfactual has a zero-width band). The y axis always
 * includes zero: levels (a retention share, persons) drawn from a cut axis make a change of a
 * tenth of a point look like a cliff. The axis label names the quantity and its unit.
 */
export async function bandChart(name: string, caption: string, rows: BandRow[], width: number, axis: BandAxis): Promise<HTMLElement> {
  const Plot = await plot();
  const format = axis.format ?? ((v: number) => fmtAxis(v));
  const series = [...new Set(rows.map((r) => r.series))];
  const chart = Plot.plot({
    width, height: 240, marginLeft: 72, style: STYLE,
    x: { label: t('chart.year'), tickFormat: (d: number) => String(d), type: 'point' },
    y: { label: axis.label, labelAnchor: 'top', grid: true, tickFormat: format, zero: true },
    color: { domain: series, range: ['#6b7280', '#d97706', '#2166ac'], legend: true },
    marks: [
      Plot.ruleY([0], { stroke: '#9ca3af' }),
      Plot.areaY(rows, { x: 'year', y1: 'p05', y2: 'p95', fill: 'series', fillOpacity: 0.2, curve: 'linear' }),
      Plot.lineY(rows, { x: 'year', y: 'median', stroke: 'series', strokeWidth: 2.2 }),
      Plot.dot(rows, { x: 'year', y: 'median', fill: 'series', r: 2.5, tip: true, title: (d: BandRow) => `${d.series} ${d.year}${colon()}${format(d.median)} [${format(d.p05)} – ${format(d.p95)}]` }),
    ],
  });
  return figure(name, caption, chart, rows as unknown as Record<string, unknown>[], { unit: axis.label, ...axis.meta });
}
