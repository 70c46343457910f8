/**
 * Dense Cholesky factorisation, solve and inverse for the small k x k symmetric positive
 * definite systems of the gravity fitter (normal equations of the few covariates once the fixed
 * effects are concentrated out). k is rarely above 20, so a hand-written O(k^3) routine is
 * simpler and safer than pulling a linear-algebra library into the pure core. Matrices are
 * row-major Float64Array of length k * k.
 */

export interface CholeskyFactor {
  readonly size: number;
  /** Lower triangle, row-major; the upper part is zero. */
  readonly lower: Float64Array;
}

/**
 * Result of trying to factor: either the factor or the first column whose pivot fell below
 * `relativeTolerance` times its diagonal (that column is a linear combination of earlier ones).
 */
export type CholeskyOutcome = { ok: true; factor: CholeskyFactor } | { ok: false; column: number; pivot: number };

export function cholesky(a: Float64Array, size: number, relativeTolerance = 1e-11): CholeskyOutcome {
  const l = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    let d = a[j * size + j];
    for (let k = 0; k < j; k++) d -= l[j * size + k] * l[j * size + k];
    if (!(d > relativeTolerance * Math.abs(a[j * size + j])) || !Number.isFinite(d)) return { ok: false, column: j, pivot: d };
    const root = Math.sqrt(d);
    l[j * size + j] = root;
    for (let i = j + 1; i < size; i++) {
      let s = a[i * size + j];
      for (let k = 0; k < j; k++) s -= l[i * size + k] * l[j * size + k];
      l[i * size + j] = s / root;
    }
  }
  return { ok: true, factor: { size, lower: l } };
}

/** Solves A x = b given A = L L'. */
export function choleskySolve(f: CholeskyFactor, b: ArrayLike<number>): Float64Array {
  const { size: n, lower: l } = f;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/** A^-1 from A = L L' (row-major, symmetric). */
export function choleskyInverse(f: CholeskyFactor): Float64Array {
  const n = f.size;
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(f, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = col[i];
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (inv[i * n + j] + inv[j * n + i]);
      inv[i * n + j] = m;
      inv[j * n + i] = m;
    }
  }
  return inv;
}

/** Row-major Float64Array to nested plain arrays (serialisable results). */
export function toNestedArray(a: Float64Array, size: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < size; i++) out.push(Array.from(a.subarray(i * size, (i + 1) * size)));
  return out;
}
