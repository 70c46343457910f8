import { CompensatedSum } from '../../numeric/compensated-sum.ts';
import type { NewtonEvaluation, NewtonProblem } from '../../numeric/newton.ts';
import { outerProductSum } from '../../numeric/sandwich-product.ts';
import { alternativeLevelColumns } from './alternative-columns.ts';
import { centreBlock, pairBlock } from './mnl-blocks.ts';
import type { LogitDesign } from './design.ts';

/**
 * The conditional logit likelihood and its exact derivatives (McFadden 1974, "Conditional logit
 * analysis of qualitative choice behavior"), case by case over typed arrays:
 *   V_i = offset_i + x_i'beta,  P_i = exp(V_i - lse_c),  lse_c = log sum_{j in case c} exp(V_j)
 *   l   = sum_c w_c sum_i y_i (V_i - lse_c)
 *   g   = sum_c w_c sum_i y_i (x_i - xbar_c),         xbar_c = sum_j P_j x_j
 *   H   = -sum_c w_c Y_c sum_j P_j (x_j - xbar_c)(x_j - xbar_c)',   Y_c = sum_i y_i
 * lse by the max shift (stable for any utility scale). The gradient is computed as the constant
 * sum_c w_c sum_i y_i x_i (once) minus sum_c w_c Y_c xbar_c. Sums of the log-likelihood over cases
 * are compensated (Neumaier), so the line search can tell steps apart near machine precision.
 *
 * Cost: attributes of the alternative alone (alternative-columns.ts; k_A of them) enter through
 * per-alternative sums, W_j = sum_c w_c Y_c P_cj and Z_j = sum_c w_c Y_c P_cj (x_R - xbar_R), so
 *   -H_AA = sum_j W_j a_j a_j' - sum_c w_c Y_c xbar_A xbar_A',   -H_AR = sum_j a_j Z_j'
 * (the xbar_A term of the AR block vanishes because the R deviations have P-weighted mean 0), and
 * only the k_R row-level terms (distances, is-home...) need per-row products, centred within the
 * case. Per row: about 2 k_R + k_R (k_R + 1) / 2 + k_A + 4 operations and one exp, instead of
 * k (k + 1) / 2 + 4 k. The alternative-level values are shifted by their mean (the probabilities
 * and every derivative are invariant to adding a constant to a column), which keeps the
 * uncentred AA sums well conditioned.
 */
export interface MnlKernel extends NewtonProblem {
  /**
   * Score outer products at beta: robust = sum over persons of s s' (one score per person:
   * y_i persons chose row i, each with score x_i - xbar), clustered = sum over clusters of the
   * summed scores' outer products (null without clusters).
   */
  meat(beta: Float64Array): { robust: Float64Array; clustered: Float64Array | null };
}

export function mnlKernel(design: LogitDesign, levels = alternativeLevelColumns(design.columns, design.altIndex, design.layout.nAlternatives)): MnlKernel {
  return new ConditionalLogitKernel(design, levels);
}

/**
 * A class, not closures: its methods are single functions shared by every kernel, so V8's
 * optimised code and type feedback carry over from one fit (or subsample fit) to the next.
 */
class ConditionalLogitKernel implements MnlKernel {
  private readonly design: LogitDesign;
  private readonly k: number;
  private readonly nAlt: number;
  private readonly stride: number;
  /** Alternative-level terms (indices into the terms) and row-level ones. */
  private readonly A: readonly number[];
  private readonly R: readonly number[];
  /** Alternative-level values, alternative-major, shifted by their mean. */
  private readonly av: Float64Array;
  /** Row-level columns in blocks of 4 (padded with the first, whose copies are ignored). */
  private readonly blocks: readonly (readonly Float64Array[])[];
  private readonly padded: readonly Float64Array[];
  /** sum_c w_c sum_i y_i x_i (alternative-level part shifted as av): the gradient's constant part. */
  private readonly xy: Float64Array;
  private readonly v: Float64Array;
  private readonly p: Float64Array;
  private readonly d: Float64Array;
  private readonly uA: Float64Array;
  private readonly bR: Float64Array;
  private readonly meanA: Float64Array;
  private readonly meanR: Float64Array;

