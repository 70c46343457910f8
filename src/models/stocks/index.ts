export { flowsFromTotals } from './flows-from-totals.ts';
export { netMigrationFromCensus, totalsFromNet, type CensusNetOptions, type CensusNet } from './net-migration.ts';
export { flowsFromCensus, decayFromGravity, DEFAULT_CENSUS_DECAY, type CensusFlowsOptions } from './census.ts';
export type { DecaySpec, PriorSpec, TotalsInput, StocksFlowsResult } from './types.ts';
export { flowsFromStocks } from './ffs/flows-from-stocks.ts';
export { sumOd } from './ffs/sum-od.ts';
export { FLOWS_FROM_STOCKS_DEFAULTS } from './ffs/types.ts';
export type {
  FlowsFromStocksInput,
  FlowsFromStocksSpec,
  FlowsFromStocksResult,
  ResolvedFlowsFromStocksSpec,
  IpfpCall,
  StockPair,
  MatchGlobal,
  BirthplaceMatchMethod,
  BirthMethod,
  DeathMethod,
} from './ffs/types.ts';
