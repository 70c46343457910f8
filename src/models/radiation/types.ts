import type { CodedMessage } from '../../core/messages/index.ts';

/** Inputs and result of the radiation model (plain data; arrays per observed row). */

export interface RadiationData {
  /** Region codes; population and the distance matrix follow this order. */
  readonly regions: readonly string[];
  /** Population (or other opportunity mass) per region, > 0. */
  readonly population: Float64Array;
  /** n x n distances, row-major (e.g. haversineMatrix of centroids). */
  readonly distance: Float64Array;
  /** Observed flows, one per row: used for the outflow totals and the fit statistics. */
  readonly origin: Uint32Array;
  readonly destination: Uint32Array;
  readonly flow: Float64Array;
}

export interface RadiationSpec {
  /** Divide by 1 - m_i / M so each origin's flows sum to its outflow (Masucci et al. 2013). Default true. */
  readonly finiteSize?: boolean;
  /** Outflow T_i per region; default: the observed inter-regional outflow of each region. */
  readonly outflows?: Float64Array;
}

export interface RadiationResult {
  readonly model: 'radiation';
  readonly method: string;
  readonly finiteSize: boolean;
  readonly regions: readonly string[];
  /** T_i used per region (by code). */
  readonly outflows: Record<string, number>;
  /** Expected flow for each observed row (intra-regional rows: null). */
  readonly expected: (number | null)[];
  /** Statistics on the observed inter-regional rows, comparable with a gravity fit on the same rows. */
  readonly nobs: number;
  readonly deviance: number;
  readonly logLikelihood: number;
  readonly aic: number;
  readonly srmse: number;
  readonly cpc: number;
  readonly ssi: number;
  readonly parameters: Record<string, never>;
  readonly warnings: string[];
  /**
   * The warnings (same order) and the method coded (core/messages), for a front-end's language;
   * `warnings` and `method` keep their English (absent in results made before codes).
   */
  readonly messages?: { readonly warnings?: readonly CodedMessage[]; readonly method?: CodedMessage };
}
