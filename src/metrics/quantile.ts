import { SpecError } from '../core/errors.ts';

/**
 * Sample quantile by Hyndman & Fan (1996, "Sample quantiles in statistical packages", The
 * American Statistician 50(4)) definition 7, R's default quantile(x, p, type = 7): with the
 * values sorted ascending x_(1..n), h = (n - 1) p, Q = x_(floor h) + (h - floor h)(x_(floor h + 1)
 * - x_(floor h)) in 0-based indexing. Null for an empty sample. NaN values are refused.
 */
export function quantile(values: ArrayLike<number>, p: number): number | null {
  return quantiles(values, [p])[0];
}

/** Several quantiles with one sort. */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): (number | null)[] {
  for (const p of ps) if (!(p >= 0 && p <= 1)) throw new SpecError(`probability must be in [0, 1], got ${p}`, 'p');
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) throw new SpecError(`value ${i} is NaN`, 'values');
  if (values.length === 0) return ps.map(() => null);
  const x = Float64Array.from(values).sort();
  return ps.map((p) => {
    const h = (x.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, x.length - 1);
    return x[lo] + (h - lo) * (x[hi] - x[lo]);
  });
}
