import { ConvergenceError } from '../../core/errors.ts';
import { applyFactors, balance } from '../../numeric/balance.ts';
import { cholesky, choleskyInverse, choleskySolve } from '../../numeric/cholesky.ts';
import { demean } from '../../numeric/demean.ts';
import type { Factor } from '../../numeric/factor.ts';
import { sumByLevel } from '../../numeric/factor.ts';
import { collinearityError } from './diagnostics.ts';

/**
 * Poisson pseudo-maximum-likelihood with concentrated fixed effects.
 *
 * Model: E[y_r] = mu_r = exp(offset_r + x_r' beta + sum_d alpha_d[level_d(r)]) (Silva & Tenreyro
 * 2006, "The log of gravity"; the constrained forms are Wilson's 1970 family as fitted by
 * Fotheringham & O'Kelly 1989, "Spatial Interaction Models: Formulations and Applications").
 *
 * Given beta, the Poisson likelihood's fixed effects have closed-form updates: the balancing
 * factors exp(alpha) that make the fitted per-level totals equal the observed ones, found by
 * iterative proportional fitting (exact in one pass for a single constraint). The profile
 * log-likelihood l(beta) = max_alpha l(beta, alpha) has gradient X'(y - mu) and Hessian
 * -X~' W X~, where X~ is X with the fixed effects partialled out by weighted demeaning (W = mu):
 * the Schur complement of the dummy block in the full GLM information matrix. So each Newton
 * step costs a few passes over the pairs and never forms a dummy column, and at convergence
 * (X~' W X~)^-1 is exactly the covariance the full GLM with dummies reports (Frisch-Waugh-Lovell).
 * Steps are halved until the profile log-likelihood does not decrease, so the trace is monotone.
 * Start: one weighted least-squares step from mu = y + 0.1, as R's glm.fit starts.
 */
export interface PpmlProblem {
  readonly y: Float64Array;
  readonly columns: readonly Float64Array[];
  readonly names: readonly string[];
  readonly offset: Float64Array | null;
  readonly factors: readonly Factor[];
}

export interface PpmlOptions {
  readonly tolerance: number;
  readonly maxIterations: number;
}

export interface PpmlSolution {
  readonly beta: Float64Array;
  /** log of the balancing factors per factor level (the fixed effects, shift included in the first). */
  readonly alpha: Float64Array[];
  readonly mu: Float64Array;
  /** Columns with the fixed effects partialled out under the final weights mu. */
  readonly demeaned: Float64Array[];
  /** (X~' W X~)^-1, row-major k x k. */
  readonly covariance: Float64Array;
  /** sum(y log mu - mu) at the solution. */
  readonly kernelLogLikelihood: number;
  readonly trace: number[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopReason: string;
  readonly balanceSweeps: number;
  readonly demeanSweeps: number;
}

const BALANCE_TOLERANCE = 1e-13;
const STEP_DEMEAN_TOLERANCE = 1e-9;
const FINAL_DEMEAN_TOLERANCE = 1e-13;

export function fitPpml(p: PpmlProblem, options: PpmlOptions): PpmlSolution {
  const { y, columns, offset, factors } = p;
  const n = y.length;
  const k = columns.length;
  const targets = factors.map((f) => sumByLevel(f, y));
  let sumY = 0;
  for (let r = 0; r < n; r++) sumY += y[r];
  let balanceSweeps = 0;
  let demeanSweeps = 0;

  // Start (R's glm.fit): mu = y + 0.1, one weighted least-squares step on the working response.
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    w[r] = y[r] + 0.1;
    z[r] = Math.log(w[r]) + (y[r] - w[r]) / w[r] - (offset ? offset[r] : 0);
  }
  const demeaned = columns.map((c) => Float64Array.from(c));
  const rawSS = columns.map((c) => weightedDot(c, c, w));
  demeanSweeps += demean([z, ...demeaned], w, factors, { tolerance: STEP_DEMEAN_TOLERANCE }).sweeps;
  const gram0 = gram(demeaned, w);
  const f0 = cholesky(gram0, k, 1e-10);
  if (!f0.ok) {
    const ss = demeaned.map((c) => weightedDot(c, c, w));
    throw collinearityError(p.names, factors.map((f) => f.name), rawSS, ss, gram0, f0.column);
  }
  let beta = choleskySolve(f0.factor, demeaned.map((c) => weightedDot(c, z, w)));

  // Shift the linear predictor so exp() cannot overflow; the fixed effects absorb the shift.
  let shift = 0;
  if (factors.length) {
    shift = -Infinity;
    for (let r = 0; r < n; r++) {
      let e = offset ? offset[r] : 0;
      for (let j = 0; j < k; j++) e += columns[j][r] * beta[j];
      if (e > shift) shift = e;
    }
  }

