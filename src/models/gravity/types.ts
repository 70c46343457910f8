/**
 * Data, specification and result types of the gravity family. Data are columnar typed arrays,
 * one entry per origin-destination row (per period on panels); the result is plain serialisable
 * data (numbers, arrays, records) so it can be stored, sent over HTTP and fed back to predict.
 */
import type { CodedMessage } from '../../core/messages/index.ts';

export type Constraint = 'unconstrained' | 'production' | 'attraction' | 'doubly';
export type Decay = 'power' | 'exponential';
export type Transform = 'log' | 'identity';

/** Rows of an origin-destination table. All per-row arrays have the same length. */
export interface GravityData {
  /** Region codes; origin[r] and destination[r] index into it. */
  readonly regions: readonly string[];
  readonly origin: Uint32Array;
  readonly destination: Uint32Array;
  /** Observed flow (persons), finite and >= 0. */
  readonly flow: Float64Array;
  /** Separation (distance, time, cost) of the pair. */
  readonly cost: Float64Array;
  /** Covariate columns by name, one value per row (e.g. origin_pop, dest_gdp, contig). */
  readonly covariates?: Readonly<Record<string, Float64Array>>;
  /** Known log-scale offset per row, entering the linear predictor with coefficient 1. */
  readonly offset?: Float64Array;
  /** Panel data: period of each row, indexing into `periods`. */
  readonly period?: Uint32Array;
  readonly periods?: readonly string[];
  /**
   * Categorical columns for fixed effects and clusters (product, sector, border...): the level of
   * each row indexes `levels`; MISSING_LEVEL (0xffffffff) marks a missing value. Origin,
   * destination and period use MISSING_LEVEL the same way.
   */
  readonly categories?: Readonly<Record<string, Category>>;
  /**
   * Row numbers the user sees, for messages: the first row's when rows are consecutive (2 for a
   * CSV, whose header is row 1), or one per row (a worksheet that skips blank rows). Default 1.
   */
  readonly rowNumbers?: number | Uint32Array;
}

export interface Category {
  readonly index: Uint32Array;
  readonly levels: readonly string[];
}

/**
 * Small-sample corrections of the covariances, as fixest's ssc() (Berge 2018, "Efficient
 * estimation of maximum likelihood models with multiple fixed-effects"; fixest's vcov docs):
 *   adj: multiply by (n - 1) / (n - K), K the parameters counted as fixefK says;
 *   fixefK: 'none' counts only the coefficients; 'full' also every fixed-effect level minus one
 *     per dimension after the first (fixest's default count, which assumes connected effects);
 *     'nested' as 'full' but leaving out the effects nested in a cluster dimension (their levels
 *     sit inside one cluster each), plus one;
 *   clusterAdj: G / (G - 1) for clustered covariances (n / (n - 1) for the robust one);
 *   clusterDf: for multiway clusters, 'min' applies G_min / (G_min - 1) once (fixest's default),
 *     'conventional' each term's own G / (G - 1).
 * 'none' = no correction (R glm's vcov, sandwich's HC0 and CR0: talentflow's default);
 * 'fixest' = fixest's default ssc(adj = TRUE, fixef.K = "nested", cluster.adj = TRUE,
 * cluster.df = "min").
 */
export interface SmallSampleOptions {
  readonly adj: boolean;
  readonly fixefK: 'none' | 'full' | 'nested';
  readonly clusterAdj: boolean;
  readonly clusterDf: 'min' | 'conventional';
}

export type SmallSampleSpec = 'none' | 'fixest' | Partial<SmallSampleOptions>;

/** A covariate term: a column of `data.covariates`, logged or raw. */
export interface TermSpec {
  readonly column: string;
  /** Default 'log' (the usual mass elasticity). */
  readonly transform?: Transform;
}

