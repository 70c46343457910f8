import { SpecError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import { haversineMatrix } from '../../numeric/haversine.ts';
import type { GravityResult } from '../gravity/types.ts';
import { flowsFromTotals } from './flows-from-totals.ts';
import { netMigrationFromCensus, totalsFromNet } from './net-migration.ts';
import type { DecaySpec, PriorSpec, StocksFlowsResult } from './types.ts';

export interface CensusFlowsOptions {
  /** Years between the censuses (China 2010 -> 2020: 10). */
  readonly years: number;
  /** Annual natural change rate (one or per region). Default: the rate that closes the national total. */
  readonly naturalRate?: number | Float64Array;
  /**
   * Gross migration on top of the net, as a share of the population over the whole interval.
   * Default DEFAULT_GROSS_RATE_PER_YEAR x years, so every region both sends and receives; 0 gives
   * minimum migration (only net losers send), which misleads as a picture of who leaves.
   */
  readonly grossRate?: number;
  /** Distance decay of the prior. Default power -1.2 (a typical internal-migration distance elasticity; fit one with decayFromGravity where flows exist). */
  readonly decay?: DecaySpec;
  /** Mass exponents of the prior. Default 1 and 1. */
  readonly originExponent?: number;
  readonly destinationExponent?: number;
}

/**
 * Default gross migration a year on top of the net: 0.8% of the population, the 2010 census's
 * count of 55.0 million inter-provincial migrants over five years (Wang Guixin 2022) over a
 * population of 1.34 billion. An assumption for any region set, stated in every result.
 */
export const DEFAULT_GROSS_RATE_PER_YEAR = 0.008;

/** Default decay of the census example, documented in docs/models/stocks.md. */
export const DEFAULT_CENSUS_DECAY: DecaySpec = { form: 'power', parameter: -1.2, source: 'default: power -1.2, a typical distance elasticity of internal migration' };

/**
 * Example pipeline for census stocks: city populations at two censuses and centroids (longitude,
 * latitude in degrees) -> net migration per city -> out/in totals -> IPF on a gravity prior over
 * great-circle distances. E.g. China's 369 cities, 2010 -> 2020:
 *   flowsFromCensus(codes, pop2010, pop2020, lon, lat, { years: 10 })
 */
export function flowsFromCensus(
  regions: readonly string[],
  pop0: Float64Array,
  pop1: Float64Array,
  lon: Float64Array,
  lat: Float64Array,
  options: CensusFlowsOptions,
): StocksFlowsResult {
  if (lon.length !== regions.length || lat.length !== regions.length) throw new SpecError('need one centroid per region', 'centroids');
  const census = netMigrationFromCensus(regions, pop0, pop1, { years: options.years, naturalRate: options.naturalRate });
  const mid = Float64Array.from(pop0, (v, i) => Math.sqrt(v * pop1[i]));
  const grossRate = options.grossRate ?? DEFAULT_GROSS_RATE_PER_YEAR * options.years;
  const totals = totalsFromNet(census.net, mid, grossRate);
  const grossNote = options.grossRate === undefined ? [coded('census.assumption.grossDefault', { perYear: DEFAULT_GROSS_RATE_PER_YEAR })] : [];
  const prior: PriorSpec = { decay: options.decay ?? DEFAULT_CENSUS_DECAY, originExponent: options.originExponent, destinationExponent: options.destinationExponent };
  const result = flowsFromTotals(
    { regions, distance: haversineMatrix(lon, lat), mass: mid, outTotals: totals.outTotals, inTotals: totals.inTotals },
    prior,
    [...census.messages.assumptions, totals.messages.assumption, ...grossNote, coded('census.assumption.priorMasses', {})],
    coded('census.method', { years: options.years }),
  );
  return {
    ...result,
    parameters: { ...result.parameters, years: options.years, naturalRate: options.naturalRate === undefined ? census.naturalRate[0] : typeof options.naturalRate === 'number' ? options.naturalRate : 'per region', grossRate, unexplainedNationalNet: census.unexplained },
  };
}

/** The decay estimated by a gravity fit, for the prior (e.g. Korea's doubly-constrained exponent). */
export function decayFromGravity(result: GravityResult): DecaySpec {
  return {
    form: result.decay,
    parameter: result.coefficients[result.costName],
    source: `${result.constraint} gravity fit (${result.costName} = ${result.coefficients[result.costName].toPrecision(6)})`,
  };
}
