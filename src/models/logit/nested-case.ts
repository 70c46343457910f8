/**
 * Choice probabilities of one case under a two-level nested logit (McFadden 1978, "Modelling the
 * choice of residential location"; Ben-Akiva & Lerman 1985, ch. 10), lambda parametrisation:
 *   q_i  = exp(V_i / lambda_m - IV_m),   IV_m = log sum_{j in m} exp(V_j / lambda_m)
 *   P_i  = q_i exp(lambda_m IV_m - D),   D    = log sum_l exp(lambda_l IV_l)
 * An alternative in no nest is a nest of its own with lambda 1 (so lambda_m IV_m = V_i and q_i = 1);
 * with no nests at all this is the multinomial logit. Every log-sum is shifted by its maximum.
 * Shared by the nested likelihood and by prediction.
 */
export interface NestScratch {
  /** Per nest: max of V / lambda, then the log-sum IV_m. */
  readonly iv: Float64Array;
  readonly sum: Float64Array;
  /** Per nest: the case that last touched it (nests absent from a case are stale). */
  readonly stamp: Int32Array;
  /** Nests present in the current case, first `present` entries. */
  readonly touched: Int32Array;
  present: number;
}

export function nestScratch(nNests: number): NestScratch {
  return { iv: new Float64Array(nNests), sum: new Float64Array(nNests), stamp: new Int32Array(nNests).fill(-1), touched: new Int32Array(nNests), present: 0 };
}

/**
 * For utilities v[0..n-1] of one case and nest ids nest[0..n-1] (-1 = none): fills p (the
 * probabilities) and q (within-nest probabilities, 1 outside nests), leaves IV_m in scratch.iv
 * for the present nests, and returns D. `caseId` must differ between successive calls.
 */
export function nestedCase(
  v: Float64Array,
  nest: Int32Array,
  n: number,
  lambda: ArrayLike<number>,
  scratch: NestScratch,
  caseId: number,
  p: Float64Array,
  q: Float64Array,
): number {
  const { iv, sum, stamp, touched } = scratch;
  scratch.present = 0;
  for (let i = 0; i < n; i++) {
    const m = nest[i];
    if (m < 0) continue;
    const u = v[i] / lambda[m];
    if (stamp[m] !== caseId) {
      stamp[m] = caseId;
      touched[scratch.present++] = m;
      iv[m] = u;
      sum[m] = 0;
    } else if (u > iv[m]) iv[m] = u;
  }
  for (let i = 0; i < n; i++) {
    const m = nest[i];
    if (m >= 0) sum[m] += Math.exp(v[i] / lambda[m] - iv[m]);
  }
  let top = -Infinity;
  for (let t = 0; t < scratch.present; t++) {
    const m = touched[t];
    iv[m] += Math.log(sum[m]);
    top = Math.max(top, lambda[m] * iv[m]);
  }
  for (let i = 0; i < n; i++) if (nest[i] < 0 && v[i] > top) top = v[i];
  let total = 0;
  for (let t = 0; t < scratch.present; t++) {
    const m = touched[t];
    total += Math.exp(lambda[m] * iv[m] - top);
  }
  for (let i = 0; i < n; i++) if (nest[i] < 0) total += Math.exp(v[i] - top);
  const d = top + Math.log(total);
  for (let i = 0; i < n; i++) {
    const m = nest[i];
    if (m < 0) {
      q[i] = 1;
      p[i] = Math.exp(v[i] - d);
    } else {
      q[i] = Math.exp(v[i] / lambda[m] - iv[m]);
      p[i] = q[i] * Math.exp(lambda[m] * iv[m] - d);
    }
  }
  return d;
}
