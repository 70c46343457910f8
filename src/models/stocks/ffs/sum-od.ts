/**
 * migest sum_od(x, zero_diag = TRUE, add_margins = FALSE): the classic origin-destination table
 * from flows by origin x destination x birthplace, summing over birthplace (compensated, like R's
 * long double sum) and, by default, zeroing the diagonal (stayers).
 */
import { compensatedSum } from './compensated-sum.ts';

/** `flowArray` row-major [orig][dest][birth] (index (o * n + d) * n + b); returns n x n row-major. */
export function sumOd(flowArray: ArrayLike<number>, n: number, zeroDiagonal = true): Float64Array {
  const od = new Float64Array(n * n);
  for (let o = 0; o < n; o++) {
    for (let d = 0; d < n; d++) od[o * n + d] = zeroDiagonal && o === d ? 0 : compensatedSum(flowArray, (o * n + d) * n, n, 1);
  }
  return od;
}

/** Sums of the n x n x n flows over dimension `dim` (0 = orig, 1 = dest): an n x n [other][birth] table. */
export function sumOver(flows: ArrayLike<number>, n: number, dim: 0 | 1): Float64Array {
  const out = new Float64Array(n * n);
  for (let o = 0; o < n; o++) {
    for (let d = 0; d < n; d++) {
      const keep = dim === 0 ? d : o;
      for (let b = 0; b < n; b++) out[keep * n + b] += flows[(o * n + d) * n + b];
    }
  }
  return out;
}
