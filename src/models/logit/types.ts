import type { CodedMessage, MessageParams } from '../../core/messages/index.ts';
/**
 * Data, specification and result types of the destination-choice (logit) family. Data are in
 * long format and columnar: one row per case and available alternative (availability is the
 * presence of a row), rows of a case contiguous. Results are plain serialisable data, so they can
 * be stored, sent over HTTP and given back to predict.
 */

/** Long-format choice data. Every per-row array has the same length. */
export interface ChoiceData {
  /** Number of cases (choice situations); caseIndex values lie in [0, nCases). */
  readonly nCases: number;
  /** Case of each row; the rows of one case are contiguous. */
  readonly caseIndex: Int32Array;
  /** Alternative of each row (an index into `alternatives` when given); at most once per case. */
  readonly altIndex: Int32Array;
  /**
   * Per row: 1 if chosen, else 0; or, for aggregated situations, the number of persons who chose
   * it (each person an independent choice). Every case needs a positive total.
   */
  readonly chosen: Uint8Array | Float64Array;
  /** Variables by name, one value per row (attributes, person x alternative terms, offsets). */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** Per case: how many identical persons it stands for (identical situation and choice). Default 1. */
  readonly caseWeight?: Float64Array;
  /** Per case: cluster id (e.g. university) for clustered standard errors. */
  readonly cluster?: Int32Array;
  /** Labels of the alternatives (altIndex -> label). Default: the index as a string. */
  readonly alternatives?: readonly string[];
}

/** Data for prediction: as ChoiceData, with the choices optional. */
export type ChoicePredictionData = Omit<ChoiceData, 'chosen'> & { readonly chosen?: Uint8Array | Float64Array };

export type VcovType = 'classical' | 'robust' | 'clustered';
/**
 * Small-sample factor of the clustered sandwich. 'none': G clusters' score outer products as they
 * are, as survival::clogit(... + cluster(id)) reports (coxph's robust variance, no factor).
 * 'G/(G-1)': multiplied by G/(G-1), as Stata's clogit / cmclogit with vce(cluster id).
 */
export type ClusterAdjustment = 'none' | 'G/(G-1)';

export interface ConditionalLogitSpec {
  /** Columns entering the utility, one coefficient each (the term is named after its column). */
  readonly terms: readonly string[];
  /**
   * A column entering the utility with coefficient 1, e.g. ln of McFadden's sampling correction
   * written by sampleAlternatives. Default none.
   */
  readonly offset?: string;
  /** Starting values by term. Default 0 for every term. */
  readonly start?: Readonly<Record<string, number>>;
  /** Which covariance the z, p and intervals use. Default 'classical' ('clustered' needs data.cluster). */
  readonly vcov?: VcovType;
  /** Default 'none' (matches survival::clogit with cluster()). */
  readonly clusterAdjustment?: ClusterAdjustment;
  /** Stop when the Newton decrement g'(-H)^-1 g (squared step in standard errors) is below this. Default 1e-14. */
  readonly tolerance?: number;
  /**
   * Newton iterations before stopping unconverged (warning NOT_CONVERGED). Default 100. 0 evaluates
   * the model at the start values (standard errors and fit there, e.g. at published estimates).
   */
  readonly maxIterations?: number;
  /** Confidence level of the intervals. Default 0.95. */
  readonly confidenceLevel?: number;
}

/** A nest: a name and the alternatives (indices into ChoiceData.alternatives, or their labels) in it. */
export interface NestSpec {
  readonly name: string;
  readonly alternatives: readonly (number | string)[];
}

export interface NestedLogitSpec extends ConditionalLogitSpec {
  /**
   * The nests (at least one, each with two or more alternatives, none shared). Alternatives in no
   * nest are nests of their own (log-sum parameter 1).
   */
  readonly nests: readonly NestSpec[];
  /** Starting log-sum parameters (lambda) by nest name. Default 1 (the MNL point). */
  readonly startLambda?: Readonly<Record<string, number>>;
  /**
   * The nest parameter estimated (its term is lambda_<nest> or mu_<nest>): 'lambda', McFadden's
   * log-sum coefficient, or 'mu' = 1 / lambda, Biogeme's. Same maximum either way; the covariance
   * is of the parameter estimated, the other gets delta-method standard errors. Default 'lambda'.
   */
  readonly parametrisation?: NestParametrisation;
}

export type NestParametrisation = 'lambda' | 'mu';

export type LogitWarningCode =
  | 'NOT_CONVERGED'
  | 'NUMERICAL_PRECISION'
  | 'SINGLE_ALTERNATIVE_CASES'
  | 'FEW_CLUSTERS'
  | 'LAMBDA_OUT_OF_RANGE'
  | 'WEAK_MONEY_COEFFICIENT';

