/**
 * The flows themselves (Abel 2013, section 3 and appendix): for each place of birth, a table of
 * moves between residences whose row sums are the start stocks and column sums the end stocks of
 * that birthplace, found by a three-way IPF over origin x destination x birthplace.
 */
import { rowMajor, transposedView, type DenseArray } from './dense-array.ts';
import { fitStep, type FitContext } from './fit-step.ts';
import { colSums } from './square-matrix.ts';

/**
 * stayer_assumption = TRUE (Abel 2013's quasi-independence model, "minimum migration"): for
 * birthplace k and residence a, min(start[k,a], end[k,a]) people stayed; only the remainders
 * x0[a,k] = start[k,a] - stayers (who must leave a) and x1[a,k] = end[k,a] - stayers (who must
 * arrive in a) move. x1 is first rescaled per birthplace to the column sums of x0 (they differ by
 * what the birthplace matching left, up to its IPF tolerance); then a seed of 1 off the diagonal
 * and 0 on it is fitted to x0 (margin orig x birth) and x1 (dest x birth), and the stayers are
 * added back on the diagonal. As in migest, any prior `seed` is not used on this path.
 */
export function stayerFlows(ctx: FitContext, start: Float64Array, end: Float64Array, n: number): Float64Array {
  const stayers = new Float64Array(n * n); // [residence a, birth k]
  const x0 = new Float64Array(n * n);
  const x1 = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < n; a++) {
      const s1 = start[k * n + a];
      const s2 = end[k * n + a];
      const stay = Math.min(s1, s2);
      stayers[a * n + k] = stay;
      x0[a * n + k] = s1 - stay;
      x1[a * n + k] = s2 - stay;
    }
  }
  const arrivals = fitStep(ctx, 'ffs_demo: arrivals rescaled to departures by birthplace', rowMajor([n, n], x1), [
    { over: [1], target: rowMajor([n], colSums(x0, n)) },
  ]);
  const seed = new Float64Array(n * n * n).fill(1);
  for (let a = 0; a < n; a++) for (let k = 0; k < n; k++) seed[(a * n + a) * n + k] = 0;
  const movers = fitStep(ctx, 'ffs_demo: movers (orig x dest x birth)', rowMajor([n, n, n], seed), [
    { over: [0, 2], target: rowMajor([n, n], x0) },
    { over: [1, 2], target: rowMajor([n, n], arrivals) },
  ]);
  for (let a = 0; a < n; a++) for (let k = 0; k < n; k++) movers[(a * n + a) * n + k] += stayers[a * n + k];
  return movers;
}

/**
 * stayer_assumption = FALSE (the independence model of Azose & Raftery 2019, PNAS 116(1)): the
 * prior (all ones by default) is fitted directly to the start stocks (orig x birth) and end
 * stocks (dest x birth), stayers included. An n x n prior is used for every birthplace (migest's
 * ipf_seed recycles it over the third dimension), here through a zero stride rather than a copy.
 */
export function independentFlows(ctx: FitContext, start: Float64Array, end: Float64Array, n: number, prior?: Float64Array): Float64Array {
  let seed: DenseArray;
  if (prior === undefined) seed = rowMajor([n, n, n], new Float64Array(n * n * n).fill(1));
  else if (prior.length === n * n) seed = { dims: [n, n, n], strides: [n, 1, 0], data: prior };
  else seed = rowMajor([n, n, n], prior);
  return fitStep(ctx, 'ffs_demo: flows (orig x dest x birth), independence model', seed, [
    { over: [0, 2], target: transposedView(start, n) },
    { over: [1, 2], target: transposedView(end, n) },
  ]);
}
