import { t } from '../i18n/index.ts';
import { downloadCsv, downloadSvg, downloadSvgAsPng } from '../export/download.ts';
import { framedSvg, plotLegend } from '../export/frame.ts';
import type { ExportMeta } from '../export/meta.ts';
import { h } from '../ui/dom.ts';

type PlotModule = typeof import('@observablehq/plot');
let plotModule: Promise<PlotModule> | null = null;

/** Observable Plot, loaded on first use so the map does not wait for it. */
export function plot(): Promise<PlotModule> {
  return (plotModule ??= import('@observablehq/plot'));
}

/**
 * A chart in a figure with its caption and export buttons (PNG, SVG, and CSV of the data
 * behind it). `chart` is an SVG (or a figure holding one) produced by Plot. The PNG and SVG
 * carry the frame of export/frame.ts (title, unit, legend, definition, source, stamp) and the
 * CSV the same lines as comments, from `meta` (its title defaults to the caption).
 */
export function figure(name: string, caption: string, chart: Element, data: Record<string, unknown>[], meta: Partial<ExportMeta> = {}): HTMLElement {
  // With a colour legend Plot returns a <figure> whose swatches are small SVGs too: take the largest.
  const svg = () => (chart instanceof SVGSVGElement ? chart : mainSvg(chart));
  const full: ExportMeta = { ...meta, title: meta.title ?? caption };
  const framed = () => framedSvg({ svg: svg() }, full, plotLegend(chart));
  return h('figure', { class: 'chart', 'data-chart': name },
    h('figcaption', {}, caption),
    chart,
    h('div', { class: 'chart-export', role: 'group', 'aria-label': caption },
      h('button', { type: 'button', class: 'small', 'data-export': 'png', onclick: () => downloadSvgAsPng(`${name}.png`, framed()) }, t('export.png')),
      h('button', { type: 'button', class: 'small', 'data-export': 'svg', onclick: () => downloadSvg(`${name}.svg`, framed()) }, t('export.svg')),
      h('button', { type: 'button', class: 'small', 'data-export': 'csv', onclick: () => downloadCsv(`${name}.csv`, data, full) }, t('export.csv'))),
  );
}

/** Shared look: system fonts (nothing from a CDN), readable at projector sizes. */
export const STYLE = { fontSize: '12px', fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif', background: 'transparent', overflow: 'visible' } as const;

export function mainSvg(root: Element): SVGSVGElement {
  const all = [...root.querySelectorAll<SVGSVGElement>('svg')];
  return all.reduce((a, b) => (Number(b.getAttribute('width')) * Number(b.getAttribute('height')) > Number(a.getAttribute('width')) * Number(a.getAttribute('height')) ? b : a));
}
