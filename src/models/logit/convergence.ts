import { ConvergenceError } from '../../core/errors.ts';
import type { NewtonOutcome } from '../../numeric/newton.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import type { LogitWarning } from './types.ts';
import { logitWarning } from './warning.ts';

/** What a Newton run means for a fit: converged or not, the stop reason in words and coded, and the warnings. */
export interface NewtonVerdict {
  readonly converged: boolean;
  readonly stopReason: string;
  readonly stop: CodedMessage;
  readonly warnings: LogitWarning[];
}

/**
 * The verdict on a Newton run. `every`: the conditional logit on many rows started from its
 * estimate on every `every`-th case, which the stop reason says. A run that cannot give a usable
 * answer (non-finite likelihood, singular information away from the start) throws
 * ConvergenceError; the callers diagnose singularity at the start (identification) and
 * separation before calling this.
 */
export function newtonVerdict(out: NewtonOutcome, tolerance: number, every: number | null = null): NewtonVerdict {
  const warnings: LogitWarning[] = [];
  const verdict = (converged: boolean, stop: CodedMessage): NewtonVerdict => ({ converged, stopReason: stop.message, stop, warnings });
  switch (out.stop) {
    case 'decrement':
      return verdict(true, coded('stop.logit.decrement', { decrement: out.decrement.toExponential(2), tolerance, iterations: out.iterations, every }));
    case 'max-iterations':
      if (out.iterations === 0) {
        warnings.push(logitWarning('NOT_CONVERGED', coded('choice.warn.notIterated', { decrement: out.decrement.toExponential(2) })));
        return verdict(false, coded('stop.logit.notIterated', { every }));
      }
      warnings.push(logitWarning('NOT_CONVERGED', coded('choice.warn.notConverged', { iterations: out.iterations, decrement: out.decrement.toExponential(2), tolerance })));
      return verdict(false, coded('stop.logit.iterationLimit', { iterations: out.iterations, every }));
    case 'no-ascent':
      // Near the optimum the likelihood's rounding can hide the last gain; a decrement this small
      // means the estimate is within 1e-4 standard errors of the maximum.
      if (out.decrement <= 1e-8) {
        warnings.push(logitWarning('NUMERICAL_PRECISION', coded('choice.warn.precision', { decrement: out.decrement.toExponential(2), tolerance })));
        return verdict(true, coded('stop.logit.precision', { iterations: out.iterations, every }));
      }
      warnings.push(logitWarning('NOT_CONVERGED', coded('choice.warn.lineSearch', { iterations: out.iterations, decrement: out.decrement.toExponential(2) })));
      return verdict(false, coded('stop.logit.lineSearch', { iterations: out.iterations, every }));
    case 'singular':
      throw new ConvergenceError(coded('converge.logit.singular', { iterations: out.iterations, column: out.singularColumn + 1 }), out.iterations);
    case 'non-finite':
      throw new ConvergenceError(coded('converge.logit.nonFinite', {}), 0);
  }
}

/** Warnings about the data that hold whatever the estimates. */
export function dataWarnings(singleAlternativeCases: number, nClusters: number | null): LogitWarning[] {
  const out: LogitWarning[] = [];
  if (singleAlternativeCases > 0) {
    out.push(logitWarning('SINGLE_ALTERNATIVE_CASES', coded('choice.warn.singleAlternative', { cases: singleAlternativeCases })));
  }
  if (nClusters !== null && nClusters < 30) {
    out.push(logitWarning('FEW_CLUSTERS', coded('choice.warn.fewClusters', { clusters: nClusters })));
  }
  return out;
}
