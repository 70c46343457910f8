import { SpecError } from '../../core/errors.ts';
import type { Rng } from './rng.ts';

/**
 * Categorical sampling. `aliasTable` builds Walker's alias table by Vose's stable linear method
 * (Vose, "A linear algorithm for generating random numbers with a given distribution", IEEE TSE
 * 17(9), 1991): O(n) set-up, O(1) per draw, for many draws from one distribution.
 * `cumulative` + `sampleCumulative` (binary search, O(log n)) suit one-off distributions.
 * Weights need not sum to 1; they must be finite, >= 0, with a positive sum.
 */
export interface AliasTable {
  readonly probability: Float64Array;
  readonly alias: Uint32Array;
}

function checkWeights(weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new SpecError(`weight ${i} must be finite and >= 0, got ${w}`, 'weights');
    sum += w;
  }
  if (!(sum > 0)) throw new SpecError('weights must have a positive sum', 'weights');
  return sum;
}

export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  const sum = checkWeights(weights);
  const probability = new Float64Array(n);
  const alias = new Uint32Array(n);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / sum;
    (scaled[i] < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    probability[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) probability[i] = 1;
  for (const i of small) probability[i] = 1; // only reached through rounding error
  return { probability, alias };
}

export function sampleAlias(table: AliasTable, rng: Rng): number {
  const i = rng.int(table.probability.length);
  return rng.uniform() < table.probability[i] ? i : table.alias[i];
}

/** Cumulative weights normalised to end at exactly 1. */
export function cumulative(weights: ArrayLike<number>): Float64Array {
  const sum = checkWeights(weights);
  const cdf = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    cdf[i] = acc / sum;
  }
  cdf[cdf.length - 1] = 1;
  return cdf;
}

/** Smallest i with u < cdf[i], skipping zero-weight categories. */
export function sampleCumulative(cdf: Float64Array, rng: Rng): number {
  const u = rng.uniform();
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
