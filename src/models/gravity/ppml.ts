import { ConvergenceError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { applyFactors, balance } from '../../numeric/balance.ts';
import { cholesky, choleskyInverse, choleskySolve } from '../../numeric/cholesky.ts';
import { demean } from '../../numeric/demean.ts';
import { sumByLevel, type Factor } from '../../numeric/factor.ts';
import { collinearityError } from './diagnostics.ts';
import { expInPlace, expLinear, gram, linearPredictor, max, scores, sum, sumYLog, weightedDot } from './kernels.ts';
import { subsampleStart, wlsStart } from './start.ts';

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
  /** Rows that are padding of a dense grid: their expected flow is held at 0. */
  readonly padding?: Uint32Array;
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
  /** The stop reason coded (core/messages convergence.ts). */
  readonly stop: CodedMessage;
  readonly balanceSweeps: number;
  readonly demeanSweeps: number;
}

// Inexact Newton: early steps only need the fixed effects roughly (the line search guards the
// likelihood), so the balancing tolerance follows the size of the last step; the final balancing
// is tight (margins to ~1e-11). Demeaning can stay loose: what it leaves undone lies in the span
// of the dummies, which is W-orthogonal to the exact X~, so X~'WX~ is off only by its square and
// X~'(y - mu) not at all once the effects are balanced.
const FINAL_BALANCE_TOLERANCE = 1e-11;
const STEP_DEMEAN_TOLERANCE = 1e-3;
const FINAL_DEMEAN_TOLERANCE = 1e-6;
const stepTolerance = (lastStep: number, final: number): number => Math.min(1e-4, Math.max(final, 1e-3 * lastStep * lastStep));