  constructor(design: LogitDesign, levels: readonly (Float64Array | null)[]) {
    const { layout, altIndex, columns, y, weight } = design;
    this.design = design;
    const k = (this.k = columns.length);
    const nAlt = (this.nAlt = layout.nAlternatives);
    const stride = (this.stride = layout.maxCaseSize);
    const A = (this.A = levels.flatMap((v, t) => (v ? [t] : [])));
    const R = (this.R = levels.flatMap((v, t) => (v ? [] : [t])));
    const nA = A.length;
    const nR = R.length;
    const av = (this.av = new Float64Array(nAlt * nA));
    A.forEach((t, a) => {
      const values = levels[t]!;
      let mean = 0;
      for (let j = 0; j < nAlt; j++) mean += values[j] / nAlt;
      for (let j = 0; j < nAlt; j++) av[j * nA + a] = values[j] - mean;
    });
    const nB = Math.ceil(nR / 4);
    const padded = (this.padded = Array.from({ length: nB * 4 }, (_, b) => columns[R[Math.min(b, nR - 1)]]));
    this.blocks = Array.from({ length: nB }, (_, q) => padded.slice(4 * q, 4 * q + 4));
    const xy = (this.xy = new Float64Array(k));
    for (let c = 0; c < layout.nCases; c++) {
      if (layout.end[c] - layout.start[c] === 1) continue; // a single alternative carries no information
      for (let r = layout.start[c]; r < layout.end[c]; r++) {
        const f = weight[c] * y[r];
        if (f === 0) continue;
        for (let a = 0; a < nA; a++) xy[A[a]] += f * av[altIndex[r] * nA + a];
        for (let b = 0; b < nR; b++) xy[R[b]] += f * padded[b][r];
      }
    }
    this.v = new Float64Array(stride);
    this.p = new Float64Array(stride);
    this.d = new Float64Array(Math.max(nB * 4, 1) * stride);
    this.uA = new Float64Array(nAlt);
    this.bR = new Float64Array(nB * 4);
    this.meanA = new Float64Array(nA);
    this.meanR = new Float64Array(nB * 4);
  }

  /** Utilities of the alternative-level terms by alternative, and the row-level coefficients padded. */
  private prepare(beta: Float64Array): void {
    const { A, R, av, uA, bR, nAlt } = this;
    const nA = A.length;
    for (let j = 0; j < nAlt; j++) {
      let u = 0;
      for (let a = 0; a < nA; a++) u += beta[A[a]] * av[j * nA + a];
      uA[j] = u;
    }
    bR.fill(0);
    for (let b = 0; b < R.length; b++) bR[b] = beta[R[b]];
  }