  let kernel = new Float64Array(n);
  let trial = new Float64Array(n);
  let factorValues = factors.map((f) => new Float64Array(f.levels).fill(1));
  const evaluate = (b: Float64Array, out: Float64Array, values: Float64Array[]): number => {
    let sumYEta = 0;
    let sumK = 0;
    for (let r = 0; r < n; r++) {
      let e = (offset ? offset[r] : 0) - shift;
      for (let j = 0; j < k; j++) e += columns[j][r] * b[j];
      const kr = Math.exp(e);
      out[r] = kr;
      sumYEta += y[r] * e;
      sumK += kr;
    }
    if (!Number.isFinite(sumK) || !Number.isFinite(sumYEta)) return -Infinity;
    const b0 = balance(out, factors, targets, values, { tolerance: BALANCE_TOLERANCE });
    balanceSweeps += b0.sweeps;
    let ell = sumYEta - (factors.length ? sumY : sumK);
    for (let d = 0; d < factors.length; d++) {
      const t = targets[d];
      const v = values[d];
      for (let l = 0; l < v.length; l++) ell += t[l] * Math.log(v[l]);
    }
    return Number.isFinite(ell) ? ell : -Infinity;
  };

  let ell = evaluate(beta, kernel, factorValues);
  if (!Number.isFinite(ell)) throw new ConvergenceError('the starting values give a non-finite likelihood (check for extreme covariate values)', 0);
  const trace = [ell];
  const mu = new Float64Array(n);
  let converged = false;
  let stopReason = `reached maxIterations (${options.maxIterations}) before the Newton step fell below the tolerance`;
  let iterations = 0;
  let hessian = gram0;
  for (let it = 1; it <= options.maxIterations; it++) {
    iterations = it;
    applyFactors(kernel, factors, factorValues, mu);
    const gradient = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const x = columns[j];
      let s = 0;
      for (let r = 0; r < n; r++) s += x[r] * (y[r] - mu[r]);
      gradient[j] = s;
    }
    demeanSweeps += demean(demeaned, mu, factors, { tolerance: STEP_DEMEAN_TOLERANCE }).sweeps;
    hessian = gram(demeaned, mu);
    const fh = cholesky(hessian, k, 1e-13);
    if (!fh.ok) {
      const ss = demeaned.map((c) => weightedDot(c, c, mu));
      throw collinearityError(p.names, factors.map((f) => f.name), columns.map((c) => weightedDot(c, c, mu)), ss, hessian, fh.column);
    }
    const delta = choleskySolve(fh.factor, gradient);
    const inv = choleskyInverse(fh.factor);
    let step = 1;
    let accepted = false;
    for (let halving = 0; halving < 60; halving++) {
      const b = beta.map((v, j) => v + step * delta[j]);
      const values = factorValues.map((v) => Float64Array.from(v));
      const ellTrial = evaluate(b, trial, values);
      if (ellTrial >= ell) {
        beta = b;
        factorValues = values;
        [kernel, trial] = [trial, kernel];
        ell = ellTrial;
        accepted = true;
        break;
      }
      step /= 2;
    }
    let largest = 0;
    for (let j = 0; j < k; j++) largest = Math.max(largest, Math.abs(step * delta[j]) / (Math.abs(beta[j]) + Math.sqrt(inv[j * k + j])));
    if (!accepted) {
      converged = largest < Math.sqrt(options.tolerance);
      stopReason = converged
        ? 'the likelihood cannot be raised further at machine precision (Newton step below sqrt(tolerance))'
        : 'line search failed: no step along the Newton direction raises the likelihood';
      break;
    }
    trace.push(ell);
    if (largest < options.tolerance) {
      converged = true;
      stopReason = `relative Newton step ${largest.toExponential(2)} below tolerance ${options.tolerance}`;
      break;
    }
  }

  // Final weights: exact covariance of the covariates at the solution.
  applyFactors(kernel, factors, factorValues, mu);
  demeanSweeps += demean(demeaned, mu, factors, { tolerance: FINAL_DEMEAN_TOLERANCE }).sweeps;
  hessian = gram(demeaned, mu);
  const ff = cholesky(hessian, k, 1e-13);
  if (!ff.ok) {
    throw collinearityError(p.names, factors.map((f) => f.name), columns.map((c) => weightedDot(c, c, mu)), demeaned.map((c) => weightedDot(c, c, mu)), hessian, ff.column);
  }
  const alpha = factorValues.map((v) => v.map((x) => Math.log(x)));
  if (alpha.length) for (let l = 0; l < alpha[0].length; l++) alpha[0][l] -= shift;
  return {
    beta,
    alpha,
    mu,
    demeaned,
    covariance: choleskyInverse(ff.factor),
    kernelLogLikelihood: ell,
    trace,
    iterations,
    converged,
    stopReason,
    balanceSweeps,
    demeanSweeps,
  };
}

function weightedDot(a: Float64Array, b: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let r = 0; r < w.length; r++) s += w[r] * a[r] * b[r];
  return s;
}

/** Row-major k x k weighted cross-product X' diag(w) X. */
function gram(cols: readonly Float64Array[], w: Float64Array): Float64Array {
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
