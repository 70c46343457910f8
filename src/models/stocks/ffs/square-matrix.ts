/**
 * The few operations ffs_demo needs on n x n stock tables, stored row-major in a Float64Array
 * (rows = place of birth, columns = place of residence). Sums are compensated like R's long
 * double rowSums / colSums (see compensated-sum.ts).
 */
import { compensatedSum } from './compensated-sum.ts';

/** R rowSums(m): one sum per row (place of birth). */
export function rowSums(m: Float64Array, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => compensatedSum(m, i * n, n, 1));
}

/** R colSums(m): one sum per column (place of residence). */
export function colSums(m: Float64Array, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, j) => compensatedSum(m, j, n, n));
}

/** R diag(m). */
export function diagonal(m: Float64Array, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => m[i * n + i]);
}

/** A copy of m with diag(m) <- d. */
export function withDiagonal(m: Float64Array, n: number, d: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(m);
  for (let i = 0; i < n; i++) out[i * n + i] = d[i];
  return out;
}

/** R t(m). */
export function transpose(m: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = m[i * n + j];
  return out;
}

/** Elementwise a - b. */
export function subtract(a: Float64Array, b: Float64Array): Float64Array {
  return Float64Array.from(a, (v, k) => v - b[k]);
}
