export type { RegionValues, RegionRatios, Populations } from './types.ts';
export { flowMargins, byRegion, type Margins } from './margins.ts';
export { inflow } from './inflow.ts';
export { outflow } from './outflow.ts';
export { netFlow } from './net.ts';
export { grossFlow } from './gross.ts';
export { migrationEfficiency, type EfficiencyResult } from './efficiency.ts';
export { crudeRates, type RateOptions, type RatesResult } from './rates.ts';
export { retentionRate, type RetentionResult } from './retention.ts';
export { migrationIndices, type MigrationIndices } from './intensity.ts';
export { pairTotals, type PairTotals } from './pairs.ts';
export { topCorridors, type CorridorOptions, type Corridor, type CorridorsResult } from './corridors.ts';
export { gini, normalisedEntropy, topShare } from './inequality.ts';
export { destinationConcentration, type ConcentrationOptions, type OriginConcentration } from './concentration.ts';
export { periodChange, type RegionChange, type ChangeResult } from './change.ts';
export { rollUp, type RollUpOptions, type RollUpResult } from './rollup.ts';
export { censusNetMigration, type NaturalChange, type CensusNetInput, type CensusNetRow, type CensusNetResult } from './census-net.ts';
export { regionSummary, type RegionSummaryRow, type SummaryResult } from './summary.ts';
export { quantile, quantiles } from './quantile.ts';
export {
  graduateReport,
  selectGraduates,
  provinceResolver,
  type GraduateReportOptions,
  type GraduateSelection,
  type ProvinceMap,
  type Compared,
  type KeyedCompared,
  type CityCompared,
  type StayShare,
  type Quartiles,
  type SalaryRow,
  type GraduateReport,
} from './graduates/index.ts';
export {
  DEFAULT_MIN_CELL,
  LOWEST_MIN_CELL,
  checkMinCell,
  isSmallCell,
  primarySuppression,
  complementTable,
  suppressTable,
  suppressNested,
  suppressTwoWay,
  feasibleIntervals,
  SMALL_CELL_RULE,
  type Complemented,
  type SignedSum,
  type Intervals,
  type PrivacyInfo,
  type TwoWaySuppression,
} from './privacy/index.ts';
