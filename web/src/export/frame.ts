import { metaLines, stampText, type ExportMeta } from './meta.ts';

/**
 * The frame every exported figure carries, so a PNG pasted into a slide or an SVG placed in a
 * report still says what it shows: the title and unit above, the estimated/synthetic stamp in
 * the top right corner, the legend under the figure, then definition, source and when and where
 * it was made. The body is a chart's SVG (kept as vectors) or a raster (the WebGL map). Text is
 * wrapped with the canvas's measureText in the same font, so lines fit whatever the language.
 */
export interface LegendEntry { color: string; label: string }

export type FrameBody = { svg: SVGSVGElement } | { image: { href: string; width: number; height: number } };

const NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const FONT = 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const STAMP_RED = '#b91c1c';

let measureCtx: CanvasRenderingContext2D | null = null;
function textWidth(text: string, px: number, bold = false): number {
  measureCtx ??= document.createElement('canvas').getContext('2d');
  if (!measureCtx) return text.length * px * 0.6;
  measureCtx.font = `${bold ? 'bold ' : ''}${px}px ${FONT}`;
  return measureCtx.measureText(text).width;
}

/** Greedy line breaking at spaces, or between any characters for CJK text without spaces. */
export function wrap(text: string, maxWidth: number, px: number, bold = false): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uFF00-\uFFEF]+\s*|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  // A token wider than a line (a URL) is broken between its characters.
  const fitted = tokens.flatMap((tok) => (textWidth(tok, px, bold) > maxWidth ? [...tok] : [tok]));
  for (const tok of fitted) {
    if (line && textWidth(line + tok.trimEnd(), px, bold) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function bodySize(body: FrameBody): { width: number; height: number } {
  if ('image' in body) return body.image;
  const s = body.svg;
  return { width: Number(s.getAttribute('width')) || s.clientWidth || 640, height: Number(s.getAttribute('height')) || s.clientHeight || 400 };
}

/** A new SVG: the body inside its frame. The body's own element is cloned, never moved. */
export function framedSvg(body: FrameBody, meta: ExportMeta, legend: LegendEntry[] = []): SVGSVGElement {
  const size = bodySize(body);
  const width = Math.max(size.width + 2 * PAD, 520);
  const inner = width - 2 * PAD;
  const root = el('svg', { xmlns: NS, width, 'font-family': FONT, 'data-frame': '' }) as SVGSVGElement;
  const parts: SVGElement[] = [];
  let y = PAD;

  const stamp = stampText(meta.kind);
  const stampWidth = stamp ? textWidth(stamp, 12, true) + 16 : 0;
  if (stamp) {
    const g = el('g', { 'data-meta': 'stamp' });
    g.append(el('rect', { x: width - PAD - stampWidth, y, width: stampWidth, height: 22, fill: 'none', stroke: STAMP_RED, 'stroke-width': 1.5, rx: 3 }),
      el('text', { x: width - PAD - stampWidth / 2, y: y + 15.5, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 'bold', fill: STAMP_RED, 'letter-spacing': 0.5 }, stamp));
    parts.push(g);
  }
  for (const line of wrap(meta.title, inner - stampWidth - 8, 16, true)) {
    parts.push(el('text', { x: PAD, y: y + 15, 'font-size': 16, 'font-weight': 'bold', fill: '#111827', 'data-meta': 'title' }, line));
    y += 21;
  }
  if (meta.unit) {
    parts.push(el('text', { x: PAD, y: y + 12, 'font-size': 12, fill: '#4b5563', 'data-meta': 'unit' }, meta.unit));
    y += 18;
  }
  y = Math.max(y, stamp ? PAD + 26 : y) + 6;

  if ('image' in body) parts.push(el('image', { x: PAD, y, width: size.width, height: size.height, href: body.image.href, preserveAspectRatio: 'none' }));
  else {
    const chart = body.svg.cloneNode(true) as SVGSVGElement;
    chart.setAttribute('x', String(PAD));
    chart.setAttribute('y', String(y));
    chart.setAttribute('width', String(size.width));
    chart.setAttribute('height', String(size.height));
    parts.push(chart);
  }
  y += size.height + 10;

  if (legend.length) {
    const g = el('g', { 'data-meta': 'legend' });
    let x = PAD;
    for (const entry of legend) {
      const w = 14 + textWidth(entry.label, 11) + 14;
      if (x > PAD && x + w > width - PAD) {
        x = PAD;
        y += 17;
      }
      g.append(el('rect', { x, y, width: 10, height: 10, fill: entry.color, stroke: '#9ca3af', 'stroke-width': 0.5 }), el('text', { x: x + 14, y: y + 9.5, 'font-size': 11, fill: '#111827' }, entry.label));
      x += w;
    }
    parts.push(g);
    y += 22;
  }

  for (const line of metaLines(meta).filter((l) => l.key !== 'unit')) {
    const bold = line.key === 'kind';
    for (const text of wrap(line.text, inner, 10.5, bold)) {
      parts.push(el('text', { x: PAD, y: y + 10, 'font-size': 10.5, fill: bold ? STAMP_RED : '#4b5563', 'font-weight': bold ? 'bold' : 'normal', 'data-meta': line.key }, text));
      y += 14;
    }
  }
  const height = Math.ceil(y + PAD - 4);
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.append(el('rect', { width, height, fill: '#ffffff' }), ...parts);
  return root;
}

/** The colour legend of an Observable Plot chart (its ordinal colour scale), if it has one. */
export function plotLegend(chart: Element): LegendEntry[] {
  type Scale = { type?: string; domain?: unknown[]; range?: unknown[] };
  const scale = (chart as Element & { scale?: (name: string) => Scale | undefined }).scale?.('color');
  if (!scale?.domain || !scale.range || !['ordinal', 'categorical'].includes(scale.type ?? '')) return [];
  const range = scale.range;
  return scale.domain.map((d, i) => ({ label: String(d), color: String(range[i % range.length]) }));
}