/** A named warning: what, in words, and the terms it concerns. */
export interface LogitWarning {
  readonly code: LogitWarningCode;
  readonly message: string;
  readonly terms?: readonly string[];
  /** The message's code in core/messages and its parameters (absent in results saved before codes). */
  readonly text?: { readonly code: string; readonly params: MessageParams };
}

export interface LogitResultBase {
  readonly model: 'conditional-logit' | 'nested-logit';
  /** The method and its reference. */
  readonly method: string;
  /** Every estimated parameter in order: the attribute terms, then (nested) the lambdas. */
  readonly terms: readonly string[];
  /** The columns of the attribute terms (term i is column attributeTerms[i]). */
  readonly attributeTerms: readonly string[];
  readonly offset: string | null;
  readonly coefficients: Record<string, number>;
  /** Standard errors of the covariance named by vcovType (classical unless asked otherwise). */
  readonly standardErrors: Record<string, number>;
  readonly vcovType: VcovType;
  readonly zValues: Record<string, number>;
  readonly pValues: Record<string, number>;
  readonly confidenceLevel: number;
  readonly confidenceIntervals: Record<string, [number, number]>;
  /** The covariance named by vcovType, rows and columns in `terms` order. */
  readonly covariance: number[][];
  /** Inverse of the negative Hessian of the log-likelihood. */
  readonly classicalStandardErrors: Record<string, number>;
  readonly classicalCovariance: number[][];
  /** Sandwich with one score per person (= Biogeme's robust; clogit with cluster(person)). */
  readonly robustStandardErrors: Record<string, number>;
  readonly robustCovariance: number[][];
  /** Sandwich with one score per cluster (null without data.cluster). */
  readonly clusteredStandardErrors: Record<string, number> | null;
  readonly clusteredCovariance: number[][] | null;
  readonly clusterAdjustment: ClusterAdjustment;
  readonly nClusters: number | null;
  readonly logLikelihood: number;
  /** Equal shares among each case's available alternatives (all coefficients 0, offset ignored). */
  readonly nullLogLikelihood: number;
  /** 1 - LL / LL0. */
  readonly rhoSquared: number;
  /** 1 - (LL - K) / LL0 (Biogeme's definition). */
  readonly adjustedRhoSquared: number;
  readonly nParameters: number;
  /** -2 LL + 2 K. */
  readonly aic: number;
  /** -2 LL + K ln(persons). */
  readonly bic: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopReason: string;
  /** The stop reason coded (core/messages convergence.ts), for a front-end's language; absent in results saved before codes. */
  readonly messages?: { readonly stopReason?: CodedMessage };
  /**
   * Log-likelihood at the start of the full-data iterations and after every accepted step (never
   * decreasing). The start is spec.start (0 by default), or for the conditional logit on more than
   * 200,000 rows the estimate on a subsample of the cases (stopReason says so).
   */
  readonly logLikelihoodTrace: number[];
  readonly fitSeconds: number;
  readonly warnings: LogitWarning[];
  /** Cases (choice situations) in the data. */
  readonly nCases: number;
  /** Persons they stand for: the sum over cases of weight x chosen total. */
  readonly nPersons: number;
  /** Rows (case x available alternative). */
  readonly nObservations: number;
  /** Alternative labels by altIndex. */
  readonly alternatives: readonly string[];
}

export interface ConditionalLogitResult extends LogitResultBase {
  readonly model: 'conditional-logit';
}

export interface NestEstimate {
  readonly name: string;
  /** Alternatives by altIndex. */
  readonly alternatives: readonly number[];
  /** Term of this nest's parameter in `terms` (lambda_<nest> or mu_<nest>, as parametrised). */
  readonly term: string;
  /** McFadden's log-sum (dissimilarity) parameter: within-nest utilities are divided by it. */
  readonly lambda: number;
  /** Standard error of lambda (vcovType); delta method se(mu) / mu^2 when mu is estimated. */
  readonly lambdaStandardError: number;
  /** Biogeme's nest parameter mu = 1 / lambda (within-nest scale; upper level scale 1). */
  readonly mu: number;
  /** Standard error of mu (vcovType); delta method se(lambda) / lambda^2 when lambda is estimated. */
  readonly muStandardError: number;
  /** 0 < lambda <= 1: consistent with random utility maximisation for all attribute values (McFadden 1978). */
  readonly consistentWithUtilityMaximisation: boolean;
}

export interface NestedLogitResult extends LogitResultBase {
  readonly model: 'nested-logit';
  /** The nest parameter estimated: 'lambda' (= 1 / mu) or 'mu'; both are reported per nest. */
  readonly parametrisation: NestParametrisation;
  readonly nests: readonly NestEstimate[];
}

export type LogitResult = ConditionalLogitResult | NestedLogitResult;