  /** Utilities and probabilities of the rows s..s+n-1 into v and p; returns the case's log-likelihood per unit weight. */
  private probabilities(s: number, n: number): number {
    const { v, p, uA, bR, blocks } = this;
    const { altIndex, offset, y } = this.design;
    let m = -Infinity;
    const last = blocks.length - 1;
    if (offset) for (let i = 0; i < n; i++) v[i] = uA[altIndex[s + i]] + offset[s + i];
    else for (let i = 0; i < n; i++) v[i] = uA[altIndex[s + i]];
    for (let q = 0; q <= last; q++) {
      const [c0, c1, c2, c3] = blocks[q];
      const b0 = bR[4 * q];
      const b1 = bR[4 * q + 1];
      const b2 = bR[4 * q + 2];
      const b3 = bR[4 * q + 3];
      if (q < last) for (let i = 0; i < n; i++) v[i] += b0 * c0[s + i] + b1 * c1[s + i] + b2 * c2[s + i] + b3 * c3[s + i];
      else {
        // The last block also finds the maximum (one pass fewer).
        for (let i = 0; i < n; i++) {
          const u = v[i] + b0 * c0[s + i] + b1 * c1[s + i] + b2 * c2[s + i] + b3 * c3[s + i];
          v[i] = u;
          if (u > m) m = u;
        }
      }
    }
    if (last < 0) for (let i = 0; i < n; i++) if (v[i] > m) m = v[i];
    let sum = 0;
    let yv = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const e = Math.exp(v[i] - m);
      p[i] = e;
      sum += e;
      const yi = y[s + i];
      if (yi !== 0) {
        yv += yi * (v[i] - m);
        total += yi;
      }
    }
    const inv = 1 / sum;
    for (let i = 0; i < n; i++) p[i] *= inv;
    return yv - total * Math.log(sum);
  }

  /** meanA = sum_i p_i a_i (shifted alternative-level values) for the case's rows; adds f p_i to weightByAlt when given. */
  private alternativeMeans(s: number, n: number, weightByAlt: Float64Array | null, f: number): void {
    const { p, av, meanA } = this;
    const altIndex = this.design.altIndex;
    const nA = meanA.length;
    meanA.fill(0);
    for (let i = 0; i < n; i++) {
      const pi = p[i];
      const j = altIndex[s + i];
      if (weightByAlt) weightByAlt[j] += f * pi;
      const o = j * nA;
      for (let a = 0; a < nA; a++) meanA[a] += pi * av[o + a];
    }
  }

  /** meanR[4q..4q+3] = sum_i p_i x_i for the row-level block q. */
  private blockMeans(q: number, s: number, n: number): void {
    const p = this.p;
    const [c0, c1, c2, c3] = this.blocks[q];
    let m0 = 0;
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    for (let i = 0; i < n; i++) {
      const pi = p[i];
      m0 += pi * c0[s + i];
      m1 += pi * c1[s + i];
      m2 += pi * c2[s + i];
      m3 += pi * c3[s + i];
    }
    const meanR = this.meanR;
    meanR[4 * q] = m0;
    meanR[4 * q + 1] = m1;
    meanR[4 * q + 2] = m2;
    meanR[4 * q + 3] = m3;
  }

  value(beta: Float64Array): number {
    this.prepare(beta);
    const { layout, weight } = this.design;
    const sum = new CompensatedSum();
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      if (n > 1 && weight[c] !== 0) sum.add(weight[c] * this.probabilities(s, n));
    }
    return sum.value();
  }

  evaluate(beta: Float64Array): NewtonEvaluation {
    this.prepare(beta);
    const { k, nAlt, stride, A, R, av, p, d, meanA, meanR, blocks } = this;
    const { layout, altIndex, weight, yTotal } = this.design;
    const nA = A.length;
    const nR = R.length;
    const nB = blocks.length;
    const width = nB * 4;
    const ll = new CompensatedSum();
    const weightByAlt = new Float64Array(nAlt);
    const z = new Float64Array(nAlt * width);
    const meanSum = new Float64Array(k);
    const outerA = new Float64Array(nA * nA);
    const rr = new Float64Array(width * width);
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      const w = weight[c];
      if (n === 1 || w === 0) continue;
      ll.add(w * this.probabilities(s, n));
      const f = w * yTotal[c];
      this.alternativeMeans(s, n, weightByAlt, f);
      for (let a = 0; a < nA; a++) {
        meanSum[A[a]] += f * meanA[a];
        for (let a2 = 0; a2 <= a; a2++) outerA[a * nA + a2] += f * meanA[a] * meanA[a2];
      }
      // Row-level blocks: means, centred values (into d) and the alternative sums Z.
      for (let q = 0; q < nB; q++) {
        this.blockMeans(q, s, n);
        centreBlock(blocks[q], meanR, q, s, n, d, stride, p, f, altIndex, z, width);
      }
      for (let b = 0; b < nR; b++) meanSum[R[b]] += f * meanR[b];
      // Row-level block pairs: sum_i p_i d_P d_Q' with sixteen sums in registers.
      for (let q1 = 0; q1 < nB; q1++) {
        for (let q2 = 0; q2 <= q1; q2++) pairBlock(d, stride, 4 * q1, 4 * q2, p, n, f, rr, width);
      }
    }
    // Assemble -H by blocks, then negate into term order.
    const negH = new Float64Array(k * k);
    const set = (i: number, j: number, x: number): void => {
      negH[i * k + j] = x;
      negH[j * k + i] = x;
    };
    for (let a = 0; a < nA; a++) {
      for (let a2 = 0; a2 <= a; a2++) {
        let sum = 0;
        for (let j = 0; j < nAlt; j++) sum += weightByAlt[j] * av[j * nA + a] * av[j * nA + a2];
        set(A[a], A[a2], sum - outerA[a * nA + a2]);
      }
      for (let b = 0; b < nR; b++) {
        let sum = 0;
        for (let j = 0; j < nAlt; j++) sum += av[j * nA + a] * z[j * width + b];
        set(A[a], R[b], sum);
      }
    }
    for (let b = 0; b < nR; b++) for (let b2 = 0; b2 <= b; b2++) set(R[b], R[b2], rr[b * width + b2]);
    return { value: ll.value(), gradient: this.xy.map((x, t) => x - meanSum[t]), hessian: negH.map((x) => -x) };
  }

  meat(beta: Float64Array): { robust: Float64Array; clustered: Float64Array | null } {
    this.prepare(beta);
    const { k, A, R, av, meanA, meanR, padded, blocks } = this;
    const { layout, altIndex, y, weight, clusters } = this.design;
    const nA = A.length;
    const robust = new Float64Array(k * k);
    const clusterScores = clusters ? new Float64Array(clusters.count * k) : null;
    const score = new Float64Array(k);
    for (let c = 0; c < layout.nCases; c++) {
      const s = layout.start[c];
      const n = layout.end[c] - s;
      const w = weight[c];
      if (n === 1 || w === 0) continue;
      this.probabilities(s, n);
      this.alternativeMeans(s, n, null, 0);
      for (let q = 0; q < blocks.length; q++) this.blockMeans(q, s, n);
      // One score x_i - xbar per person choosing row i (only those rows need it).
      for (let i = 0; i < n; i++) {
        const f = w * y[s + i];
        if (f === 0) continue;
        const o = altIndex[s + i] * nA;
        for (let a = 0; a < nA; a++) score[A[a]] = av[o + a] - meanA[a];
        for (let b = 0; b < R.length; b++) score[R[b]] = padded[b][s + i] - meanR[b];
        for (let a = 0; a < k; a++) {
          const sa = f * score[a];
          if (clusterScores) clusterScores[clusters!.index[c] * k + a] += sa;
          for (let b = 0; b <= a; b++) robust[a * k + b] += sa * score[b];
        }
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) robust[b * k + a] = robust[a * k + b];
    return { robust, clustered: clusterScores ? outerProductSum(clusterScores, k) : null };
  }
}