export interface GravitySpec {
  readonly constraint: Constraint;
  /** 'power': log(cost) enters (cost must be > 0); 'exponential': cost enters raw. */
  readonly decay: Decay;
  /** Name of the cost term in the result (e.g. the cost column's name). Default 'cost'. */
  readonly costName?: string;
  /** Origin attributes (e.g. population, wages at origin). Default none. A string means log. */
  readonly originTerms?: readonly (TermSpec | string)[];
  /** Destination attributes. Default none. */
  readonly destinationTerms?: readonly (TermSpec | string)[];
  /** Pair attributes (contiguity, common language...). Default none. */
  readonly pairTerms?: readonly (TermSpec | string)[];
  /** Keep rows with origin === destination. Default false (dropped, as in spint and the READMEs). */
  readonly intra?: boolean;
  /** Panels: add one fixed effect per period. Default true when data.period is given and fixedEffects is not (then only a listed 'period' adds them). */
  readonly periodEffects?: boolean;
  /**
   * Panels with constraints: origin (destination) effects per period, so each period's totals are
   * kept (structural gravity). Default false: one effect per region for all periods.
   */
  readonly constraintsPerPeriod?: boolean;
  /**
   * Further fixed-effect dimensions, each a name or an interaction `a^b^...` of names: 'origin',
   * 'destination', 'period', 'pair' (the origin-destination pair) or a key of data.categories.
   * Default none. 'origin' ('destination') is the production (attraction) constraint itself, so
   * listing it constrains the model that way and the result's `constraint` says so; 'period' is
   * the period effects. A dimension repeated (or implied by the constraint) is counted once.
   * Given, it lists the model's effects as fixest's `| ...` does: period effects are not added
   * unless listed (or periodEffects is true).
   */
  readonly fixedEffects?: readonly string[];
  /**
   * Cluster the sandwich covariance by these dimensions (names as in fixedEffects; two or more
   * give a multiway clustering: Cameron, Gelbach & Miller 2011). Default: 'pair' on panels
   * (as before), none otherwise; [] turns it off.
   */
  readonly cluster?: readonly string[];
  /** Small-sample corrections of every reported covariance. Default 'none' (see SmallSampleOptions). */
  readonly ssc?: SmallSampleSpec;
  /**
   * Rows with a missing value (NaN, or MISSING_LEVEL in a used category) in any variable the model
   * uses: 'drop' them (counted by column in the result's `dropped`) or 'error' naming the first.
   * Default 'drop', as R's glm (na.omit) and fixest.
   */
  readonly na?: 'drop' | 'error';
  /**
   * Rows sharing origin, destination, period and every category of data.categories: 'error'
   * (default: they are usually a mistake) or 'sum' their flows (their cost, covariates and offset
   * must then agree).
   */
  readonly duplicates?: 'error' | 'sum';
  /** Stop when every Newton step is below tolerance * (|beta| + SE). Default 1e-10. */
  readonly tolerance?: number;
  /** Newton iterations before stopping unconverged. Default 100. */
  readonly maxIterations?: number;
  /** Confidence level of the intervals. Default 0.95. */
  readonly confidenceLevel?: number;
  /** Return fitted values per row (large for national tables). Default false. */
  readonly keepFitted?: boolean;
}

export interface GravityFitStatistics {
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly logLikelihood: number;
  readonly nullLogLikelihood: number;
  readonly aic: number;
  readonly bic: number;
  /** spint: 1 - llf / llnull. */
  readonly pseudoR2: number;
  /** spint: 1 - (llf - k) / llnull. */
  readonly adjPseudoR2: number;
  /** 1 - deviance / null deviance (spint D2). */
  readonly devianceR2: number;
  /** 1 - ((n - 1) / (n - k)) deviance / null deviance (spint adj_D2). */
  readonly adjDevianceR2: number;
  /** sqrt(mean((y - yhat)^2)) / mean(y). */
  readonly srmse: number;
  /** Common part of commuters: 2 sum(min(y, yhat)) / (sum(y) + sum(yhat)). */
  readonly cpc: number;
  /** Sorensen similarity index: mean(2 min(y, yhat) / (y + yhat)); rows with y = yhat = 0 count 1. */
  readonly ssi: number;
}

