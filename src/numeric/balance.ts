import { isGridPair, type Factor } from './factor.ts';

/**
 * Iterative proportional fitting (Deming & Stephan 1940; as balancing factors of the constrained
 * gravity model, Wilson 1970 and Fotheringham & O'Kelly 1989): find one positive factor per level
 * of each dimension so that mu_r = kernel_r * prod_d factors[d][level_d(r)] has the per-level sums
 * `targets[d]`. Each update of one dimension is its closed-form maximiser of the Poisson
 * likelihood given the others, so every sweep raises the likelihood. One dimension takes one
 * pass; two or more alternate until the largest relative change of a factor in a sweep is below
 * `tolerance`.
 */
export interface BalanceOptions {
  /** Largest relative factor change in a sweep at which to stop. Default 1e-12. */
  tolerance?: number;
  /** Sweeps before giving up (the result then says converged: false). Default 10000. */
  maxSweeps?: number;
  /**
   * Extrapolate a dense grid's sweeps (Irons & Tuck 1969, as fixest accelerates its fixed-effect
   * fixed point): about half the sweeps to a tight tolerance. The iterates then no longer raise
   * the likelihood one by one, only the fixed point is the same; for a final tight balancing.
   */
  accelerate?: boolean;
}

export interface BalanceOutcome {
  sweeps: number;
  converged: boolean;
  /** Largest relative factor change in the last sweep. */
  change: number;
}

/** Updates `factors` in place (start from ones, or warm from a previous solution). */
export function balance(
  kernel: Float64Array,
  factors: readonly Factor[],
  targets: readonly Float64Array[],
  values: Float64Array[],
  options: BalanceOptions = {},
): BalanceOutcome {
  const tolerance = options.tolerance ?? 1e-12;
  const maxSweeps = options.maxSweeps ?? 10000;
  const nd = factors.length;
  if (nd === 0) return { sweeps: 0, converged: true, change: 0 };
  const denom = factors.map((f) => new Float64Array(f.levels));
  let change = Infinity;
  if (isGridPair(factors)) {
    const { rows, cols } = factors[0].grid!;
    if (options.accelerate) return acceleratedGridBalance(kernel, values, targets, denom[1], rows, cols, tolerance, maxSweeps);
    for (let sweep = 1; sweep <= maxSweeps; sweep++) {
      change = gridSweep(kernel, values[0], values[1], targets[0], targets[1], denom[1], rows, cols);
      if (change < tolerance) return { sweeps: sweep, converged: true, change };
    }
    return { sweeps: maxSweeps, converged: false, change };
  }
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    change = 0;
    for (let d = 0; d < nd; d++) {
      accumulate(kernel, factors, values, d, denom[d]);
      const v = values[d];
      const t = targets[d];
      const den = denom[d];
      for (let l = 0; l < v.length; l++) {
        const next = den[l] > 0 ? t[l] / den[l] : 0;
        const rel = relativeChange(v[l], next);
        if (rel > change) change = rel;
        v[l] = next;
      }
    }
    if (nd === 1 || change < tolerance) return { sweeps: sweep, converged: true, change };
  }
  return { sweeps: maxSweeps, converged: false, change };
}

/** Relative change of a factor from `v` to `next` (Infinity when a zero factor becomes positive). */
const relativeChange = (v: number, next: number): number => (v > 0 ? Math.abs(next / v - 1) : next > 0 ? Infinity : 0);

/**
 * One IPF sweep over a dense row-major grid in a single pass: each row's factor is updated from
 * its row sum, then, while the row is still in cache, the row adds its contribution under the new
 * factor to the column sums; the column factors follow. The same iterate (same sums in the same
 * order) as a row pass and then a column pass, at half the memory traffic. Returns the largest
 * relative factor change.
 */
function gridSweep(
  kernel: Float64Array, rowValues: Float64Array, colValues: Float64Array, rowTargets: Float64Array, colTargets: Float64Array,
  colSums: Float64Array, rows: number, cols: number,
): number {
  let change = 0;
  colSums.fill(0);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += kernel[base + j] * colValues[j];
    const a = s > 0 ? rowTargets[i] / s : 0;
    const rel = relativeChange(rowValues[i], a);
    if (rel > change) change = rel;
    rowValues[i] = a;
    for (let j = 0; j < cols; j++) colSums[j] += kernel[base + j] * a;
  }
  for (let j = 0; j < cols; j++) {
    const next = colSums[j] > 0 ? colTargets[j] / colSums[j] : 0;
    const rel = relativeChange(colValues[j], next);
    if (rel > change) change = rel;
    colValues[j] = next;
  }
  return change;
}

