import { SpecError } from '../core/errors.ts';

/**
 * Concentration of a vector of non-negative amounts (e.g. one origin's flows to each possible
 * destination, zeros included: the number of possible destinations matters).
 *
 * gini: G = sum_i sum_j |x_i - x_j| / (2 n^2 mean), computed from the ascending order as
 *   2 sum_i i x_(i) / (n sum x) - (n + 1) / n; 0 = equal spread, (n-1)/n = all in one. This is
 *   R's ineq::Gini(x) (no small-sample correction).
 * normalisedEntropy: H / ln n with H = -sum p_i ln p_i over p_i > 0 (Shannon 1948; 0 ln 0 = 0);
 *   1 = equal spread, 0 = all in one.
 * topShare: share of the k largest amounts in the total.
 * Each returns null for an empty total (no flow at all); n = 1 gives entropy null (ln 1 = 0).
 */
function check(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0) || !Number.isFinite(v)) throw new SpecError(`amount ${i} must be finite and >= 0, got ${v}`, 'values');
    sum += v;
  }
  return sum;
}

export function gini(values: ArrayLike<number>): number | null {
  const sum = check(values);
  const n = values.length;
  if (!(sum > 0)) return null;
  const sorted = Float64Array.from(values).sort();
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * sorted[i];
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

export function normalisedEntropy(values: ArrayLike<number>): number | null {
  const sum = check(values);
  const n = values.length;
  if (!(sum > 0) || n < 2) return null;
  let h = 0;
  for (let i = 0; i < n; i++) {
    if (values[i] > 0) {
      const p = values[i] / sum;
      h -= p * Math.log(p);
    }
  }
  return h / Math.log(n);
}

export function topShare(values: ArrayLike<number>, k: number): number | null {
  if (!Number.isInteger(k) || k < 1) throw new SpecError(`k must be a positive integer, got ${k}`, 'k');
  const sum = check(values);
  if (!(sum > 0)) return null;
  const sorted = Float64Array.from(values).sort().reverse();
  let top = 0;
  for (let i = 0; i < Math.min(k, sorted.length); i++) top += sorted[i];
  return top / sum;
}
