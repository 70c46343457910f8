/**
 * Two-way weighted demeaning on a dense row-major grid (rows = factor 0, columns = factor 1) by
 * preconditioned conjugate gradients on the fixed-effect normal equations, instead of
 * alternating projections: CG needs far fewer iterations when the weights are uneven, and each
 * iteration is one pass over the weights (a row stays in cache between its two uses).
 *
 * Minimise sum w_ij (x_ij - a_i - c_j)^2. With W the weight grid, Wr and Wc its row and column
 * sums, rx and cx the row and column sums of w x: a = (rx - W c) / Wr, and c solves
 *   S c = cx - W' (rx / Wr),   S = diag(Wc) - W' diag(1 / Wr) W,
 * a symmetric positive semi-definite system (constant vectors are its null space; the right-hand
 * side is orthogonal to them). Jacobi preconditioner diag(Wc). Stops when every column's
 * residual, in mean units, is below tolerance * scale. Then x <- x - a_i - c_j.
 */
export function demeanGridCG(
  x: Float64Array, w: Float64Array, rowWeight: Float64Array, colWeight: Float64Array, rows: number, cols: number,
  tolerance: number, maxIterations: number, coefficients: readonly Float64Array[] | undefined,
): { iterations: number; converged: boolean } {
  const rx = new Float64Array(rows);
  const cx = new Float64Array(cols);
  const ss = weightedSums(x, w, rx, cx, rows, cols);
  let total = 0;
  for (let i = 0; i < rows; i++) total += rowWeight[i];
  const scale = Math.sqrt(ss / total) || 1;
  const invRow = Float64Array.from(rowWeight, (v) => (v > 0 ? 1 / v : 0));
  const invCol = Float64Array.from(colWeight, (v) => (v > 0 ? 1 / v : 0));
  // b = cx - W' (rx / Wr)
  const t = Float64Array.from(rx, (v, i) => v * invRow[i]);
  const r = new Float64Array(cols);
  colProduct(w, t, r, rows, cols);
  for (let j = 0; j < cols; j++) r[j] = cx[j] - r[j];
  const c = new Float64Array(cols);
  const z = new Float64Array(cols);
  const p = new Float64Array(cols);
  const q = new Float64Array(cols);
  const residual = (): number => {
    let m = 0;
    for (let j = 0; j < cols; j++) m = Math.max(m, Math.abs(r[j]) * invCol[j]);
    return m / scale;
  };
  let iterations = 0;
  let converged = residual() < tolerance;
  if (!converged) {
    let rz = 0;
    for (let j = 0; j < cols; j++) {
      z[j] = r[j] * invCol[j];
      p[j] = z[j];
      rz += r[j] * z[j];
    }
    while (iterations < maxIterations) {
      iterations++;
      schurProduct(w, p, q, colWeight, invRow, rows, cols);
      let pq = 0;
      for (let j = 0; j < cols; j++) pq += p[j] * q[j];
      if (!(pq > 0)) break;
      const alpha = rz / pq;
      for (let j = 0; j < cols; j++) {
        c[j] += alpha * p[j];
        r[j] -= alpha * q[j];
      }
      if (residual() < tolerance) {
        converged = true;
        break;
      }
      let rzNext = 0;
      for (let j = 0; j < cols; j++) {
        z[j] = r[j] * invCol[j];
        rzNext += r[j] * z[j];
      }
      const beta = rzNext / rz;
      rz = rzNext;
      for (let j = 0; j < cols; j++) p[j] = z[j] + beta * p[j];
    }
  }
  const a = new Float64Array(rows);
  subtractEffects(x, w, c, rx, invRow, a, rows, cols);
  if (coefficients) {
    for (let i = 0; i < rows; i++) coefficients[0][i] += a[i];
    for (let j = 0; j < cols; j++) coefficients[1][j] += c[j];
  }
  return { iterations, converged };
}

/**
 * Row sums rx and column sums cx of w x; returns sum(w x^2). The grid's loops sit in functions of
 * their own, not inline in demeanGridCG (see models/gravity/kernels.ts on V8's on-stack
 * replacement).
 */
function weightedSums(x: Float64Array, w: Float64Array, rx: Float64Array, cx: Float64Array, rows: number, cols: number): number {
  let ss = 0;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const wx = w[base + j] * x[base + j];
      s += wx;
      cx[j] += wx;
      ss += wx * x[base + j];
    }
    rx[i] = s;
  }
  return ss;
}

/** a = (rx - W c) / Wr, then x <- x - a_i - c_j, one pass (each row in cache for both loops). */
function subtractEffects(x: Float64Array, w: Float64Array, c: Float64Array, rx: Float64Array, invRow: Float64Array, a: Float64Array, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += w[base + j] * c[j];
    const ai = (rx[i] - s) * invRow[i];
    a[i] = ai;
    for (let j = 0; j < cols; j++) x[base + j] -= ai + c[j];
  }
}

/** out = W' v (column sums of w_ij v_i). */
function colProduct(w: Float64Array, v: Float64Array, out: Float64Array, rows: number, cols: number): void {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) out[j] += w[base + j] * vi;
  }
}

/** out = S p = Wc p - W' diag(1/Wr) W p, one pass over w. */
function schurProduct(w: Float64Array, p: Float64Array, out: Float64Array, colWeight: Float64Array, invRow: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) out[j] = colWeight[j] * p[j];
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += w[base + j] * p[j];
    const ti = s * invRow[i];
    if (ti === 0) continue;
    for (let j = 0; j < cols; j++) out[j] -= w[base + j] * ti;
  }
}
