import { CompensatedSum } from '../../numeric/compensated-sum.ts';
import { hessianFromGradient } from '../../numeric/numerical-hessian.ts';
import type { NewtonEvaluation, NewtonProblem } from '../../numeric/newton.ts';
import { outerProductSum } from '../../numeric/sandwich-product.ts';
import type { LogitDesign } from './design.ts';
import { nestedCase, nestScratch } from './nested-case.ts';
import type { ResolvedNests } from './nests.ts';

/**
 * Nested logit log-likelihood (full information ML) with its analytic gradient; the Hessian is
 * central differences of that gradient (numerical-hessian.ts). Parameters theta = (beta, lambda).
 * For a person choosing i in nest m (nested-case.ts for the notation):
 *   log P_i          = V_i / lambda_m + (lambda_m - 1) IV_m - D
 *   d/d beta         = x_i / lambda_m + (lambda_m - 1) / lambda_m xbar_m - sum_j P_j x_j,
 *                      xbar_m = sum_{j in m} q_j x_j
 *   d/d lambda_l     = [l = m] (-V_i / lambda_m^2 + IV_m - (lambda_m - 1) Vbar_m / lambda_m^2)
 *                      - P_l (IV_l - Vbar_l / lambda_l),   Vbar_l = sum_{j in l} q_j V_j,  P_l = exp(lambda_l IV_l - D)
 * (alternatives in no nest: lambda 1, xbar = x_i). lambda <= 0 is outside the domain (value -Infinity).
 */
export interface NestedKernel extends NewtonProblem {
  /** Gradient at theta. */
  gradient(theta: Float64Array): Float64Array;
  /** Score outer products per person (robust) and per cluster (clustered). */
  meat(theta: Float64Array): { robust: Float64Array; clustered: Float64Array | null };
}

/** Newton's evaluate from a value and an analytic gradient: Hessian by central differences. */
export function withNumericalHessian(value: (theta: Float64Array) => number, gradient: (theta: Float64Array) => Float64Array): NewtonProblem['evaluate'] {
  return (theta: Float64Array): NewtonEvaluation => {
    const g = gradient(theta);
    const v = value(theta);
    if (!Number.isFinite(v)) return { value: v, gradient: g, hessian: new Float64Array(g.length * g.length) };
    return { value: v, gradient: g, hessian: hessianFromGradient(gradient, theta) };
  };
}

const VALUE = 0;
const GRADIENT = 1;
const SCORES = 2;

