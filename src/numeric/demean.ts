import type { Factor } from './factor.ts';

/**
 * Weighted demeaning by the method of alternating projections (Gaure 2013, "OLS with multiple
 * high dimensional category variables"; as in lfe, reghdfe and fixest): replaces each column x by
 * its residual from the weighted least-squares projection on the dummies of all factors,
 * x~ = x - D (D'WD)^- D'W x, without forming D. For one factor one sweep is exact; for more,
 * sweeps repeat until the largest level mean removed is below `tolerance` times the column's
 * weighted root mean square. Because the projection annihilates everything in the span of D, a
 * column that was demeaned under other weights is a valid warm start.
 */
export interface DemeanOptions {
  /** Stop when every removed mean is below tolerance * column RMS. Default 1e-12. */
  tolerance?: number;
  /** Default 10000. */
  maxSweeps?: number;
}

export interface DemeanOutcome {
  sweeps: number;
  converged: boolean;
}

/** Demeans `columns` in place. */
export function demean(
  columns: readonly Float64Array[],
  weights: Float64Array,
  factors: readonly Factor[],
  options: DemeanOptions = {},
): DemeanOutcome {
  const nd = factors.length;
  if (nd === 0 || columns.length === 0) return { sweeps: 0, converged: true };
  const tolerance = options.tolerance ?? 1e-12;
  const maxSweeps = options.maxSweeps ?? 10000;
  const n = weights.length;
  const weightSums = factors.map((f) => {
    const s = new Float64Array(f.levels);
    const idx = f.index;
    for (let r = 0; r < n; r++) s[idx[r]] += weights[r];
    return s;
  });
  let totalWeight = 0;
  for (let r = 0; r < n; r++) totalWeight += weights[r];
  const scale = columns.map((x) => {
    let s = 0;
    for (let r = 0; r < n; r++) s += weights[r] * x[r] * x[r];
    return Math.sqrt(s / totalWeight) || 1;
  });
  const means = factors.map((f) => new Float64Array(f.levels));
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let largest = 0;
    for (let c = 0; c < columns.length; c++) {
      const x = columns[c];
      for (let d = 0; d < nd; d++) {
        const idx = factors[d].index;
        const m = means[d];
        const ws = weightSums[d];
        m.fill(0);
        for (let r = 0; r < n; r++) m[idx[r]] += weights[r] * x[r];
        for (let l = 0; l < m.length; l++) {
          m[l] = ws[l] > 0 ? m[l] / ws[l] : 0;
          const rel = Math.abs(m[l]) / scale[c];
          if (rel > largest) largest = rel;
        }
        for (let r = 0; r < n; r++) x[r] -= m[idx[r]];
      }
    }
    if (nd === 1 || largest < tolerance) return { sweeps: sweep, converged: true };
  }
  return { sweeps: maxSweeps, converged: false };
}
