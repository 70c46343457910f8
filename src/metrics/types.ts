/**
 * Result shapes shared by the measures. Every result is plain JSON: objects keyed by region code,
 * numbers, and `null` where a value is undefined (a rate without a population, a share of an
 * empty base): never NaN or Infinity, which JSON cannot carry.
 */
export type RegionValues = Record<string, number>;
export type RegionRatios = Record<string, number | null>;

/** Populations aligned with `table.regions` (same index), e.g. a Float64Array from the store. */
export type Populations = ArrayLike<number>;
