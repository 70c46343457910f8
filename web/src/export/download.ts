/**
 * Exports: a chart's SVG as .svg or rasterised to .png, the map canvas as .png, any table as
 * .csv (UTF-8 with a BOM so Excel opens Chinese names correctly). A CSV given its ExportMeta
 * starts with `# ` comment lines (title, unit, definition, source, estimated/synthetic, when and
 * where it was made: pandas reads it with `comment='#'`, R with `comment.char = '#'`,
 * data.table's fread skips them by itself) and its values are rounded to what the data support.
 */
import { csvCell } from '../../../src/core/csv-cell.ts';
import { roundRows } from '../../../src/core/display-round.ts';
import { metaLines, type ExportMeta } from './meta.ts';
export function download(filename: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function toCsv(rows: Record<string, unknown>[], meta?: ExportMeta): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const rounded = meta?.columns ? roundRows(rows, meta.columns) : rows;
  const comments = meta ? [meta.title, ...metaLines(meta).map((l) => l.text)].map((x) => `# ${x.replace(/[\r\n]+/g, ' ')}`) : [];
  return [...comments, cols.map(csvCell).join(','), ...rounded.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, rows: Record<string, unknown>[], meta?: ExportMeta): void {
  download(filename, new Blob(['\ufeff', toCsv(rows, meta)], { type: 'text/csv;charset=utf-8' }));
}

function serialise(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(svg.clientWidth || 640));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(svg.clientHeight || 400));
  // White paper behind the chart, as it will be shown on a slide.
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export function downloadSvg(filename: string, svg: SVGSVGElement): void {
  download(filename, new Blob([serialise(svg)], { type: 'image/svg+xml' }));
}

/** The SVG rasterised; `scale` pixels per SVG unit (2: sharp on slides and high-density screens). */
export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = serialise(svg);
  const w = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const hgt = Number(svg.getAttribute('height')) || svg.clientHeight || 400;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(hgt * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, w, hgt);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
}

export async function downloadSvgAsPng(filename: string, svg: SVGSVGElement, scale = 2): Promise<void> {
  download(filename, await svgToPngBlob(svg, scale));
}

/** Several stacked canvases (the map and the flow layer over it) flattened into one. */
export function flattenCanvases(canvases: (HTMLCanvasElement | null)[]): HTMLCanvasElement {
  const base = canvases[0]!;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const ctx = out.getContext('2d')!;
  for (const c of canvases) if (c && c.width && c.height) ctx.drawImage(c, 0, 0, out.width, out.height);
  return out;
}
