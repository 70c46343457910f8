import { colon, fmt, t } from '../i18n/index.ts';
import { coefficientDomain } from './coefficient-domain.ts';
import { STYLE, figure, plot } from './figure.ts';
import type { ExportMeta } from '../export/meta.ts';

/** Coefficient estimates as dots with their confidence intervals as rules, zero marked. */
export interface CoefRow { term: string; estimate: number; low: number; high: number }

/**
 * About how wide a label is drawn: 6.5 px a Latin character, twice that for a full-width one
 * (Chinese, Japanese, Korean and full-width brackets), which the old per-character estimate cut off.
 */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 13 : 6.5;
  return w;
}

export async function coefficientChart(name: string, rows: CoefRow[], width: number, meta: Partial<ExportMeta> = {}): Promise<HTMLElement> {
  const Plot = await plot();
  const chart = Plot.plot({
    // Room for the longest term name at the chart's font size.
    // marginBottom holds the tick labels and, under them, the centred axis caption: at the
    // right end (Plot's default) "Estimate →" overlapped the last tick label.
    width, height: 54 + rows.length * 28, marginBottom: 44, marginLeft: Math.min(width / 2, Math.max(80, 16 + Math.max(0, ...rows.map((r) => labelWidth(r.term))))), style: STYLE,
    // Every estimate and interval end inside the axis, which ends on a tick (nice).
    x: { label: t('models.estimate'), labelAnchor: 'center', domain: coefficientDomain(rows), nice: true, grid: true },
    y: { label: null, domain: rows.map((r) => r.term) },
    marks: [
      Plot.ruleX([0], { stroke: '#9ca3af' }),
      Plot.ruleY(rows, { y: 'term', x1: 'low', x2: 'high', stroke: '#2166ac', strokeWidth: 2 }),
      Plot.dot(rows, { y: 'term', x: 'estimate', fill: '#111827', r: 4, tip: true, title: (d: CoefRow) => `${d.term}${colon()}${fmt(d.estimate, 3)} [${fmt(d.low, 3)}, ${fmt(d.high, 3)}]` }),
    ],
  });
  return figure(name, t('models.coefChart'), chart, rows as unknown as Record<string, unknown>[], { unit: t('export.unitCoefficient'), kind: 'model', ...meta, columns: { estimate: 'coefficient', low: 'coefficient', high: 'coefficient' } });
}
