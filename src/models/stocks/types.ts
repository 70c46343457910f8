/** Inputs and result of estimating an origin-destination table from region totals. */
import type { CodedMessage } from '../../core/messages/index.ts';

/** Distance decay of the gravity-shaped prior: f(d) = d^parameter (power) or exp(parameter * d). */
export interface DecaySpec {
  readonly form: 'power' | 'exponential';
  /** The cost coefficient (negative for decay), e.g. -1.2 for power or -0.008 per km for exponential. */
  readonly parameter: number;
  /** Where the value comes from (user choice, a gravity fit...), repeated in the result. */
  readonly source?: string;
}

export interface PriorSpec {
  /** Exponent of the origin mass. Default 1. */
  readonly originExponent?: number;
  /** Exponent of the destination mass. Default 1. */
  readonly destinationExponent?: number;
  readonly decay: DecaySpec;
}

export interface TotalsInput {
  readonly regions: readonly string[];
  /** n x n distances (km), row-major; diagonal ignored. */
  readonly distance: Float64Array;
  /** Mass per region for the prior (e.g. mid-period population). */
  readonly mass: Float64Array;
  /** Known out-migration per region. */
  readonly outTotals: Float64Array;
  /** Known in-migration per region; must sum to the same total as outTotals. */
  readonly inTotals: Float64Array;
}

export interface StocksFlowsResult {
  readonly model: 'flows-from-stocks';
  readonly method: string;
  /** Every assumption the estimate rests on, in words, for reports and the CLI. */
  readonly assumptions: string[];
  readonly parameters: Record<string, number | string>;
  readonly regions: readonly string[];
  /** Estimated flows, one entry per ordered pair with a positive estimate. */
  readonly origin: number[];
  readonly destination: number[];
  readonly flow: number[];
  readonly outTotals: Record<string, number>;
  readonly inTotals: Record<string, number>;
  /** inTotals - outTotals per region. */
  readonly net: Record<string, number>;
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest relative difference between estimated and required totals. */
  readonly maxMarginError: number;
  readonly warnings: string[];
  /** `warnings` and `assumptions` (and the census estimate's `method`) coded, in the same order, for a front-end in another language. */
  readonly messages?: { readonly warnings: CodedMessage[]; readonly assumptions?: CodedMessage[]; readonly method?: CodedMessage };
}
