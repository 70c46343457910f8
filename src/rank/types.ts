/**
 * Inputs of a composite index: a region x indicator matrix, row-major (values[i * indicators.length
 * + j] is region i, indicator j), with NaN marking a missing value.
 */
export interface IndicatorMatrix {
  regions: readonly string[];
  indicators: readonly string[];
  values: ArrayLike<number>;
}

export type Direction = 1 | -1;
export type Normalisation = 'min-max' | 'z-score' | 'rank';
export type Weighting =
  | { method: 'user'; weights: readonly number[] | Readonly<Record<string, number>> }
  | { method: 'equal' }
  | { method: 'entropy' }
  | { method: 'pca' };
export type MissingPolicy = 'exclude' | 'impute-mean';

export interface IndexSpec {
  /** +1: more is better; -1: less is better (e.g. house price to income). Per indicator, by position or name; default +1. */
  directions?: readonly Direction[] | Readonly<Record<string, Direction>>;
  /** Default 'min-max'. */
  normalisation?: Normalisation;
  /** Default { method: 'equal' }. */
  weighting?: Weighting;
  /**
   * Missing values (NaN): 'exclude' drops the region (default; listed in `excluded` with a
   * warning), 'impute-mean' replaces the value by the indicator's mean over the other regions
   * (listed in `imputed`). Never silently NaN.
   */
  missing?: MissingPolicy;
}