export function nestedKernel(design: LogitDesign, nests: ResolvedNests): NestedKernel {
  const { layout, altIndex, columns, offset, y, weight, yTotal, clusters } = design;
  const k = columns.length;
  const nNests = nests.names.length;
  const size = k + nNests;
  const stride = layout.maxCaseSize;
  const v = new Float64Array(stride);
  const p = new Float64Array(stride);
  const q = new Float64Array(stride);
  const nest = new Int32Array(stride);
  const scratch = nestScratch(nNests);
  const vbar = new Float64Array(nNests);
  const yNest = new Float64Array(nNests);
  const yv = new Float64Array(nNests);
  const xbar = new Float64Array(nNests * k);
  const xall = new Float64Array(k);
  const score = new Float64Array(size);

  function pass(theta: Float64Array, mode: number): { value: number; gradient: Float64Array; robust: Float64Array; clusterScores: Float64Array | null } {
    const lambda = theta.subarray(k);
    for (let m = 0; m < nNests; m++) if (!(lambda[m] > 0)) return { value: -Infinity, gradient: new Float64Array(size).fill(NaN), robust: new Float64Array(0), clusterScores: null };
    const ll = new CompensatedSum();
    const gradient = new Float64Array(size);
    const robust = new Float64Array(mode === SCORES ? size * size : 0);
    const clusterScores = mode === SCORES && clusters ? new Float64Array(clusters.count * size) : null;
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      const w = weight[c];
      if (n === 1 || w === 0) continue;
      if (offset) for (let i = 0; i < n; i++) v[i] = offset[s + i];
      else v.fill(0, 0, n);
      for (let a = 0; a < k; a++) {
        const b = theta[a];
        const col = columns[a];
        for (let i = 0; i < n; i++) v[i] += b * col[s + i];
      }
      for (let i = 0; i < n; i++) nest[i] = nests.nestOfAlternative[altIndex[s + i]];
      const d = nestedCase(v, nest, n, lambda, scratch, c, p, q);
      const iv = scratch.iv;
      let llc = 0;
      for (let i = 0; i < n; i++) {
        const yi = y[s + i];
        if (yi === 0) continue;
        const m = nest[i];
        llc += yi * (m < 0 ? v[i] - d : v[i] / lambda[m] + (lambda[m] - 1) * iv[m] - d);
      }
      ll.add(w * llc);
      if (mode === VALUE) continue;

      for (let t = 0; t < scratch.present; t++) {
        const m = scratch.touched[t];
        vbar[m] = 0;
        yNest[m] = 0;
        yv[m] = 0;
        xbar.fill(0, m * k, m * k + k);
      }
      xall.fill(0);
      for (let i = 0; i < n; i++) {
        const m = nest[i];
        if (m >= 0) {
          vbar[m] += q[i] * v[i];
          yNest[m] += y[s + i];
          yv[m] += y[s + i] * v[i];
        }
        for (let a = 0; a < k; a++) {
          const x = columns[a][s + i];
          xall[a] += p[i] * x;
          if (m >= 0) xbar[m * k + a] += q[i] * x;
        }
      }
      if (mode === GRADIENT) {
        const total = yTotal[c];
        for (let i = 0; i < n; i++) {
          const yi = y[s + i];
          if (yi === 0) continue;
          const m = nest[i];
          const scale = m < 0 ? yi : yi / lambda[m];
          for (let a = 0; a < k; a++) gradient[a] += w * scale * columns[a][s + i];
        }
        for (let a = 0; a < k; a++) gradient[a] -= w * total * xall[a];
        for (let t = 0; t < scratch.present; t++) {
          const m = scratch.touched[t];
          const lm = lambda[m];
          const f = (yNest[m] * (lm - 1)) / lm;
          for (let a = 0; a < k; a++) gradient[a] += w * f * xbar[m * k + a];
          const pm = Math.exp(lm * iv[m] - d);
          gradient[k + m] += w * (-yv[m] / (lm * lm) + yNest[m] * (iv[m] - ((lm - 1) * vbar[m]) / (lm * lm)) - total * pm * (iv[m] - vbar[m] / lm));
        }
        continue;
      }
      // SCORES: one score per person who chose row i.
      for (let i = 0; i < n; i++) {
        const yi = y[s + i];
        if (yi === 0) continue;
        const m = nest[i];
        for (let a = 0; a < k; a++) {
          const x = columns[a][s + i];
          score[a] = m < 0 ? x - xall[a] : x / lambda[m] + ((lambda[m] - 1) / lambda[m]) * xbar[m * k + a] - xall[a];
        }
        score.fill(0, k);
        for (let t = 0; t < scratch.present; t++) {
          const l = scratch.touched[t];
          const ll2 = lambda[l];
          score[k + l] = -Math.exp(ll2 * iv[l] - d) * (iv[l] - vbar[l] / ll2);
          if (l === m) score[k + l] += -v[i] / (ll2 * ll2) + iv[l] - ((ll2 - 1) * vbar[l]) / (ll2 * ll2);
        }
        const f = w * yi;
        for (let a = 0; a < size; a++) {
          const sa = f * score[a];
          if (clusterScores) clusterScores[clusters!.index[c] * size + a] += sa;
          for (let b = 0; b < size; b++) robust[a * size + b] += sa * score[b];
        }
      }
    }
    return { value: ll.value(), gradient, robust, clusterScores };
  }

  const gradient = (theta: Float64Array): Float64Array => pass(theta, GRADIENT).gradient;
  const value = (theta: Float64Array): number => pass(theta, VALUE).value;
  return {
    value,
    gradient,
    evaluate: withNumericalHessian(value, gradient),
    meat(theta: Float64Array) {
      const { robust, clusterScores } = pass(theta, SCORES);
      return { robust, clustered: clusterScores ? outerProductSum(clusterScores, size) : null };
    },
  };
}
