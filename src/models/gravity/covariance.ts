import { groupRows, MISSING } from '../../numeric/interact.ts';

/**
 * Sandwich covariances of the covariate coefficients from the demeaned design (Frisch-Waugh-
 * Lovell: the covariate block of the full-GLM sandwich equals bread * meat * bread with the
 * fixed effects partialled out of the scores).
 *   HC0: meat = sum_r x~_r x~_r' (y_r - mu_r)^2      (R: sandwich::vcovHC(m, type = "HC0"))
 *   CR0: meat = sum_c s_c s_c', s_c = sum_{r in c} x~_r (y_r - mu_r)
 *        (R: sandwich::vcovCL(m, cluster = ~pair, type = "HC0", cadjust = FALSE))
 * Rows whose cluster is MISSING (padding of a dense grid, with no score) are skipped.
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
      for (let r = 0; r < n; r++) {
        const c = clusters.index[r];
        if (c !== MISSING) scores[c * k + a] += xa[r] * (y[r] - mu[r]);
      }
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

/** A cluster dimension over the design rows: level of each row and the number of clusters. */
export interface ClusterIndex {
  readonly index: Uint32Array;
  readonly count: number;
}

/**
 * Multiway clustered sandwich (Cameron, Gelbach & Miller 2011, "Robust inference with multiway
 * clustering"; as fixest's vcov_cluster_internal): the sum over every non-empty subset S of the
 * dimensions of (-1)^(|S|+1) f(G_S) V_S, where V_S clusters by the intersection of S's dimensions
 * and f(G) its small-sample factor (1, or G / (G - 1) per term with clusterDf 'conventional').
 * One dimension: CR0 times f(G).
 */
export function multiwaySandwich(
  bread: Float64Array,
  demeaned: readonly Float64Array[],
  y: Float64Array,
  mu: Float64Array,
  dims: readonly ClusterIndex[],
  termFactor: (groups: number) => number,
): Float64Array {
  const k = demeaned.length;
  const out = new Float64Array(k * k);
  const q = dims.length;
  for (let mask = 1; mask < 1 << q; mask++) {
    const members = dims.filter((_, i) => mask & (1 << i));
    const c = members.length === 1 ? members[0] : intersect(members);
    const sign = members.length % 2 === 1 ? 1 : -1;
    const v = sandwich(bread, demeaned, y, mu, c);
    const f = sign * termFactor(c.count);
    for (let i = 0; i < k * k; i++) out[i] += f * v[i];
  }
  return out;
}

function intersect(dims: readonly ClusterIndex[]): ClusterIndex {
  const g = groupRows(dims.map((d) => d.index), dims.map((d) => d.count));
  return { index: g.index, count: g.count };
}
