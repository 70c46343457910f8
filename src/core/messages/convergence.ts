import { def } from './message.ts';

/**
 * How an iterative fit stopped (`stopReason` of a result, with its coded form in
 * `messages.stopReason`) and the ConvergenceErrors of fits that cannot give a usable answer: the
 * gravity model's Poisson PML (src/models/gravity/ppml.ts) and the conditional and nested logit
 * (src/models/logit/convergence.ts, nested-logit.ts). Numbers the English has always written with
 * toExponential are passed as that text (`relative`, `decrement`), so the English stays as it was.
 */

/** A conditional logit on many rows starts from its estimate on every `every`-th case (conditional-logit.ts). */
const fromSubsample = (every: number | null) => (every !== null ? ` (started from the estimate on every ${every}th case)` : '');

export const CONVERGENCE_MESSAGES = {
  'stop.ppml.maxIterations': def({ maxIterations: 100 },
    (p) => `reached maxIterations (${p.maxIterations}) before the Newton step fell below the tolerance`),
  'stop.ppml.remainingStep': def({ relative: '3.21e-9' },
    (p) => `converged: the remaining Newton step (relative ${p.relative}) changes the log-likelihood by less than its rounding`),
  'stop.ppml.lineSearch': def({}, () => 'line search failed: no step along the Newton direction raises the likelihood'),
  'stop.ppml.finalStep': def({ relative: '3.21e-9' },
    (p) => `converged: the final Newton step (relative ${p.relative}) changes the log-likelihood by less than its rounding`),
  'stop.ppml.smallStep': def({ step: '1.20e-6', threshold: '1.0e-4' },
    (p) => `last Newton step ${p.step} (relative to |beta| + SE) below sqrt(tolerance) = ${p.threshold}: the remaining error is of order its square`),

  'stop.logit.decrement': def({ decrement: '3.21e-10', tolerance: 1e-8, iterations: 6, every: null as number | null },
    (p) => `Newton decrement g'(-H)^-1 g = ${p.decrement} below the tolerance ${p.tolerance} after ${p.iterations} iteration(s)${fromSubsample(p.every)}`),
  'stop.logit.notIterated': def({ every: null as number | null }, (p) => `evaluated at the start values (maxIterations 0)${fromSubsample(p.every)}`),
  'stop.logit.iterationLimit': def({ iterations: 100, every: null as number | null }, (p) => `iteration limit ${p.iterations} reached${fromSubsample(p.every)}`),
  'stop.logit.precision': def({ iterations: 7, every: null as number | null },
    (p) => `no further ascent at machine precision after ${p.iterations} iteration(s)${fromSubsample(p.every)}`),
  'stop.logit.lineSearch': def({ iterations: 7, every: null as number | null }, (p) => `line search failed after ${p.iterations} iteration(s)${fromSubsample(p.every)}`),

  'converge.ppml.nonFinite': def({}, () => 'the starting values give a non-finite likelihood (check for extreme covariate values)'),
  /** `column` counts from 1. */
  'converge.logit.singular': def({ iterations: 4, column: 2 },
    (p) => `the information matrix became singular at iteration ${p.iterations} (column ${p.column}); no standard errors can be computed`),
  'converge.logit.nonFinite': def({},
    () => 'the log-likelihood or its gradient is not finite at the start values (utilities overflow: rescale the attributes or give start values)'),
  'converge.nested.hessian': def({ iterations: 40 },
    (p) => `the Hessian is not negative definite at the last iterate (${p.iterations} iterations): no standard errors; try other start values or fewer nests`),
};
