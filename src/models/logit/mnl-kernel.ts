import { CompensatedSum } from '../../numeric/compensated-sum.ts';
import type { NewtonEvaluation, NewtonProblem } from '../../numeric/newton.ts';
import { outerProductSum } from '../../numeric/sandwich-product.ts';
import type { LogitDesign } from './design.ts';

/**
 * The conditional logit likelihood and its exact derivatives (McFadden 1974, "Conditional logit
 * analysis of qualitative choice behavior"), case by case over typed arrays:
 *   V_i = offset_i + x_i'beta,  P_i = exp(V_i - lse_c),  lse_c = log sum_{j in case c} exp(V_j)
 *   l   = sum_c w_c sum_i y_i (V_i - lse_c)
 *   g   = sum_c w_c sum_i y_i (x_i - xbar_c),         xbar_c = sum_j P_j x_j
 *   H   = -sum_c w_c Y_c sum_j P_j (x_j - xbar_c)(x_j - xbar_c)',   Y_c = sum_i y_i
 * lse by the max shift (stable for any utility scale); the derivatives use centred attributes, so
 * the gradient near the optimum is not the difference of two large sums. Sums over cases are
 * compensated (Neumaier), so the line search can tell steps apart near machine precision.
 */
export interface MnlKernel extends NewtonProblem {
  /**
   * Score outer products at beta: robust = sum over persons of s s' (one score per person:
   * y_i persons chose row i, each with score x_i - xbar), clustered = sum over clusters of the
   * summed scores' outer products (null without clusters).
   */
  meat(beta: Float64Array): { robust: Float64Array; clustered: Float64Array | null };
}

export function mnlKernel(design: LogitDesign): MnlKernel {
  const { layout, columns, offset, y, weight, yTotal, clusters } = design;
  const k = columns.length;
  const stride = layout.maxCaseSize;
  const v = new Float64Array(stride);
  const p = new Float64Array(stride);
  const d = new Float64Array(k * stride);
  const tmp = new Float64Array(stride);

  /** Utilities and probabilities of the rows s..s+n-1 into v and p; returns the case's log-likelihood per unit weight. */
  function probabilities(beta: Float64Array, s: number, n: number): number {
    if (offset) for (let i = 0; i < n; i++) v[i] = offset[s + i];
    else v.fill(0, 0, n);
    for (let a = 0; a < k; a++) {
      const b = beta[a];
      if (b === 0) continue;
      const col = columns[a];
      for (let i = 0; i < n; i++) v[i] += b * col[s + i];
    }
    let m = -Infinity;
    for (let i = 0; i < n; i++) if (v[i] > m) m = v[i];
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const e = Math.exp(v[i] - m);
      p[i] = e;
      sum += e;
    }
    const lse = m + Math.log(sum);
    const inv = 1 / sum;
    let ll = 0;
    for (let i = 0; i < n; i++) {
      p[i] *= inv;
      const yi = y[s + i];
      if (yi !== 0) ll += yi * (v[i] - lse);
    }
    return ll;
  }

  /** d[a * stride + i] = x_ai - xbar_a under the probabilities in p. */
  function centre(s: number, n: number): void {
    for (let a = 0; a < k; a++) {
      const col = columns[a];
      let mean = 0;
      for (let i = 0; i < n; i++) mean += p[i] * col[s + i];
      const o = a * stride;
      for (let i = 0; i < n; i++) d[o + i] = col[s + i] - mean;
    }
  }

  function value(beta: Float64Array): number {
    const sum = new CompensatedSum();
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      if (n > 1 && weight[c] !== 0) sum.add(weight[c] * probabilities(beta, s, n));
    }
    return sum.value();
  }

  function evaluate(beta: Float64Array): NewtonEvaluation {
    const ll = new CompensatedSum();
    const gradient = new Float64Array(k);
    const hessian = new Float64Array(k * k);
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      const w = weight[c];
      if (n === 1 || w === 0) continue;
      ll.add(w * probabilities(beta, s, n));
      centre(s, n);
      for (let a = 0; a < k; a++) {
        const o = a * stride;
        let g = 0;
        for (let i = 0; i < n; i++) g += y[s + i] * d[o + i];
        gradient[a] += w * g;
      }
      const scale = -w * yTotal[c];
      for (let a = 0; a < k; a++) {
        const oa = a * stride;
        for (let i = 0; i < n; i++) tmp[i] = p[i] * d[oa + i];
        for (let b = 0; b <= a; b++) {
          const ob = b * stride;
          let h = 0;
          for (let i = 0; i < n; i++) h += tmp[i] * d[ob + i];
          hessian[a * k + b] += scale * h;
        }
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hessian[b * k + a] = hessian[a * k + b];
    return { value: ll.value(), gradient, hessian };
  }

  function meat(beta: Float64Array): { robust: Float64Array; clustered: Float64Array | null } {
    const robust = new Float64Array(k * k);
    const clusterScores = clusters ? new Float64Array(clusters.count * k) : null;
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      const w = weight[c];
      if (n === 1 || w === 0) continue;
      probabilities(beta, s, n);
      centre(s, n);
      for (let i = 0; i < n; i++) {
        const f = w * y[s + i];
        if (f === 0) continue;
        for (let a = 0; a < k; a++) {
          const da = f * d[a * stride + i];
          if (clusterScores) clusterScores[clusters!.index[c] * k + a] += da;
          for (let b = 0; b <= a; b++) robust[a * k + b] += da * d[b * stride + i];
        }
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) robust[b * k + a] = robust[a * k + b];
    return { robust, clustered: clusterScores ? outerProductSum(clusterScores, k) : null };
  }

  return { value, evaluate, meat };
}
