import { SpecError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { IndexSpec, MissingPolicy, Normalisation, Weighting } from '../../rank/index.ts';
import type { RevealedRankingOptions } from '../../store/revealed/index.ts';

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
  if (!n) throw new SpecError(coded('rank.spec.unknownNormalisation', { value: text }), 'normalisation');
  return n;
}

/** --weighting and --weights: "1,2,1" by position or "name=2,other=1" by indicator label. */
export function weightingOf(method: string, weights: string | undefined, labels: readonly string[]): Weighting {
  const m = method.toLowerCase();
  if (weights !== undefined && m !== 'user') throw new SpecError(coded('rank.spec.weightsNeedUser', {}), 'weights');
  if (m === 'equal' || m === 'entropy' || m === 'pca') return { method: m };
  if (m !== 'user') throw new SpecError(coded('rank.spec.unknownWeighting', { value: method }), 'weighting');
  if (!weights) throw new SpecError(coded('rank.spec.userNeedsWeights', {}), 'weights');
  const parts = splitTerms(weights);
  if (parts.every((p) => /^[\d.eE+-]+$/.test(p))) return { method: 'user', weights: parts.map(Number) };
  const byName: Record<string, number> = {};
  for (const p of parts) {
    const i = p.lastIndexOf('=');
    if (i < 0) throw new SpecError(coded('rank.spec.notNameWeight', { value: p }), 'weights');
    const name = p.slice(0, i).replace(/\s+/g, '').replace(/:[+-]$/, '');
    if (!labels.includes(name)) throw new SpecError(coded('rank.spec.unknownWeightName', { name, indicators: labels }), 'weights');
    byName[name] = Number(p.slice(i + 1));
  }
  return { method: 'user', weights: byName };
}

export type { IndexSpec };

const EXAMPLE_TEXT = coded('rank.exampleIndex', {});

/** The documented example index (docs/example-index.md): demographic vitality of China's cities. */
export const EXAMPLES: Record<string, { terms: string[]; level: string; within: string; description: string; text: CodedMessage }> = {
  'china-cities': {
    terms: ['growth(population,2010,2020):+', 'share_age_15_59@2020:+', 'share_age_65@2020:-', 'log(population@2020):+'],
    level: 'city',
    within: 'CN',
    description: EXAMPLE_TEXT.message,
    text: EXAMPLE_TEXT,
  },
};

/** `--weights choice:MODEL`: the saved destination-choice model to rank by, or null for ordinary weights. */
export function choiceModelOf(weights: string | undefined): string | null {
  const m = /^\s*choice:(.*)$/.exec(weights ?? '');
  if (!m) return null;
  if (!m[1].trim()) throw new SpecError(coded('revealed.spec.noModelName', {}), 'weights');
  return m[1].trim();
}

/** `--holdout-years 2016` or `--holdout-share 0.2` (with the seed): the graduates the validation holds out. Default: the store's. */
export function holdoutOf(years: string | undefined, share: number | undefined, seed: number): { years: number[] } | { share: number; seed: number } | undefined {
  if (years !== undefined && share !== undefined) throw new SpecError(coded('revealed.spec.bothHoldouts', {}), 'holdout');
  if (years !== undefined) {
    const list = years.split(',').map((y) => Number(y.trim()));
    if (!list.length || list.some((y) => !Number.isInteger(y))) throw new SpecError(coded('revealed.spec.notYears', { value: years }), 'holdout-years');
    return { years: list };
  }
  if (share !== undefined) {
    if (!(share > 0 && share < 1)) throw new SpecError(coded('revealed.spec.shareOutside', { value: String(share) }), 'holdout-share');
    return { share, seed };
  }
  return undefined;
}

/** A base year given as --period for a choice model. */
export function yearOf(period: string | undefined): number | undefined {
  if (period === undefined) return undefined;
  if (!/^\d{4}$/.test(period.trim())) throw new SpecError(coded('revealed.spec.notYear', { value: period }), 'period');
  return Number(period);
}

/** What `--weights choice:MODEL` (or weights=choice:MODEL) asks for, from the rank options; CLI and API share it. */
export function revealedRequest(model: string, o: {
  example?: string; indicators?: string; period?: string; normalisation: string; weighting: string; missing: MissingPolicy;
  holdoutYears?: string; holdoutShare?: number; seed: number; draws: number;
  level?: string; within?: string; comparePeriod?: string; sensitivity?: number;
}): RevealedRankingOptions {
  for (const [flag, v] of [['level', o.level], ['within', o.within], ['compare-period', o.comparePeriod], ['sensitivity', o.sensitivity]] as const) {
    if (v !== undefined) throw new SpecError(coded('revealed.spec.notApplicable', { flag }), flag);
  }
  const example = o.example ? EXAMPLES[o.example] : undefined;
  const terms = o.indicators ? splitTerms(o.indicators) : example?.terms;
  return {
    model, year: yearOf(o.period),
    declared: terms ? { terms, spec: { normalisation: normalisationOf(o.normalisation), weighting: weightingOf(o.weighting, undefined, []), missing: o.missing }, ...(example && !o.indicators ? { description: example.description, text: example.text } : {}) } : undefined,
    holdout: holdoutOf(o.holdoutYears, o.holdoutShare, o.seed), draws: o.draws, seed: o.seed,
  };
}
