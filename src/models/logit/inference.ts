import { toNestedArray } from '../../numeric/cholesky.ts';
import { sandwichProduct } from '../../numeric/sandwich-product.ts';
import { normalQuantile, twoSidedP } from '../../numeric/special.ts';
import type { ClusterAdjustment, LogitResultBase, VcovType } from './types.ts';

/**
 * Standard errors, z, p and Wald intervals of a maximum-likelihood logit from the bread
 * B = (-H)^-1 and the score outer products:
 *   classical  B                                (inverse observed information)
 *   robust     B (sum_persons s s') B           (Huber-White; Biogeme's "robust")
 *   clustered  B (sum_clusters S_g S_g') B      (S_g = summed scores of cluster g), times
 *              G/(G-1) only with clusterAdjustment 'G/(G-1)' (Stata); 'none' is survival::clogit
 *              with cluster(), whose coxph robust variance applies no factor.
 */
export type Inference = Pick<
  LogitResultBase,
  | 'coefficients' | 'standardErrors' | 'vcovType' | 'zValues' | 'pValues' | 'confidenceLevel' | 'confidenceIntervals' | 'covariance'
  | 'classicalStandardErrors' | 'classicalCovariance' | 'robustStandardErrors' | 'robustCovariance'
  | 'clusteredStandardErrors' | 'clusteredCovariance' | 'clusterAdjustment' | 'nClusters'
>;

export interface InferenceOptions {
  readonly vcov: VcovType;
  readonly clusterAdjustment: ClusterAdjustment;
  readonly confidenceLevel: number;
}

export function logitInference(
  names: readonly string[],
  theta: ArrayLike<number>,
  bread: Float64Array,
  meat: { robust: Float64Array; clustered: Float64Array | null },
  nClusters: number | null,
  options: InferenceOptions,
): Inference {
  const k = names.length;
  const robust = sandwichProduct(bread, meat.robust, k);
  let clustered: Float64Array | null = null;
  if (meat.clustered && nClusters !== null) {
    clustered = sandwichProduct(bread, meat.clustered, k);
    if (options.clusterAdjustment === 'G/(G-1)' && nClusters > 1) clustered = clustered.map((x) => (x * nClusters) / (nClusters - 1));
  }
  const se = (cov: Float64Array): Record<string, number> => Object.fromEntries(names.map((nm, j) => [nm, Math.sqrt(Math.max(0, cov[j * k + j]))]));
  const chosen = options.vcov === 'robust' ? robust : options.vcov === 'clustered' && clustered ? clustered : bread;
  const coefficients = Object.fromEntries(names.map((nm, j) => [nm, theta[j]]));
  const standardErrors = se(chosen);
  const zq = normalQuantile(1 - (1 - options.confidenceLevel) / 2);
  return {
    coefficients,
    standardErrors,
    vcovType: options.vcov,
    zValues: Object.fromEntries(names.map((nm) => [nm, coefficients[nm] / standardErrors[nm]])),
    pValues: Object.fromEntries(names.map((nm) => [nm, twoSidedP(coefficients[nm] / standardErrors[nm])])),
    confidenceLevel: options.confidenceLevel,
    confidenceIntervals: Object.fromEntries(names.map((nm) => [nm, [coefficients[nm] - zq * standardErrors[nm], coefficients[nm] + zq * standardErrors[nm]] as [number, number]])),
    covariance: toNestedArray(chosen, k),
    classicalStandardErrors: se(bread),
    classicalCovariance: toNestedArray(bread, k),
    robustStandardErrors: se(robust),
    robustCovariance: toNestedArray(robust, k),
    clusteredStandardErrors: clustered ? se(clustered) : null,
    clusteredCovariance: clustered ? toNestedArray(clustered, k) : null,
    clusterAdjustment: options.clusterAdjustment,
    nClusters,
  };
}

export type FitStatistics = Pick<LogitResultBase, 'logLikelihood' | 'nullLogLikelihood' | 'rhoSquared' | 'adjustedRhoSquared' | 'nParameters' | 'aic' | 'bic'>;

/** Biogeme's summary statistics: rho-squared against equal shares, AIC, BIC with n = persons. */
export function fitStatistics(logLikelihood: number, nullLogLikelihood: number, nParameters: number, persons: number): FitStatistics {
  return {
    logLikelihood,
    nullLogLikelihood,
    rhoSquared: 1 - logLikelihood / nullLogLikelihood,
    adjustedRhoSquared: 1 - (logLikelihood - nParameters) / nullLogLikelihood,
    nParameters,
    aic: -2 * logLikelihood + 2 * nParameters,
    bic: -2 * logLikelihood + Math.log(persons) * nParameters,
  };
}
