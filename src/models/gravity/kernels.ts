/**
 * Tight loops of the PPML fitter, kept small and monomorphic so V8 optimises them well. Every
 * loop over the rows lives in a function of its own like these, not inline in the functions
 * that orchestrate a fit: V8 compiles a long-running loop on the fly (on-stack replacement)
 * with the type feedback gathered so far, so code after the loop that has not run yet is
 * compiled blind and sends the whole function back to the interpreter when reached; in a
 * large orchestrating function the next loops then run interpreted too, on every fit (4-7 such
 * bail-outs per fit at N = 400 until every row loop was moved out).
 */

/** sum(x). */
export function sum(x: Float64Array): number {
  let s = 0;
  for (let r = 0; r < x.length; r++) s += x[r];
  return s;
}

/** max(x) (-Infinity when empty). */
export function max(x: Float64Array): number {
  let m = -Infinity;
  for (let r = 0; r < x.length; r++) if (x[r] > m) m = x[r];
  return m;
}

/** sum(y log k) over the rows with y > 0. */
export function sumYLog(y: Float64Array, k: Float64Array): number {
  let s = 0;
  for (let r = 0; r < y.length; r++) if (y[r] > 0) s += y[r] * Math.log(k[r]);
  return s;
}

/** gradient = X~'(y - mu), hessian = X~' diag(mu) X~ in one pass per column pair. */
export function scores(cols: readonly Float64Array[], y: Float64Array, mu: Float64Array, gradient: Float64Array, hessian: Float64Array): void {
  const k = cols.length;
  for (let a = 0; a < k; a++) {
    const xa = cols[a];
    let g = 0;
    let h = 0;
    for (let r = 0; r < xa.length; r++) {
      const v = xa[r];
      g += v * (y[r] - mu[r]);
      h += mu[r] * v * v;
    }
    gradient[a] = g;
    hessian[a * k + a] = h;
    for (let b = 0; b < a; b++) {
      const v = weightedDot(xa, cols[b], mu);
      hessian[a * k + b] = v;
      hessian[b * k + a] = v;
    }
  }
}

/** out = exp(constant + b x) in one pass; returns [sum(y * eta), sum(out)]. */
export function expLinear(out: Float64Array, x: Float64Array, b: number, constant: number, y: Float64Array): [number, number] {
  let sumYEta = 0;
  let sumK = 0;
  for (let r = 0; r < out.length; r++) {
    const e = constant + b * x[r];
    sumYEta += y[r] * e;
    const kr = Math.exp(e);
    out[r] = kr;
    sumK += kr;
  }
  return [sumYEta, sumK];
}

/** out <- exp(out); returns [sum(y * out_before), sum(exp(out))]. */
export function expInPlace(out: Float64Array, y: Float64Array): [number, number] {
  let sumYEta = 0;
  let sumK = 0;
  for (let r = 0; r < out.length; r++) {
    const e = out[r];
    sumYEta += y[r] * e;
    const kr = Math.exp(e);
    out[r] = kr;
    sumK += kr;
  }
  return [sumYEta, sumK];
}

/** out = offset + constant + sum_j beta_j x_j, column by column (tight loops). */
export function linearPredictor(out: Float64Array, columns: readonly Float64Array[], beta: Float64Array, offset: Float64Array | null, constant: number): void {
  if (!offset && columns.length === 1) {
    const x = columns[0];
    const b = beta[0];
    for (let r = 0; r < out.length; r++) out[r] = constant + b * x[r];
    return;
  }
  if (offset) for (let r = 0; r < out.length; r++) out[r] = offset[r] + constant;
  else out.fill(constant);
  for (let j = 0; j < columns.length; j++) axpy(out, beta[j], columns[j]);
}

export function axpy(out: Float64Array, a: number, x: Float64Array): void {
  for (let r = 0; r < out.length; r++) out[r] += a * x[r];
}

export function weightedDot(a: Float64Array, b: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let r = 0; r < w.length; r++) s += w[r] * a[r] * b[r];
  return s;
}

/** Row-major k x k weighted cross-product X' diag(w) X. */
export function gram(cols: readonly Float64Array[], w: Float64Array): Float64Array {
  const k = cols.length;
  const g = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const v = weightedDot(cols[a], cols[b], w);
      g[a * k + b] = v;
      g[b * k + a] = v;
    }
  }
  return g;
}
