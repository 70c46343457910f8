import { choleskyInverse } from '../../numeric/cholesky.ts';
import { maximiseNewton } from '../../numeric/newton.ts';
import { alternativeLevelColumns } from './alternative-columns.ts';
import { checkClusterCount } from './check.ts';
import { dataWarnings, newtonVerdict } from './convergence.ts';
import { buildLogitDesign } from './design.ts';
import { checkSeparation, identificationError } from './diagnostics.ts';
import { fitStatistics, logitInference } from './inference.ts';
import { mnlKernel } from './mnl-kernel.ts';
import { resolveLogitSpec } from './spec.ts';
import { subsampleStart } from './subsample.ts';
import type { ChoiceData, ConditionalLogitResult, ConditionalLogitSpec } from './types.ts';

/**
 * Conditional logit by exact maximum likelihood (McFadden 1974, "Conditional logit analysis of
 * qualitative choice behavior", in Zarembka (ed.), Frontiers in Econometrics): Newton's method
 * with the analytic gradient and Hessian (mnl-kernel.ts) and step halving, from 0 (or spec.start;
 * above 200,000 rows from the estimate on a subsample of the cases, subsample.ts).
 * The same likelihood as survival::clogit(chosen ~ terms + strata(case)) with one chosen row per
 * case, and as Biogeme's multinomial logit with availability = presence of a row.
 *
 * Throws SpecError / InputError naming the bad field, row or column; NotIdentifiedError for a
 * term constant within every case; CollinearityError naming collinear terms; SeparationError when
 * coefficients diverge; ConvergenceError when no usable answer exists. Everything else worth
 * knowing (non-convergence, few clusters...) is in `warnings`.
 */
export function fitConditionalLogit(data: ChoiceData, spec: ConditionalLogitSpec): ConditionalLogitResult {
  const t0 = performance.now();
  const s = resolveLogitSpec(spec, data?.cluster !== undefined);
  const design = buildLogitDesign(data, s);
  checkClusterCount(design.clusters ? design.clusters.count : null, design.names.length);
  const levels = alternativeLevelColumns(design.columns, design.altIndex, design.layout.nAlternatives);
  const kernel = mnlKernel(design, levels);
  const sub = s.maxIterations > 0 ? subsampleStart(design, s.start, levels) : null;
  const start = sub ? sub.start : s.start;
  const out = maximiseNewton(kernel, start, { tolerance: s.tolerance, maxIterations: s.maxIterations });
  if (out.stop === 'singular' && out.iterations === 0) {
    throw identificationError(design.names, design.columns, out.evaluation.hessian.map((h) => -h), out.singularColumn, design.persons);
  }
  checkSeparation(design, [out.lastStep, out.theta.map((t, j) => t - start[j])], out.iterations);
  const verdict = newtonVerdict(out, s.tolerance, sub ? sub.every : null);
  const bread = choleskyInverse(out.factor!);
  const nClusters = design.clusters ? design.clusters.count : null;
  const inference = logitInference(design.names, out.theta, bread, kernel.meat(out.theta), nClusters, s);
  return {
    model: 'conditional-logit',
    method: 'conditional logit, exact maximum likelihood by Newton-Raphson with analytic Hessian (McFadden 1974)',
    terms: design.names,
    attributeTerms: design.names,
    offset: s.offset,
    ...inference,
    ...fitStatistics(out.evaluation.value, design.nullLogLikelihood, design.names.length, design.persons),
    iterations: out.iterations,
    converged: verdict.converged,
    stopReason: verdict.stopReason,
    messages: { stopReason: verdict.stop },
    logLikelihoodTrace: out.trace,
    fitSeconds: (performance.now() - t0) / 1000,
    warnings: [...dataWarnings(design.singleAlternativeCases, nClusters), ...verdict.warnings],
    nCases: design.layout.nCases,
    nPersons: design.persons,
    nObservations: design.layout.nRows,
    alternatives: design.layout.alternatives,
  };
}
