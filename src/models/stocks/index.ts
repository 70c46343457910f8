export { flowsFromTotals } from './flows-from-totals.ts';
export { netMigrationFromCensus, totalsFromNet, type CensusNetOptions, type CensusNet } from './net-migration.ts';
export { flowsFromCensus, decayFromGravity, DEFAULT_CENSUS_DECAY, type CensusFlowsOptions } from './census.ts';
export type { DecaySpec, PriorSpec, TotalsInput, StocksFlowsResult } from './types.ts';
