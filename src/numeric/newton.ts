import { cholesky, choleskySolve, type CholeskyFactor } from './cholesky.ts';

/**
 * Newton's method with step halving for maximising a smooth function (a log-likelihood):
 * from theta the step is (-H)^-1 g; theta + step / 2^h is accepted for the first h at which the
 * value does not fall, so the recorded trace never decreases (backtracking as in Nocedal &
 * Wright, "Numerical Optimization", 2nd ed. 2006, sec. 3.1; halving as R's glm.fit and
 * survival's coxph.fit do). Converged when the Newton decrement g'(-H)^-1 g is below the
 * tolerance: it is twice the gain the quadratic model predicts and the squared length of the step
 * in the metric of -H, so for a log-likelihood its square root is the remaining step in standard
 * errors, whatever the scale of the parameters.
 *
 * When -H is not positive definite: with `regularise` a growing multiple of its diagonal is added
 * (Levenberg-Marquardt; Nocedal & Wright sec. 10.3) so the step is still an ascent direction;
 * otherwise it stops with reason 'singular' and the column whose Cholesky pivot failed.
 */
export interface NewtonEvaluation {
  readonly value: number;
  readonly gradient: Float64Array;
  /** Row-major k x k. */
  readonly hessian: Float64Array;
}

export interface NewtonProblem {
  /** Value, gradient and Hessian at theta. */
  evaluate(theta: Float64Array): NewtonEvaluation;
  /** Value alone (line-search trials); NaN or -Infinity marks a point outside the domain. */
  value(theta: Float64Array): number;
}

export interface NewtonOptions {
  /** Stop when g'(-H)^-1 g falls below this. */
  readonly tolerance: number;
  /** Newton steps before stopping unconverged. */
  readonly maxIterations: number;
  /** Halvings of one step before giving up. Default 50. */
  readonly maxHalvings?: number;
  /** Damp an indefinite Hessian instead of stopping. Default false. */
  readonly regularise?: boolean;
}

export type NewtonStop = 'decrement' | 'max-iterations' | 'no-ascent' | 'singular' | 'non-finite';

export interface NewtonOutcome {
  readonly theta: Float64Array;
  /** Evaluation at theta. */
  readonly evaluation: NewtonEvaluation;
  /** Cholesky factor of -H at theta, null when -H is not positive definite there. */
  readonly factor: CholeskyFactor | null;
  readonly iterations: number;
  readonly stop: NewtonStop;
  /** g'(-H)^-1 g at theta (Infinity when -H is singular). */
  readonly decrement: number;
  /** Value at the start and after every accepted step. */
  readonly trace: number[];
  /** The last accepted step (null before the first). */
  readonly lastStep: Float64Array | null;
  /** With stop 'singular': the column whose pivot failed. */
  readonly singularColumn: number;
}

export function maximiseNewton(problem: NewtonProblem, start: ArrayLike<number>, options: NewtonOptions): NewtonOutcome {
  const k = start.length;
  const maxHalvings = options.maxHalvings ?? 50;
  let theta = Float64Array.from(start);
  let ev = problem.evaluate(theta);
  const trace = [ev.value];
  let lastStep: Float64Array | null = null;
  const done = (stop: NewtonStop, factor: CholeskyFactor | null, decrement: number, iterations: number, singularColumn = -1): NewtonOutcome => ({
    theta, evaluation: ev, factor, iterations, stop, decrement, trace, lastStep, singularColumn,
  });
  if (!Number.isFinite(ev.value) || !allFinite(ev.gradient)) return done('non-finite', null, Infinity, 0);

  for (let iteration = 0; ; iteration++) {
    const negH = ev.hessian.map((h) => -h);
    const exact = cholesky(negH, k);
    const factor: CholeskyFactor | null = exact.ok ? exact.factor : null;
    if (!exact.ok && !options.regularise) return done('singular', null, Infinity, iteration, exact.column);
    const direction = factor ? choleskySolve(factor, ev.gradient) : dampedStep(negH, ev.gradient, k);
    if (direction === null) return done('singular', null, Infinity, iteration, exact.ok ? -1 : exact.column);
    const decrement = dot(ev.gradient, direction);
    if (factor && decrement < options.tolerance) return done('decrement', factor, decrement, iteration);
    if (iteration >= options.maxIterations) return done('max-iterations', factor, factor ? decrement : Infinity, iteration);

    // Step halving: the first trial gets a full evaluation (usually accepted), later ones only the value.
    let accepted: NewtonEvaluation | null = null;
    let candidate = new Float64Array(k);
    let scale = 1;
    for (let h = 0; h <= maxHalvings && accepted === null; h++, scale /= 2) {
      candidate = theta.map((t, j) => t + scale * direction[j]);
      if (h === 0) {
        const trial = problem.evaluate(candidate);
        if (trial.value >= ev.value && allFinite(trial.gradient)) accepted = trial;
      } else {
        const v = problem.value(candidate);
        if (v >= ev.value) {
          const trial = problem.evaluate(candidate);
          if (allFinite(trial.gradient)) accepted = trial;
        }
      }
    }
    if (accepted === null) return done('no-ascent', factor, factor ? decrement : Infinity, iteration);
    lastStep = candidate.map((c, j) => c - theta[j]);
    theta = candidate;
    ev = accepted;
    trace.push(ev.value);
  }
}

/** (-H + tau diag) step for the smallest tau in 1e-8, 1e-7, ... that makes it positive definite. */
function dampedStep(negH: Float64Array, gradient: Float64Array, k: number): Float64Array | null {
  for (let tau = 1e-8; tau <= 1e8; tau *= 10) {
    const a = Float64Array.from(negH);
    for (let j = 0; j < k; j++) a[j * k + j] += tau * Math.max(Math.abs(negH[j * k + j]), 1e-12);
    const f = cholesky(a, k);
    if (f.ok) return choleskySolve(f.factor, gradient);
  }
  return null;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}
