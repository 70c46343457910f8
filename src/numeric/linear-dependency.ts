import { cholesky, choleskySolve } from './cholesky.ts';

/**
 * Which earlier columns a column depends on: regresses column `column` of a Gram matrix (k x k,
 * row-major, X'WX for some weights) on columns 0..column-1 and returns the indices whose share
 * |c_a| sqrt(G_aa) exceeds `threshold` sqrt(G_jj). Used when a Cholesky pivot fails, to name
 * the variables a collinear one is a combination of. Empty when the earlier block is itself
 * singular or the column is (numerically) zero.
 */
export function dependsOn(gram: Float64Array, k: number, column: number, threshold = 1e-6): number[] {
  if (column === 0) return [];
  const sub = new Float64Array(column * column);
  for (let a = 0; a < column; a++) for (let b = 0; b < column; b++) sub[a * column + b] = gram[a * k + b];
  const f = cholesky(sub, column, 0);
  if (!f.ok) return [];
  const rhs = new Float64Array(column);
  for (let a = 0; a < column; a++) rhs[a] = gram[a * k + column];
  const c = choleskySolve(f.factor, rhs);
  const scale = Math.sqrt(gram[column * k + column]);
  const out: number[] = [];
  for (let a = 0; a < column; a++) if (Math.abs(c[a]) * Math.sqrt(gram[a * k + a]) > threshold * scale) out.push(a);
  return out;
}
