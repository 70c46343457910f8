/**
 * Exports: a chart's SVG as .svg or rasterised to .png, the map canvas as .png, any table as
 * .csv (UTF-8 with a BOM so Excel opens Chinese names correctly).
 */
import { csvCell } from '../../../src/core/csv-cell.ts';
export function download(filename: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function toCsv(rows: Record<string, unknown>[], columns?: string[]): string {
  const cols = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.map(csvCell).join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function downloadCsv(filename: string, rows: Record<string, unknown>[], columns?: string[]): void {
  download(filename, new Blob(['\ufeff', toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }));
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

export async function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = serialise(svg);
  const w = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const hgt = Number(svg.getAttribute('height')) || svg.clientHeight || 400;
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = w * scale;
  canvas.height = hgt * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, w, hgt);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error('PNG encoding failed'))), 'image/png'));
}

export async function downloadSvgAsPng(filename: string, svg: SVGSVGElement): Promise<void> {
  download(filename, await svgToPngBlob(svg));
}

export function downloadCanvasPng(filename: string, canvas: HTMLCanvasElement): void {
  canvas.toBlob((b) => b && download(filename, b), 'image/png');
}

/** Several stacked canvases (the map and the flow layer over it) flattened into one PNG. */
export function downloadCanvasesPng(filename: string, canvases: (HTMLCanvasElement | null)[]): void {
  const base = canvases[0]!;
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const ctx = out.getContext('2d')!;
  for (const c of canvases) if (c && c.width && c.height) ctx.drawImage(c, 0, 0, out.width, out.height);
  downloadCanvasPng(filename, out);
}
