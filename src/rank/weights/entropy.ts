import { SpecError } from '../../core/errors.ts';

/**
 * Entropy weights (the Shannon entropy weight method, 熵权法; e.g. Zou, Yun & Sun, "Entropy
 * method for determination of weight of evaluating indicators in fuzzy synthetic evaluation for
 * water quality assessment", J. Environmental Sciences 18(5), 2006). From the min-max
 * normalised, direction-adjusted values x_ij in [0, 1] of n regions:
 *   p_ij = x_ij / sum_i x_ij
 *   e_j  = -(1 / ln n) sum_i p_ij ln p_ij      (0 ln 0 = 0), in [0, 1]
 *   d_j  = 1 - e_j                              (divergence: information carried)
 *   w_j  = d_j / sum_k d_k
 * An indicator spread evenly over regions (e_j near 1) gets little weight; the method rewards
 * dispersion, not relevance. A constant indicator (all x_ij = 0) has e_j = 1, weight 0.
 */
export interface EntropyWeights {
  weights: number[];
  entropy: number[];
  divergence: number[];
}

export function entropyWeights(minMax: Float64Array, n: number, p: number): EntropyWeights {
  if (n < 2) throw new SpecError(`entropy weights need at least 2 regions, got ${n}`, 'weighting');
  const entropy: number[] = [];
  for (let j = 0; j < p; j++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += minMax[i * p + j];
    let h = 0;
    if (sum > 0) {
      for (let i = 0; i < n; i++) {
        const q = minMax[i * p + j] / sum;
        if (q > 0) h -= q * Math.log(q);
      }
      h /= Math.log(n);
    } else h = 1;
    entropy.push(h);
  }
  const divergence = entropy.map((e) => 1 - e);
  const total = divergence.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new SpecError('every indicator has entropy 1 (no dispersion): entropy weights are undefined', 'weighting');
  return { weights: divergence.map((d) => d / total), entropy, divergence };
}
