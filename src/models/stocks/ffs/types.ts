/**
 * Input, specification and result of flows from bilateral birthplace stocks by demographic
 * accounting (Abel 2013, Demographic Research 28(18); R migest's ffs_demo). Stock tables are
 * n x n, row-major Float64Arrays: rows = place of birth, columns = place of residence, the
 * diagonal = natives living in their place of birth. The result is plain serialisable data.
 */
import type { CodedMessage } from '../../../core/messages/index.ts';
import type { StocksFlowsResult } from '../types.ts';

/** migest match_global: when stock totals are matched to births - deaths (rescale methods only). */
export type MatchGlobal = 'before-demo-adjust' | 'after-demo-adjust';
/** migest match_birthplace_tot_method ('rescale-adjust-zero-fb' is not ported, see check-stocks.ts). */
export type BirthplaceMatchMethod = 'rescale' | 'open' | 'open-dr';
/** migest birth_mat method. */
export type BirthMethod = 'native' | 'proportion';
/** migest death_mat method. */
export type DeathMethod = 'proportion' | 'accounting';

export interface FlowsFromStocksInput {
  readonly regions: readonly string[];
  /** Stocks at the start of the period, n x n row-major (birth x residence). */
  readonly stockStart: Float64Array;
  /** Stocks at the end of the period, same layout. */
  readonly stockEnd: Float64Array;
  /** Births in each region during the period. Default zeros. */
  readonly births?: Float64Array;
  /** Deaths in each region during the period. Default zeros. */
  readonly deaths?: Float64Array;
  /**
   * Prior for the flows (migest `seed`), e.g. a distance decay: n x n (orig x dest, the same
   * for every birthplace) or n x n x n (orig x dest x birth), row-major. Default all ones. Used
   * only when stayerAssumption is false, as in migest.
   */
  readonly seed?: Float64Array;
}

export interface FlowsFromStocksSpec {
  /** Stayers = min(start, end) per birthplace and residence, i.e. a minimum-migration estimate (migest stayer_assumption). Default true. */
  readonly stayerAssumption?: boolean;
  /** Default 'before-demo-adjust' (migest's default argument). */
  readonly matchGlobal?: MatchGlobal;
  /** How birthplace totals of the two tables are made equal. Default 'rescale'. */
  readonly matchBirthplaceTotalMethod?: BirthplaceMatchMethod;
  /** Default 'native': births are natives of the region where they occur. */
  readonly birthMethod?: BirthMethod;
  /** Spread births over all residents where they exceed the natives at the end. Default true. */
  readonly birthNonNegative?: boolean;
  /** Default 'proportion': deaths spread over birthplaces in proportion to the start stocks. */
  readonly deathMethod?: DeathMethod;
  /** mipfp `tol` of every IPF step: stop when no cell changes by this much. Default 1e-3, migest's (not converged; use e.g. 1e-10 for converged estimates). */
  readonly tolerance?: number;
  /** mipfp `iter` of every IPF step. Default 1e5, migest's. */
  readonly maxIterations?: number;
}

/** The specification with every default applied, as reported in the result. */
export type ResolvedFlowsFromStocksSpec = Required<FlowsFromStocksSpec>;

/** Defaults of FlowsFromStocksSpec, documented on each field above and applied in check-stocks.ts. */
export const FLOWS_FROM_STOCKS_DEFAULTS: ResolvedFlowsFromStocksSpec = {
  stayerAssumption: true,
  matchGlobal: 'before-demo-adjust',
  matchBirthplaceTotalMethod: 'rescale',
  birthMethod: 'native',
  birthNonNegative: true,
  deathMethod: 'proportion',
  tolerance: 1e-3,
  maxIterations: 1e5,
};

/** One IPF fit of the run, in migest's call order (its all-zero placeholder fit is not run). */
export interface IpfpCall {
  /** migest function and what it fits, e.g. "match_birthplace_tot: stockStart". */
  readonly step: string;
  readonly dims: number[];
  /** Fitted margins as in mipfp's target.list, 1-based: "2", "1;2", "1+3;2+3". */
  readonly margins: string;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest absolute cell change in the last iteration. */
  readonly stoppingCriterion: number;
  /** Largest |target - fitted margin| over the margins (persons). */
  readonly maxMarginError: number;
}

/** A pair of n x n birth x residence tables, row-major. */
export interface StockPair {
  readonly start: number[];
  readonly end: number[];
}

/**
 * Shares the stocks models' result fields (StocksFlowsResult): `origin`, `destination`, `flow`
 * hold the origin-destination flows summed over birthplace, one entry per ordered pair
 * origin != destination with a positive estimate; inTotals / outTotals / net per region.
 */
export interface FlowsFromStocksResult
  extends Pick<StocksFlowsResult, 'assumptions' | 'regions' | 'origin' | 'destination' | 'flow' | 'outTotals' | 'inTotals' | 'net' | 'warnings'> {
  readonly model: 'flows-from-birthplace-stocks';
  readonly method: string;
  readonly kind: 'estimated';
  readonly definition: string;
  readonly source: string;
  readonly parameters: ResolvedFlowsFromStocksSpec;
  /** Flows by origin, destination and birthplace: index (orig * n + dest) * n + birth; stayers on orig == dest. */
  readonly flowArray: number[];
  /** Stocks after matching totals to births - deaths (null when not applied: open methods). */
  readonly globalMatch: (StockPair & { readonly gap: number }) | null;
  /** Births and deaths by birthplace x residence, subtracted from the end and start stocks. */
  readonly birthMatrix: number[];
  readonly deathMatrix: number[];
  /** Persons entering / leaving the system by birthplace x residence (open methods; zeros otherwise). */
  readonly enteredSystem: number[];
  readonly leftSystem: number[];
  /** The stocks the flows reproduce (migest's stock_start5, stock_end5). */
  readonly adjustedStocks: StockPair;
  readonly ipfpCalls: IpfpCall[];
  /** Total IPF iterations over all calls. */
  readonly iterations: number;
  /** Every IPF call stopped by its tolerance rather than by maxIterations. */
  readonly converged: boolean;
  /** Largest |margin of flowArray - adjusted stock| over start and end margins (persons). */
  readonly maxMarginError: number;
  /** `warnings` and `assumptions` coded, in the same order, for a front-end in another language. */
  readonly messages: { readonly warnings: CodedMessage[]; readonly assumptions: CodedMessage[] };
}
