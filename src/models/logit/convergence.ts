import { ConvergenceError } from '../../core/errors.ts';
import type { NewtonOutcome } from '../../numeric/newton.ts';
import { coded } from '../../core/messages/index.ts';
import type { LogitWarning } from './types.ts';
import { logitWarning } from './warning.ts';

/**
 * What a Newton run means for a fit: converged or not, the stop reason in words, and the
 * warnings. A run that cannot give a usable answer (non-finite likelihood, singular information
 * away from the start) throws ConvergenceError; the callers diagnose singularity at the start
 * (identification) and separation before calling this.
 */
export function newtonVerdict(out: NewtonOutcome, tolerance: number): { converged: boolean; stopReason: string; warnings: LogitWarning[] } {
  const warnings: LogitWarning[] = [];
  switch (out.stop) {
    case 'decrement':
      return { converged: true, stopReason: `Newton decrement g'(-H)^-1 g = ${out.decrement.toExponential(2)} below the tolerance ${tolerance} after ${out.iterations} iteration(s)`, warnings };
    case 'max-iterations':
      if (out.iterations === 0) {
        warnings.push(logitWarning('NOT_CONVERGED', coded('choice.warn.notIterated', { decrement: out.decrement.toExponential(2) })));
        return { converged: false, stopReason: 'evaluated at the start values (maxIterations 0)', warnings };
      }
      warnings.push(logitWarning('NOT_CONVERGED', coded('choice.warn.notConverged', { iterations: out.iterations, decrement: out.decrement.toExponential(2), tolerance })));
      return { converged: false, stopReason: `iteration limit ${out.iterations} reached`, warnings };
    case 'no-ascent':
      // Near the optimum the likelihood's rounding can hide the last gain; a decrement this small
      // means the estimate is within 1e-4 standard errors of the maximum.
      if (out.decrement <= 1e-8) {
        warnings.push(logitWarning('NUMERICAL_PRECISION', coded('choice.warn.precision', { decrement: out.decrement.toExponential(2), tolerance })));
        return { converged: true, stopReason: `no further ascent at machine precision after ${out.iterations} iteration(s)`, warnings };
      }
      warnings.push(logitWarning('NOT_CONVERGED', coded('choice.warn.lineSearch', { iterations: out.iterations, decrement: out.decrement.toExponential(2) })));
      return { converged: false, stopReason: `line search failed after ${out.iterations} iteration(s)`, warnings };
    case 'singular':
      throw new ConvergenceError(`the information matrix became singular at iteration ${out.iterations} (column ${out.singularColumn + 1}); no standard errors can be computed`, out.iterations);
    case 'non-finite':
      throw new ConvergenceError('the log-likelihood or its gradient is not finite at the start values (utilities overflow: rescale the attributes or give start values)', 0);
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
