import { SpecError } from '../../core/errors.ts';

/**
 * Eigen-decomposition of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * "Matrix Computations", 4th ed., 2013, Algorithms 8.5.1 (symmetric Schur 2x2) and 8.5.3 (cyclic
 * Jacobi)). Each sweep zeroes every off-diagonal entry once by a plane rotation; convergence is
 * quadratic, and the method is accurate for the small matrices used here (correlation matrices
 * of a few to a few dozen indicators). O(n^3) per sweep: not for large n.
 *
 * Result: eigenvalues in descending order, `vectors[k]` the unit eigenvector of `values[k]`.
 * Sign convention (eigenvectors are defined up to sign): the sum of a vector's components is
 * positive; when it is zero (within 1e-12), its first non-zero component is positive.
 */
export interface EigenResult {
  values: number[];
  vectors: number[][];
  sweeps: number;
  converged: boolean;
  /** Off-diagonal Frobenius norm left when iteration stopped. */
  offNorm: number;
}

export interface JacobiOptions {
  /** Stop when off-diagonal norm <= tolerance * Frobenius norm of A. Default 1e-14. */
  tolerance?: number;
  /** Maximum number of sweeps. Default 100 (a few are usually enough). */
  maxSweeps?: number;
}

/** `a` is n x n row-major (Float64Array or number[]), symmetric to within 1e-10 relative. */
export function symmetricEigen(a: ArrayLike<number>, n: number, options: JacobiOptions = {}): EigenResult {
  const tolerance = options.tolerance ?? 1e-14;
  const maxSweeps = options.maxSweeps ?? 100;
  checkSymmetric(a, n);
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;

  let total = 0;
  for (let i = 0; i < n * n; i++) total += m[i] * m[i];
  const target = tolerance * Math.sqrt(total);

  let sweeps = 0;
  let off = offNorm(m, n);
  while (off > target && sweeps < maxSweeps) {
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q];
        if (apq === 0) continue;
        // Symmetric Schur: choose c, s so that the rotated (p, q) entry is zero.
        const tau = (m[q * n + q] - m[p * n + p]) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        rotate(m, v, n, p, q, c, s);
      }
    }
    sweeps++;
    off = offNorm(m, n);
  }

  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j] - m[i * n + i]);
  const values = order.map((i) => m[i * n + i]);
  const vectors = order.map((k) => orient(Array.from({ length: n }, (_, i) => v[i * n + k])));
  return { values, vectors, sweeps, converged: off <= target, offNorm: off };
}

/** A <- J^T A J and V <- V J for the rotation J(p, q, c, s). */
function rotate(m: Float64Array, v: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const mkp = m[k * n + p];
    const mkq = m[k * n + q];
    m[k * n + p] = c * mkp - s * mkq;
    m[k * n + q] = s * mkp + c * mkq;
  }
  for (let k = 0; k < n; k++) {
    const mpk = m[p * n + k];
    const mqk = m[q * n + k];
    m[p * n + k] = c * mpk - s * mqk;
    m[q * n + k] = s * mpk + c * mqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

function offNorm(m: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) s += m[i * n + j] * m[i * n + j];
  return Math.sqrt(s);
}

function orient(vec: number[]): number[] {
  const sum = vec.reduce((a, b) => a + b, 0);
  let sign = sum > 1e-12 ? 1 : sum < -1e-12 ? -1 : 0;
  if (sign === 0) {
    const first = vec.find((x) => Math.abs(x) > 1e-12) ?? 1;
    sign = first > 0 ? 1 : -1;
  }
  return sign > 0 ? vec : vec.map((x) => -x);
}

function checkSymmetric(a: ArrayLike<number>, n: number): void {
  if (!Number.isInteger(n) || n < 1 || a.length !== n * n) throw new SpecError(`expected an n x n matrix with n = ${n}, got ${a.length} entries`, 'matrix');
  let scale = 0;
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(a[i])) throw new SpecError(`matrix entry (${Math.floor(i / n)}, ${i % n}) is ${a[i]}`, 'matrix');
    scale = Math.max(scale, Math.abs(a[i]));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(a[i * n + j] - a[j * n + i]) > 1e-10 * Math.max(1, scale)) {
        throw new SpecError(`matrix is not symmetric at (${i}, ${j}): ${a[i * n + j]} vs ${a[j * n + i]}`, 'matrix');
      }
    }
  }
}
