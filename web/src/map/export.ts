import type { MeasureResult } from '../api.ts';
import { downloadSvg, downloadSvgAsPng, flattenCanvases } from '../export/download.ts';
import { framedSvg } from '../export/frame.ts';
import type { ExportMeta } from '../export/meta.ts';
import { t } from '../i18n/index.ts';
import { fieldText } from '../i18n/server-text.ts';
import { legendEntries, type Classes } from './choropleth.ts';

/**
 * The map's exports: the map as drawn (basemap and flow lines, a raster: the map is WebGL) in
 * the frame every figure carries (title, unit, class legend, definition, source, the stamp of
 * an estimate), as PNG or as SVG (vector frame around the embedded raster); the net-migration
 * table and the drawn flows as CSV with the same lines as comments, persons rounded to whole.
 */

/** The legend's title for a measure: population change over a census interval is never called net migration. */
export function netTitle(measure: MeasureResult, period: string): string {
  if (measure.source === 'census' && measure.selection.from !== undefined) return t('legend.netCensus', { from: String(measure.selection.from), to: String(measure.selection.to) });
  if (measure.kind === 'estimated') return t('legend.netEstimated', { period });
  return measure.kind === 'observed' ? t('legend.netObserved', { period }) : t('legend.net');
}

/** What an export of the map says about itself; `place` names the case and level ("China · provinces"). */
export function mapMeta(measure: MeasureResult, period: string, place: string): ExportMeta {
  return {
    title: `${netTitle(measure, period)} · ${place}`,
    unit: `${t('export.unitPersons')} · ${t('legend.flows')}`,
    definition: fieldText(measure, 'definition'),
    kind: measure.kind === 'observed' ? 'observed' : measure.kind === 'mixed' ? 'mixed' : 'estimated',
    columns: { net: 'persons', inflow: 'persons', outflow: 'persons', gross: 'persons', count: 'persons', population: 'persons', change: 'persons', from: 'exact', to: 'exact' },
  };
}

export async function exportMap(format: 'png' | 'svg', filename: string, canvases: (HTMLCanvasElement | null)[], meta: ExportMeta, classes: Classes): Promise<void> {
  const flat = flattenCanvases(canvases);
  // CSS pixels of the map on screen: the frame's text is laid out in them; the PNG keeps every device pixel.
  const shown = canvases[0]!;
  const width = shown.clientWidth || flat.width;
  const height = shown.clientHeight || flat.height;
  const svg = framedSvg({ image: { href: flat.toDataURL('image/png'), width, height } }, meta, legendEntries(classes));
  if (format === 'svg') downloadSvg(filename, svg);
  else await downloadSvgAsPng(filename, svg, Math.max(1, flat.width / width));
}

