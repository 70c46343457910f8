import { SpecError } from '../core/errors.ts';
import { quantiles } from '../metrics/quantile.ts';
import { dirichlet } from '../numeric/random/dirichlet.ts';
import { createRng } from '../numeric/random/rng.ts';
import { rankDescending } from './normalise.ts';
import { prepareIndex, scores } from './prepare.ts';
import type { IndexSpec, IndicatorMatrix } from './types.ts';

/**
 * Monte Carlo sensitivity of ranks to the weights (in the spirit of Saisana, Saltelli & Tarantola,
 * "Uncertainty and sensitivity analysis techniques as tools for the quality assessment of
 * composite indicators", J. R. Stat. Soc. A 168(2), 2005). Each draw takes weights from a
 * Dirichlet centred on the index's weights w: alpha_j = concentration * w_j, so E[w_j] = w_j and
 * Var(w_j) = w_j (1 - w_j) / (concentration + 1); an indicator with weight 0 stays at 0. Data and
 * normalisation are held fixed. For each region: the probability its rank falls in each band,
 * the median rank and the 90% interval (5th and 95th percentiles, R type 7).
 * Negative weights (possible with PCA weighting) cannot centre a Dirichlet: SpecError.
 */
export interface SensitivityOptions {
  /** Seed of the draws (reported). Required. */
  seed: number;
  /** Number of weight draws. Default 1000. */
  draws?: number;
  /** Dirichlet concentration (sum of alphas). Default 50: a weight of 0.25 varies with sd ~0.06. */
  concentration?: number;
  /** Upper bounds of rank bands, e.g. [10, 50] -> 1-10, 11-50, 51-n. Default [10, 50, 100]. Bounds >= n are dropped. */
  bands?: readonly number[];
}

export interface RankBand {
  label: string;
  from: number;
  to: number;
  probability: number;
}

export interface SensitivityRow {
  code: string;
  baseRank: number;
  medianRank: number;
  interval90: [number, number];
  bands: RankBand[];
}

export interface SensitivityResult {
  seed: number;
  draws: number;
  concentration: number;
  weights: Record<string, number>;
  /** Sorted by base rank. */
  rows: SensitivityRow[];
  warnings: string[];
}

export function weightSensitivity(matrix: IndicatorMatrix, spec: IndexSpec, options: SensitivityOptions): SensitivityResult {
  const draws = options.draws ?? 1000;
  const concentration = options.concentration ?? 50;
  if (!Number.isInteger(draws) || draws < 1) throw new SpecError(`must be a positive integer, got ${draws}`, 'draws');
  if (!(concentration > 0) || !Number.isFinite(concentration)) throw new SpecError(`must be a positive number, got ${concentration}`, 'concentration');
  const rng = createRng(options.seed);
  const prep = prepareIndex(matrix, spec);
  const n = prep.regions.length;
  if (prep.weights.some((w) => w < 0)) throw new SpecError('negative weights (from PCA loadings) cannot centre a Dirichlet; use user weights', 'weighting');
  const bounds = [...new Set((options.bands ?? [10, 50, 100]).filter((b) => Number.isInteger(b) && b >= 1 && b < n))].sort((a, b) => a - b);
  const edges = [...bounds, n];

  const alpha = prep.weights.map((w) => concentration * w);
  const base = rankDescending(scores(prep.z, n, prep.weights));
  const ranks = new Int32Array(draws * n);
  const s = new Float64Array(n);
  const r = new Int32Array(n);
  for (let d = 0; d < draws; d++) {
    scores(prep.z, n, dirichlet(rng, alpha), s);
    rankDescending(s, r);
    ranks.set(r, d * n);
  }

  const own = new Float64Array(draws);
  const rows = prep.regions.map((code, i) => {
    for (let d = 0; d < draws; d++) own[d] = ranks[d * n + i];
    const [q05, q50, q95] = quantiles(own, [0.05, 0.5, 0.95]) as number[];
    let from = 1;
    const bands = edges.map((to) => {
      let count = 0;
      for (let d = 0; d < draws; d++) if (own[d] >= from && own[d] <= to) count++;
      const band = { label: from === to ? `${from}` : `${from}-${to}`, from, to, probability: count / draws };
      from = to + 1;
      return band;
    });
    return { code, baseRank: base[i], medianRank: q50, interval90: [q05, q95] as [number, number], bands };
  });
  rows.sort((a, b) => a.baseRank - b.baseRank || (a.code < b.code ? -1 : 1));
  return { seed: options.seed, draws, concentration, weights: Object.fromEntries(prep.indicators.map((k, j) => [k, prep.weights[j]])), rows, warnings: prep.warnings };
}
