/**
 * Sandwich covariances of the covariate coefficients from the demeaned design (Frisch-Waugh-
 * Lovell: the covariate block of the full-GLM sandwich equals bread * meat * bread with the
 * fixed effects partialled out of the scores).
 *   HC0: meat = sum_r x~_r x~_r' (y_r - mu_r)^2      (R: sandwich::vcovHC(m, type = "HC0"))
 *   CR0: meat = sum_c s_c s_c', s_c = sum_{r in c} x~_r (y_r - mu_r)
 *        (R: sandwich::vcovCL(m, cluster = ~pair, type = "HC0", cadjust = FALSE))
 */
export function sandwich(
  bread: Float64Array,
  demeaned: readonly Float64Array[],
  y: Float64Array,
  mu: Float64Array,
  clusters: { index: Uint32Array; count: number } | null,
): Float64Array {
  const k = demeaned.length;
  const n = y.length;
  const meat = new Float64Array(k * k);
  if (clusters === null) {
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        const xa = demeaned[a];
        const xb = demeaned[b];
        let s = 0;
        for (let r = 0; r < n; r++) {
          const e = y[r] - mu[r];
          s += xa[r] * xb[r] * e * e;
        }
        meat[a * k + b] = s;
        meat[b * k + a] = s;
      }
    }
  } else {
    const scores = new Float64Array(clusters.count * k);
    for (let a = 0; a < k; a++) {
      const xa = demeaned[a];
      for (let r = 0; r < n; r++) scores[clusters.index[r] * k + a] += xa[r] * (y[r] - mu[r]);
    }
    for (let c = 0; c < clusters.count; c++) {
      for (let a = 0; a < k; a++) {
        const sa = scores[c * k + a];
        for (let b = 0; b < k; b++) meat[a * k + b] += sa * scores[c * k + b];
      }
    }
  }
  return multiply(multiply(bread, meat, k), bread, k);
}

function multiply(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += a[i * k + l] * b[l * k + j];
      out[i * k + j] = s;
    }
  }
  return out;
}