/**
 * Grid balancing with Irons-Tuck extrapolation of the column factors in log space. A sweep is the
 * map F: column factors -> column factors (rows follow from the columns), whose fixed point is
 * the balanced table. From x, F(x) and F(F(x)) the step extrapolates along the last change by the
 * ratio of successive changes (Irons & Tuck 1969, "A version of the Aitken accelerator for
 * computer iteration"; Berge 2018, fixest, uses it for the same fixed point). Factors of levels
 * with no flow stay 0 (their log is -Infinity and they take no part in the extrapolation).
 */
function acceleratedGridBalance(
  kernel: Float64Array, values: Float64Array[], targets: readonly Float64Array[], colSums: Float64Array,
  rows: number, cols: number, tolerance: number, maxSweeps: number,
): BalanceOutcome {
  const [rowValues, colValues] = values;
  const x = new Float64Array(cols);
  const gx = new Float64Array(cols);
  let sweeps = 0;
  let change = Infinity;
  const sweep = (): boolean => {
    change = gridSweep(kernel, rowValues, colValues, targets[0], targets[1], colSums, rows, cols);
    sweeps++;
    return change < tolerance;
  };
  // Safeguard: an extrapolation after which a sweep changes the factors more than the sweep
  // before it did has overshot; the rest are then plain sweeps (IPF alone always converges).
  let extrapolate = true;
  let before = Infinity;
  while (sweeps < maxSweeps) {
    for (let j = 0; j < cols; j++) x[j] = Math.log(colValues[j]);
    if (sweep() || sweeps >= maxSweeps) break;
    if (change > before) extrapolate = false;
    if (!extrapolate) continue;
    for (let j = 0; j < cols; j++) gx[j] = Math.log(colValues[j]);
    if (sweep() || sweeps >= maxSweeps) break;
    before = change;
    // colValues now hold F(F(x)): extrapolate from the three iterates.
    let num = 0;
    let den = 0;
    for (let j = 0; j < cols; j++) {
      if (!(colValues[j] > 0) || !Number.isFinite(x[j])) continue;
      const d1 = Math.log(colValues[j]) - gx[j];
      const d2 = d1 - (gx[j] - x[j]);
      num += d1 * d2;
      den += d2 * d2;
    }
    const coef = num / den;
    if (!(den > 0) || !Number.isFinite(coef)) continue;
    for (let j = 0; j < cols; j++) {
      if (!(colValues[j] > 0) || !Number.isFinite(x[j])) continue;
      const ggx = Math.log(colValues[j]);
      colValues[j] = Math.exp(ggx - coef * (ggx - gx[j]));
    }
  }
  // The loop ends on a plain sweep: rows and columns agree and `change` is that sweep's.
  return { sweeps, converged: change < tolerance, change };
}

/** den[l] = sum over rows of level l of dimension d of kernel * the other dimensions' factors. */
function accumulate(kernel: Float64Array, factors: readonly Factor[], values: Float64Array[], d: number, den: Float64Array): void {
  const n = kernel.length;
  const own = factors[d].index;
  den.fill(0);
  if (factors.length === 1) {
    for (let r = 0; r < n; r++) den[own[r]] += kernel[r];
  } else if (factors.length === 2) {
    const other = factors[1 - d].index;
    const ov = values[1 - d];
    for (let r = 0; r < n; r++) den[own[r]] += kernel[r] * ov[other[r]];
  } else {
    for (let r = 0; r < n; r++) {
      let k = kernel[r];
      for (let e = 0; e < factors.length; e++) if (e !== d) k *= values[e][factors[e].index[r]];
      den[own[r]] += k;
    }
  }
}

/** mu_r = kernel_r * prod_d values[d][level]; written into `out`. */
export function applyFactors(kernel: Float64Array, factors: readonly Factor[], values: readonly Float64Array[], out: Float64Array): void {
  const n = kernel.length;
  if (isGridPair(factors)) {
    const { rows, cols } = factors[0].grid!;
    const va = values[0];
    const vb = values[1];
    for (let i = 0; i < rows; i++) {
      const a = va[i];
      const base = i * cols;
      for (let j = 0; j < cols; j++) out[base + j] = kernel[base + j] * a * vb[j];
    }
  } else if (factors.length === 0) out.set(kernel);
  else if (factors.length === 1) {
    const a = factors[0].index;
    const va = values[0];
    for (let r = 0; r < n; r++) out[r] = kernel[r] * va[a[r]];
  } else if (factors.length === 2) {
    const a = factors[0].index;
    const b = factors[1].index;
    const va = values[0];
    const vb = values[1];
    for (let r = 0; r < n; r++) out[r] = kernel[r] * va[a[r]] * vb[b[r]];
  } else {
    for (let r = 0; r < n; r++) {
      let k = kernel[r];
      for (let e = 0; e < factors.length; e++) k *= values[e][factors[e].index[r]];
      out[r] = k;
    }
  }
}
