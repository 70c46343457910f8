import { colon, fmt, fmtAxis, t } from '../i18n/index.ts';
import { STYLE, figure, plot } from './figure.ts';
import type { ExportMeta } from '../export/meta.ts';

/** In-flow, out-flow and net of one region by period (lines), zero marked. */
export interface TrendRow { period: string; inflow: number; outflow: number; net: number }

export async function trendChart(name: string, rows: TrendRow[], width: number, meta: Partial<ExportMeta> = {}): Promise<HTMLElement> {
  const Plot = await plot();
  const long = rows.flatMap((r) => [
    { period: r.period, series: t('chart.in'), value: r.inflow },
    { period: r.period, series: t('chart.out'), value: -r.outflow },
    { period: r.period, series: t('chart.net'), value: r.net },
  ]);
  const chart = Plot.plot({
    width, height: 200, marginLeft: 56, style: STYLE,
    x: { label: t('chart.year'), type: 'point' },
    y: { label: t('chart.persons'), grid: true, tickFormat: (d: number) => fmtAxis(d) },
    color: { domain: [t('chart.in'), t('chart.out'), t('chart.net')], range: ['#2166ac', '#b2182b', '#111827'], legend: true },
    marks: [
      Plot.ruleY([0], { stroke: '#9ca3af' }),
      Plot.lineY(long, { x: 'period', y: 'value', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(long, { x: 'period', y: 'value', fill: 'series', r: 2.5, tip: true, title: (d: { series: string; period: string; value: number }) => `${d.series} ${d.period}${colon()}${fmt(d.value)}` }),
    ],
  });
  return figure(name, t('region.trend'), chart, rows as unknown as Record<string, unknown>[], { unit: t('export.unitPersons'), ...meta, columns: { inflow: 'persons', outflow: 'persons', net: 'persons' } });
}

/** Population at each census (bars), for regions whose flows cover one interval only. */
export async function populationChart(name: string, rows: { year: string; population: number }[], width: number, meta: Partial<ExportMeta> = {}): Promise<HTMLElement> {
  const Plot = await plot();
  const chart = Plot.plot({
    width, height: 170, marginLeft: 64, style: STYLE,
    x: { label: t('chart.year'), type: 'band' },
    y: { label: t('region.population'), grid: true, tickFormat: (d: number) => fmtAxis(d) },
    marks: [
      Plot.barY(rows, { x: 'year', y: 'population', fill: '#67a9cf' }),
      Plot.text(rows, { x: 'year', y: 'population', text: (d: { population: number }) => fmtAxis(d.population), dy: -8 }),
      Plot.ruleY([0]),
    ],
  });
  return figure(name, t('region.trendPopulation'), chart, rows, { unit: t('export.unitPersons'), ...meta, columns: { population: 'persons' } });
}