export function fitPpml(p: PpmlProblem, options: PpmlOptions): PpmlSolution {
  const { y, columns, offset, factors } = p;
  const padding = p.padding ?? new Uint32Array(0);
  const n = y.length;
  const k = columns.length;
  const targets = factors.map((f) => sumByLevel(f, y));
  const sumY = sum(y);
  let balanceSweeps = 0;
  let demeanSweeps = 0;

  const demeaned = columns.map((c) => Float64Array.from(c));
  // columns = demeaned + D * projection: the fixed-effect part of each covariate, so a Newton
  // step delta on beta moves the effects by -projection * delta (a first-order warm start for
  // the balancing of the trial point).
  const projection = columns.map(() => factors.map((f) => new Float64Array(f.levels)));
  const z = new Float64Array(n);
  const sub = subsampleStart(p, fitPpml);
  let beta: Float64Array;
  if (sub) beta = sub;
  else {
    const start = wlsStart(p, demeaned, projection, z);
    beta = start.beta;
    demeanSweeps += start.sweeps;
  }

  // Shift the linear predictor so exp() cannot overflow; the fixed effects absorb the shift.
  let shift = 0;
  if (factors.length) {
    linearPredictor(z, columns, beta, offset, 0);
    shift = max(z);
  }

  let kernel = new Float64Array(n);
  let trial = new Float64Array(n);
  let factorValues = factors.map((f) => new Float64Array(f.levels).fill(1));
  let balanceTolerance = 1e-4;
  const evaluate = (b: Float64Array, out: Float64Array, values: Float64Array[]): number => {
    const sums = !offset && k === 1 ? expLinear(out, columns[0], b[0], -shift, y) : (linearPredictor(out, columns, b, offset, -shift), expInPlace(out, y));
    const sumYEta = sums[0];
    let sumK = sums[1];
    for (const r of padding) {
      sumK -= out[r];
      out[r] = 0;
    }
    if (!Number.isFinite(sumK) || !Number.isFinite(sumYEta)) return -Infinity;
    const b0 = balance(out, factors, targets, values, { tolerance: balanceTolerance, accelerate: true });
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
  if (!Number.isFinite(ell)) throw new ConvergenceError(coded('converge.ppml.nonFinite', {}), 0);
  const trace = [ell];
  const mu = new Float64Array(n);
  let converged = false;
  let stop = coded('stop.ppml.maxIterations', { maxIterations: options.maxIterations });
  let iterations = 0;
  let hessian: Float64Array;
  let lastStep = 1;
  for (let it = 1; it <= options.maxIterations; it++) {
    iterations = it;
    applyFactors(kernel, factors, factorValues, mu);
    demeanSweeps += demean(demeaned, mu, factors, { tolerance: STEP_DEMEAN_TOLERANCE, coefficients: projection, levelWeights: targets }).sweeps;
    balanceTolerance = stepTolerance(lastStep, FINAL_BALANCE_TOLERANCE);
    // X~'(y - mu): the covariate part of the full Newton step, exact even while the fixed effects
    // are only roughly balanced (it equals X'(y - mu) once they are exact).
    const gradient = new Float64Array(k);
    hessian = new Float64Array(k * k);
    scores(demeaned, y, mu, gradient, hessian);
    const fh = cholesky(hessian, k, 1e-13);
    if (!fh.ok) {
      const ss = demeaned.map((c) => weightedDot(c, c, mu));
      throw collinearityError(p.names, factors.map((f) => f.name), columns.map((c) => weightedDot(c, c, mu)), ss, hessian, fh.column);
    }
    const delta = choleskySolve(fh.factor, gradient);
    const inv = choleskyInverse(fh.factor);
    let predicted = 0;
    for (let j = 0; j < k; j++) predicted = Math.max(predicted, Math.abs(delta[j]) / (Math.abs(beta[j]) + Math.sqrt(inv[j * k + j])));
    // Newton converges quadratically: after a full step of relative size s the error is of order
    // s^2, so a step below sqrt(tolerance) is the last one, evaluated with the final balancing.
    const last = predicted < Math.sqrt(options.tolerance);
    if (last) balanceTolerance = FINAL_BALANCE_TOLERANCE;
    // Predicted gain of the full step; below the rounding of the log-likelihood a line search
    // cannot tell better from worse, so one rejected full step then means convergence.
    let decrement = 0;
    for (let j = 0; j < k; j++) decrement += gradient[j] * delta[j];
    const flat = decrement / 2 < 1e-13 * (Math.abs(ell) + 1);
    let step = 1;
    let accepted = false;
    for (let halving = 0; halving < (flat || last ? 1 : 60); halving++) {
      const b = beta.map((v, j) => v + step * delta[j]);
      const values = factorValues.map((v, d) => {
        const out = Float64Array.from(v);
        for (let l = 0; l < out.length; l++) {
          let move = 0;
          for (let j = 0; j < k; j++) move += step * delta[j] * projection[j][d][l];
          out[l] *= Math.exp(-move);
        }
        return out;
      });
      const ellTrial = evaluate(b, trial, values);
      // A flat full step is taken even when rounding makes it look a hair worse: the quadratic
      // model is exact there, and stopping one step short leaves an error of the step's size
      // (1e-7 relative on Korea 2019 against glm and fixest).
      const withinRounding = flat && halving === 0 && Number.isFinite(ellTrial) && ellTrial >= ell - 1e-12 * (Math.abs(ell) + 1);
      if (ellTrial >= ell || withinRounding) {
        beta = b;
        factorValues = values;
        [kernel, trial] = [trial, kernel];
        if (ellTrial >= ell) trace.push(ellTrial);
        ell = Math.max(ell, ellTrial);
        accepted = true;
        break;
      }
      step /= 2;
    }
    let largest = 0;
    for (let j = 0; j < k; j++) largest = Math.max(largest, Math.abs(step * delta[j]) / (Math.abs(beta[j]) + Math.sqrt(inv[j * k + j])));
    if (!accepted) {
      converged = flat || last;
      stop = converged ? coded('stop.ppml.remainingStep', { relative: predicted.toExponential(2) }) : coded('stop.ppml.lineSearch', {});
      break;
    }
    lastStep = largest;
    if (flat) {
      converged = true;
      stop = coded('stop.ppml.finalStep', { relative: largest.toExponential(2) });
      break;
    }
    if (last || largest < options.tolerance) {
      converged = true;
      stop = coded('stop.ppml.smallStep', { step: largest.toExponential(2), threshold: Math.sqrt(options.tolerance).toExponential(1) });
      break;
    }
  }

  // Final: tight balancing (it can only raise the likelihood) and the exact covariance there.
  if (factors.length > 1) {
    const bt = balance(kernel, factors, targets, factorValues, { tolerance: FINAL_BALANCE_TOLERANCE, accelerate: true });
    balanceSweeps += bt.sweeps;
    let ellFinal = sumYLog(y, kernel) - sumY;
    for (let d = 0; d < factors.length; d++) for (let l = 0; l < factorValues[d].length; l++) ellFinal += targets[d][l] * Math.log(factorValues[d][l]);
    if (ellFinal > ell) trace.push(ellFinal);
    ell = Math.max(ell, ellFinal);
  }
  applyFactors(kernel, factors, factorValues, mu);
  demeanSweeps += demean(demeaned, mu, factors, { tolerance: FINAL_DEMEAN_TOLERANCE, coefficients: projection }).sweeps;
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
    stopReason: stop.message,
    stop,
    balanceSweeps,
    demeanSweeps,
  };
}
