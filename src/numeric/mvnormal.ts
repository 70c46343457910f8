import { SpecError } from '../core/errors.ts';
import { cholesky } from './cholesky.ts';
import { normal } from './random/normal.ts';
import type { Rng } from './random/rng.ts';

/**
 * Multivariate normal draws x = mean + L z with L L' = covariance (Cholesky) and z standard
 * normal (Gentle, "Random Number Generation and Monte Carlo Methods", 2nd ed. 2003, sec. 5.3.1;
 * R: MASS::mvrnorm draws the same distribution through an eigen decomposition). The covariance is
 * row-major k x k. A singular or indefinite covariance is refused naming the column whose pivot
 * failed, unless `jitter` (added to the diagonal, relative to its mean) makes it positive definite.
 */
export interface MvNormalSampler {
  readonly size: number;
  /** Writes one draw into `out` (length size) using `rng`; returns out. */
  draw(rng: Rng, out?: Float64Array): Float64Array;
}

export function mvNormalSampler(mean: ArrayLike<number>, covariance: ArrayLike<number>, options: { jitter?: number } = {}): MvNormalSampler {
  const k = mean.length;
  if (covariance.length !== k * k) throw new SpecError(`has ${covariance.length} entries, a ${k} x ${k} matrix needs ${k * k}`, 'covariance');
  for (let i = 0; i < k; i++) if (!Number.isFinite(mean[i])) throw new SpecError(`entry ${i} is ${mean[i]}`, 'mean');
  const a = Float64Array.from(covariance);
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new SpecError(`entry ${i} is ${a[i]}`, 'covariance');
  if (options.jitter) {
    let diag = 0;
    for (let i = 0; i < k; i++) diag += a[i * k + i] / k;
    for (let i = 0; i < k; i++) a[i * k + i] += options.jitter * diag;
  }
  const lower = new Float64Array(k * k);
  if (k > 0) {
    // A zero variance (a fixed coefficient) is allowed: factor the positive part only.
    const free = [...Array(k).keys()].filter((i) => a[i * k + i] > 0);
    const m = free.length;
    const sub = new Float64Array(m * m);
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) sub[r * m + c] = a[free[r] * k + free[c]];
    const f = cholesky(sub, m);
    if (!f.ok) throw new SpecError(`is not positive definite (pivot ${f.pivot} at column ${free[f.column]})`, 'covariance');
    for (let r = 0; r < m; r++) for (let c = 0; c <= r; c++) lower[free[r] * k + free[c]] = f.factor.lower[r * m + c];
  }
  const z = new Float64Array(k);
  return {
    size: k,
    draw(rng, out = new Float64Array(k)) {
      for (let i = 0; i < k; i++) z[i] = normal(rng);
      for (let i = 0; i < k; i++) {
        let s = mean[i];
        for (let j = 0; j <= i; j++) s += lower[i * k + j] * z[j];
        out[i] = s;
      }
      return out;
    },
  };
}
