import { ConvergenceError, SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { choleskyInverse } from '../../numeric/cholesky.ts';
import { maximiseNewton } from '../../numeric/newton.ts';
import { normalQuantile } from '../../numeric/special.ts';
import { checkClusterCount } from './check.ts';
import { dataWarnings, newtonVerdict } from './convergence.ts';
import { buildLogitDesign } from './design.ts';
import { checkSeparation, identificationError } from './diagnostics.ts';
import { fitStatistics, logitInference } from './inference.ts';
import { mnlKernel } from './mnl-kernel.ts';
import { inMuParametrisation } from './nest-parametrisation.ts';
import { nestedKernel } from './nested-kernel.ts';
import { resolveNests } from './nests.ts';
import { resolveLogitSpec } from './spec.ts';
import type { ChoiceData, LogitWarning, NestEstimate, NestedLogitResult, NestedLogitSpec } from './types.ts';
import { logitWarning } from './warning.ts';

/**
 * Two-level nested logit by full-information maximum likelihood (McFadden 1978, "Modelling the
 * choice of residential location"; Ben-Akiva & Lerman 1985, "Discrete Choice Analysis", ch. 10).
 * One log-sum parameter lambda per nest (within-nest utilities are divided by lambda), or with
 * parametrisation 'mu' Biogeme's nest parameter mu = 1 / lambda; both are reported per nest, the
 * one not estimated with its delta-method standard error.
 * Newton's method on the analytic gradient with a central-difference Hessian of it, step halving
 * and, away from the optimum, Levenberg damping of an indefinite Hessian; it starts from the
 * conditional logit estimates and lambda = 1 (the MNL point). Standard errors: inverse negative
 * Hessian, sandwich per person, sandwich per cluster, as the conditional logit.
 *
 * 0 < lambda <= 1 is consistent with random utility maximisation for all attribute values
 * (McFadden 1978; Train, "Discrete Choice Methods with Simulation", 2nd ed. 2009, sec. 4.2.1);
 * a lambda above 1 gets the warning LAMBDA_OUT_OF_RANGE.
 */
export function fitNestedLogit(data: ChoiceData, spec: NestedLogitSpec): NestedLogitResult {
  const t0 = performance.now();
  const s = resolveLogitSpec(spec, data?.cluster !== undefined);
  const design = buildLogitDesign(data, s);
  const parametrisation = spec.parametrisation ?? 'lambda';
  if (parametrisation !== 'lambda' && parametrisation !== 'mu') throw new SpecError(coded('logit.nests.parametrisation', { value: String(parametrisation) }), 'parametrisation');
  const nests = resolveNests(spec.nests, spec.startLambda, design.layout, design.altIndex, design.names, parametrisation);
  const k = design.names.length;
  checkClusterCount(design.clusters ? design.clusters.count : null, k + nests.names.length);

  let beta = s.start;
  if (spec.start === undefined) {
    const mnl = maximiseNewton(mnlKernel(design), s.start, { tolerance: 1e-10, maxIterations: s.maxIterations });
    if (mnl.stop === 'singular' && mnl.iterations === 0) {
      throw identificationError(design.names, design.columns, mnl.evaluation.hessian.map((h) => -h), mnl.singularColumn, design.persons);
    }
    checkSeparation(design, [mnl.lastStep, mnl.theta], mnl.iterations);
    beta = mnl.theta;
  }
  const start = new Float64Array(k + nests.names.length);
  start.set(beta);
  start.set(parametrisation === 'mu' ? nests.startLambda.map((l) => 1 / l) : nests.startLambda, k);

  const lambdaKernel = nestedKernel(design, nests);
  const kernel = parametrisation === 'mu' ? inMuParametrisation(lambdaKernel, k) : lambdaKernel;
  const out = maximiseNewton(kernel, start, { tolerance: s.tolerance, maxIterations: s.maxIterations, regularise: true });
  const verdict = newtonVerdict(out, s.tolerance);
  if (out.factor === null) {
    throw new ConvergenceError(coded('converge.nested.hessian', { iterations: out.iterations }), out.iterations);
  }
  const names = [...design.names, ...nests.terms];
  const bread = choleskyInverse(out.factor);
  const nClusters = design.clusters ? design.clusters.count : null;
  const inference = logitInference(names, out.theta, bread, kernel.meat(out.theta), nClusters, s);

  const estimates: NestEstimate[] = nests.names.map((name, m) => {
    const value = out.theta[k + m];
    const se = inference.standardErrors[nests.terms[m]];
    // The other parametrisation by the delta method: d(1/x)/dx = -1/x^2.
    const other = { value: 1 / value, se: se / (value * value) };
    const lambda = parametrisation === 'lambda' ? { value, se } : other;
    const mu = parametrisation === 'mu' ? { value, se } : other;
    return {
      name,
      alternatives: nests.members[m],
      term: nests.terms[m],
      lambda: lambda.value,
      lambdaStandardError: lambda.se,
      mu: mu.value,
      muStandardError: mu.se,
      consistentWithUtilityMaximisation: lambda.value > 0 && lambda.value <= 1,
    };
  });
  return {
    model: 'nested-logit',
    method: 'nested logit, full-information maximum likelihood by Newton-Raphson (analytic gradient, Hessian by central differences of it)',
    parametrisation,
    terms: names,
    attributeTerms: design.names,
    offset: s.offset,
    nests: estimates,
    ...inference,
    ...fitStatistics(out.evaluation.value, design.nullLogLikelihood, names.length, design.persons),
    iterations: out.iterations,
    converged: verdict.converged,
    stopReason: verdict.stopReason,
    messages: { stopReason: verdict.stop },
    logLikelihoodTrace: out.trace,
    fitSeconds: (performance.now() - t0) / 1000,
    warnings: [...dataWarnings(design.singleAlternativeCases, nClusters), ...verdict.warnings, ...lambdaWarnings(estimates, inference.confidenceLevel)],
    nCases: design.layout.nCases,
    nPersons: design.persons,
    nObservations: design.layout.nRows,
    alternatives: design.layout.alternatives,
  };
}

function lambdaWarnings(nests: readonly NestEstimate[], level: number): LogitWarning[] {
  const z = normalQuantile(1 - (1 - level) / 2);
  return nests
    .filter((n) => !n.consistentWithUtilityMaximisation)
    .map((n) => logitWarning('LAMBDA_OUT_OF_RANGE', coded('choice.warn.lambdaOutOfRange', {
      nest: n.name, lambda: n.lambda.toPrecision(4), standardError: n.lambdaStandardError.toPrecision(3), level: Math.round(level * 100), includesOne: n.lambda - 1 < z * n.lambdaStandardError,
    }), [n.term]));
}
