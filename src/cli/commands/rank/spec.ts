import { SpecError } from '../../../core/errors.ts';
import type { IndexSpec, Normalisation, Weighting } from '../../../rank/index.ts';

/**
 * From command-line text to an index specification. Terms are split on commas outside
 * parentheses, so `growth(population,2010,2020):+,share_age_65@2020:-` is two terms.
 */
export function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const NORMALISATIONS: Record<string, Normalisation> = { minmax: 'min-max', 'min-max': 'min-max', zscore: 'z-score', 'z-score': 'z-score', rank: 'rank' };

export function normalisationOf(text: string): Normalisation {
  const n = NORMALISATIONS[text.toLowerCase()];
  if (!n) throw new SpecError(`unknown normalisation "${text}" (minmax, zscore or rank)`, 'normalisation');
  return n;
}

/** --weighting and --weights: "1,2,1" by position or "name=2,other=1" by indicator label. */
export function weightingOf(method: string, weights: string | undefined, labels: readonly string[]): Weighting {
  const m = method.toLowerCase();
  if (weights !== undefined && m !== 'user') throw new SpecError('--weights needs --weighting user', 'weights');
  if (m === 'equal' || m === 'entropy' || m === 'pca') return { method: m };
  if (m !== 'user') throw new SpecError(`unknown weighting "${method}" (equal, entropy, pca or user)`, 'weighting');
  if (!weights) throw new SpecError('--weighting user needs --weights (e.g. "1,2,1" or "share_age_65@2020=2")', 'weights');
  const parts = splitTerms(weights);
  if (parts.every((p) => /^[\d.eE+-]+$/.test(p))) return { method: 'user', weights: parts.map(Number) };
  const byName: Record<string, number> = {};
  for (const p of parts) {
    const i = p.lastIndexOf('=');
    if (i < 0) throw new SpecError(`"${p}" is not name=weight`, 'weights');
    const name = p.slice(0, i).replace(/\s+/g, '').replace(/:[+-]$/, '');
    if (!labels.includes(name)) throw new SpecError(`weight for unknown indicator "${name}"; indicators: ${labels.join(', ')}`, 'weights');
    byName[name] = Number(p.slice(i + 1));
  }
  return { method: 'user', weights: byName };
}

export type { IndexSpec };

/** The documented example index (docs/example-index.md): demographic vitality of China's cities. */
export const EXAMPLES: Record<string, { terms: string[]; level: string; within: string; description: string }> = {
  'china-cities': {
    terms: ['growth(population,2010,2020):+', 'share_age_15_59@2020:+', 'share_age_65@2020:-', 'log(population@2020):+'],
    level: 'city',
    within: 'CN',
    description: 'demographic vitality of China\'s prefecture-level cities from the 2010 and 2020 censuses: population growth 2010-2020 (%), share aged 15-59 in 2020 (%), share aged 65+ in 2020 (%, less is better), log population 2020; min-max, equal weights',
  },
};
