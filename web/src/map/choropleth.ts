import { lang, t } from '../i18n/index.ts';
import { compactNumber } from '../i18n/numbers.ts';
import { h } from '../ui/dom.ts';
import { COLORS } from './basemap.ts';

/**
 * Diverging classes for net migration: losses in reds, gains in blues, symmetric around zero
 * so a colour means the same size of loss or gain. Breaks are rounded quantiles of the non-zero
 * |net| (a quarter, 60% and 90% of those regions below each), which keeps a few megacities from
 * washing every other region into the palest class. Zeros are left out of the quantiles and
 * fall in the middle class: an own table that covers a few regions leaves the others at 0, and
 * with zeros counted the middle class collapsed to "0 – 0" and 0 was painted as a gain.
 */
export const PALETTE = ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'];

export interface Classes {
  /** Ascending thresholds between the seven classes (six numbers, symmetric). */
  breaks: number[];
  /** No region has a value: the legend shows only "no data" (no classes of made-up bounds). */
  empty?: boolean;
}

function niceRound(x: number): number {
  if (!(x > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m < 1.5 ? 1 : m < 2.5 ? 2 : m < 4 ? 3 : m < 7.5 ? 5 : 10) * p;
}

export function classify(values: number[]): Classes {
  const finite = values.filter(Number.isFinite);
  const abs = finite.map(Math.abs).filter((x) => x > 0).sort((a, b) => a - b);
  const q = (f: number) => (abs.length ? abs[Math.min(abs.length - 1, Math.floor(f * abs.length))] : 0);
  // The middle class always holds 0 (b1 > 0), so a region at 0 is neither loss nor gain.
  const b1 = niceRound(q(0.25)) || 1;
  let b2 = niceRound(q(0.6));
  let b3 = niceRound(q(0.9));
  if (b2 <= b1) b2 = b1 * 2;
  if (b3 <= b2) b3 = b2 * 2;
  return { breaks: [-b3, -b2, -b1, b1, b2, b3], ...(finite.length ? {} : { empty: true }) };
}

export function colorFor(v: number | null | undefined, c: Classes): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return COLORS.noData;
  let k = 0;
  while (k < c.breaks.length && v >= c.breaks[k]) k++;
  return PALETTE[k];
}

/** Class bounds as a reader of the page's language writes them (1.5万 / 15k). */
function compact(n: number): string {
  return compactNumber(n, lang());
}

/** The classes as swatches: colour and range, then no data (the legend and exported maps share them). */
export function legendEntries(c: Classes): { color: string; label: string }[] {
  if (c.empty) return [{ color: COLORS.noData, label: t('legend.noData') }];
  const b = c.breaks;
  const ranges = [`< ${compact(b[0])}`, `${compact(b[0])} – ${compact(b[1])}`, `${compact(b[1])} – ${compact(b[2])}`, `${compact(b[2])} – ${compact(b[3])}`,
    `${compact(b[3])} – ${compact(b[4])}`, `${compact(b[4])} – ${compact(b[5])}`, `≥ ${compact(b[5])}`];
  return [...PALETTE.map((color, i) => ({ color, label: ranges[i] })), { color: COLORS.noData, label: t('legend.noData') }];
}

/** The legend: one swatch per class with its range, the no-data swatch and the source note. */
export function legend(c: Classes, title: string, note: string): HTMLElement {
  return h('div', { class: 'legend', role: 'group', 'aria-label': title },
    h('div', { class: 'legend-title' }, title),
    h('ul', { class: 'legend-classes' }, ...legendEntries(c).map((e) => h('li', {}, h('span', { class: 'swatch', style: `background:${e.color}` }), h('span', {}, e.label)))),
    c.empty ? '' : h('div', { class: 'legend-ends' }, h('span', {}, `◀ ${t('legend.loss')}`), h('span', {}, `${t('legend.gain')} ▶`)),
    h('p', { class: 'legend-note' }, note),
  );
}