export interface GravityResult extends GravityFitStatistics {
  readonly model: 'gravity';
  readonly estimator: 'PPML';
  readonly constraint: Constraint;
  readonly decay: Decay;
  readonly costName: string;
  /** Covariate terms in order (intercept first when unconstrained), cost term included. */
  readonly terms: readonly string[];
  readonly termSpecs: readonly { name: string; column: string | null; transform: Transform; role: 'intercept' | 'cost' | 'origin' | 'destination' | 'pair' }[];
  readonly coefficients: Record<string, number>;
  /** Model-based (inverse Fisher information of the full GLM, dummies included). */
  readonly standardErrors: Record<string, number>;
  /** Heteroskedasticity-robust sandwich, HC0 (R: sandwich::vcovHC(m, type = "HC0")). */
  readonly robustStandardErrors: Record<string, number>;
  /**
   * Clustered by `cluster.by` (default: the origin-destination pair on panels, else null). With
   * ssc 'none': CR0, sandwich::vcovCL(m, ~pair, type = "HC0", cadjust = FALSE); multiway by
   * inclusion-exclusion (Cameron, Gelbach & Miller 2011), as fixest.
   */
  readonly clusteredStandardErrors: Record<string, number> | null;
  /**
   * Which standard errors zValues, pValues and confidenceIntervals are computed from: the
   * clustered ones when the fit clusters (as fixest's summary reports them), else the
   * model-based ones; `by` names the cluster dimensions.
   */
  readonly inference: { readonly standardErrors: 'clustered' | 'model'; readonly by: readonly string[] | null };
  /** Coefficient / the standard error named in `inference` (normal reference distribution). */
  readonly zValues: Record<string, number>;
  readonly pValues: Record<string, number>;
  readonly confidenceLevel: number;
  /** Wald intervals from the standard error named in `inference`. */
  readonly confidenceIntervals: Record<string, [number, number]>;
  readonly covariance: number[][];
  readonly robustCovariance: number[][];
  readonly clusteredCovariance: number[][] | null;
  /** What the clustered covariance clusters by, and the number of clusters of each dimension. */
  readonly cluster: { readonly by: readonly string[]; readonly groups: readonly number[] } | null;
  /**
   * The small-sample corrections applied (already in every covariance and standard error above):
   * the options, the parameter count K of each covariance and the factor it was multiplied by.
   */
  readonly smallSample: SmallSampleOptions & {
    readonly name: 'none' | 'fixest' | 'custom';
    readonly parameters: { readonly model: number; readonly robust: number; readonly clustered: number | null };
    readonly factors: { readonly model: number; readonly robust: number; readonly clustered: number | null };
  };
  /** Fixed-effect dimensions of the fit (constraint and period effects included) and their levels. */
  readonly fixedEffects: readonly { readonly name: string; readonly levels: number }[];
  /** Rows left out for missing values: the total and, by column, how many rows had one there. */
  readonly dropped: { readonly missing: number; readonly byColumn: Record<string, number> };
  /** Rows whose flows were added to an earlier row with the same key (duplicates: 'sum'). */
  readonly duplicatesSummed: number;
  /**
   * Fixed effects in R's treatment coding: `intercept` = sum of the reference levels' effects;
   * each effect is relative to its factor's reference level (the first region / period with rows).
   * Regions dropped for having no flow are null.
   */
  readonly effects: {
    readonly intercept: number | null;
    readonly origin: Record<string, number | null> | null;
    readonly destination: Record<string, number | null> | null;
    readonly period: Record<string, number | null> | null;
    /** Further dimensions (fixedEffects), by name, each level relative to its first. */
    readonly other: Record<string, Record<string, number>> | null;
  };
  /** Observed totals the constrained model reproduces, by region code (used by predict). */
  readonly margins: { readonly origin: Record<string, number> | null; readonly destination: Record<string, number> | null };
  readonly regions: readonly string[];
  readonly periods: readonly string[] | null;
  readonly nobs: number;
  /** Coefficients plus the rank of the fixed-effect block. */
  readonly nParameters: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly stopReason: string;
  /** Log-likelihood after each accepted iteration (starts at the initial point). */
  readonly logLikelihoodTrace: number[];
  readonly warnings: string[];
  /**
   * The warnings (same order) and the stop reason coded (core/messages), for a front-end's
   * language (absent in results saved before codes).
   */
  readonly messages?: { readonly warnings?: readonly CodedMessage[]; readonly stopReason?: CodedMessage };
  /** Rows of the input used in the fit (indices into the input arrays), only if keepFitted. */
  readonly fittedRows: number[] | null;
  readonly fitted: number[] | null;
}

/** New rows for predict: the same columns as the fit (flow not needed). */
export interface GravityNewData {
  readonly regions: readonly string[];
  readonly origin: Uint32Array;
  readonly destination: Uint32Array;
  readonly cost: Float64Array;
  readonly covariates?: Readonly<Record<string, Float64Array>>;
  readonly offset?: Float64Array;
  readonly period?: Uint32Array;
  readonly periods?: readonly string[];
  /** Categories of the model's further fixed effects (labels must be levels seen in the fit). */
  readonly categories?: Readonly<Record<string, Category>>;
  /** Totals to keep instead of the fitted ones (production / doubly), by region code. */
  readonly originTotals?: Readonly<Record<string, number>>;
  /** Totals to keep instead of the fitted ones (attraction / doubly), by region code. */
  readonly destinationTotals?: Readonly<Record<string, number>>;
}

export interface GravityPrediction {
  /** Expected flow per row of the new data. */
  readonly expected: Float64Array;
  readonly warnings: string[];
}
