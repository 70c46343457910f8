import type { CodedMessage } from '../core/messages/index.ts';
import { rankDescending } from './normalise.ts';
import { prepareIndex, scores } from './prepare.ts';
import type { IndexSpec, IndicatorMatrix, Normalisation } from './types.ts';

/**
 * Composite attractiveness index: score_i = sum_j w_j z_ij over normalised, direction-adjusted
 * indicators z (see normalise.ts) with weights w summing to 1 (user, equal, entropy or first
 * principal component). Rank 1 = highest score (ties share the best rank). Each row also gives
 * every indicator's contribution w_j z_ij (they add up to the score) and its normalised value.
 * Scores are relative to the regions in the table; compare ranks, not scores, across tables.
 */
export interface IndexRow {
  code: string;
  score: number;
  rank: number;
  contributions: Record<string, number>;
  normalised: Record<string, number>;
}

export interface CompositeIndexResult {
  indicators: string[];
  directions: Record<string, 1 | -1>;
  normalisation: Normalisation;
  weighting: 'user' | 'equal' | 'entropy' | 'pca';
  weights: Record<string, number>;
  entropy?: { entropy: Record<string, number>; divergence: Record<string, number> };
  pca?: { loadings: Record<string, number>; eigenvalue: number; explainedVariance: number };
  /** Sorted by rank. */
  rows: IndexRow[];
  excluded: string[];
  imputed: { region: string; indicator: string; value: number }[];
  warnings: string[];
  /** The warnings coded (core/messages), same order, for a front-end's language. */
  messages: { warnings: CodedMessage[] };
}

export function compositeIndex(matrix: IndicatorMatrix, spec: IndexSpec = {}): CompositeIndexResult {
  const prep = prepareIndex(matrix, spec);
  const n = prep.regions.length;
  const p = prep.indicators.length;
  const byName = (v: readonly number[]) => Object.fromEntries(prep.indicators.map((name, j) => [name, v[j]]));
  const s = scores(prep.z, n, prep.weights);
  const ranks = rankDescending(s);
  const rows = prep.regions.map((code, i) => {
    const contributions: Record<string, number> = {};
    const normalised: Record<string, number> = {};
    for (let j = 0; j < p; j++) {
      contributions[prep.indicators[j]] = prep.weights[j] * prep.z[i * p + j];
      normalised[prep.indicators[j]] = prep.z[i * p + j];
    }
    return { code, score: s[i], rank: ranks[i], contributions, normalised };
  });
  rows.sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    indicators: prep.indicators,
    directions: byName(prep.directions) as Record<string, 1 | -1>,
    normalisation: prep.normalisation,
    weighting: prep.weighting,
    weights: byName(prep.weights),
    ...(prep.entropy ? { entropy: { entropy: byName(prep.entropy.entropy), divergence: byName(prep.entropy.divergence) } } : {}),
    ...(prep.pca ? { pca: { loadings: byName(prep.pca.loadings), eigenvalue: prep.pca.eigenvalue, explainedVariance: prep.pca.explainedVariance } } : {}),
    rows,
    excluded: prep.excluded,
    imputed: prep.imputed,
    warnings: prep.warnings,
    messages: prep.messages,
  };
}
