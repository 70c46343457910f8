import { InputError, SpecError } from '../../core/errors.ts';
import { coded, english, type CodedMessage } from '../../core/messages/index.ts';

/**
 * Net migration from two censuses by the demographic balancing equation (residual method):
 * net_i = P1_i - P0_i * (1 + r_i)^years, where r_i is the annual natural change rate (births
 * minus deaths per person). When no rate is given, one common rate is chosen so that the country
 * as a whole has zero net migration (sum_i P0_i (1 + r)^years = sum_i P1_i): all national growth is
 * then natural and internal migration is a closed system. With given rates the residual national
 * total is spread over regions in proportion to P1 (so the nets still sum to zero) and reported.
 */
export interface CensusNetOptions {
  /** Years between the censuses (> 0). */
  readonly years: number;
  /** Annual natural change rate, one for all or one per region. Default: the closing rate above. */
  readonly naturalRate?: number | Float64Array;
}

export interface CensusNet {
  readonly net: Float64Array;
  /** Rates used per region. */
  readonly naturalRate: Float64Array;
  /** National net before spreading (0 with the default rate): international migration and error. */
  readonly unexplained: number;
  readonly assumptions: string[];
  /** `assumptions` coded, in the same order, for a front-end in another language. */
  readonly messages: { readonly assumptions: CodedMessage[] };
}

export function netMigrationFromCensus(regions: readonly string[], pop0: Float64Array, pop1: Float64Array, options: CensusNetOptions): CensusNet {
  const n = regions.length;
  if (pop0.length !== n || pop1.length !== n) throw new InputError(`need one population per region (${n})`, { column: pop0.length !== n ? 'pop0' : 'pop1' });
  for (let i = 0; i < n; i++) {
    if (!(pop0[i] > 0) || !(pop1[i] >= 0) || !Number.isFinite(pop0[i] + pop1[i])) {
      throw new InputError(`populations ${pop0[i]} -> ${pop1[i]} of region "${regions[i]}" are not valid: the first census needs a population > 0 (a region created between the censuses must be merged into the one it came from, or dropped)`, { column: 'population' });
    }
  }
  if (!(options.years > 0)) throw new SpecError(`${options.years} is not > 0`, 'years');
  const t = options.years;
  let total0 = 0;
  let total1 = 0;
  for (let i = 0; i < n; i++) {
    total0 += pop0[i];
    total1 += pop1[i];
  }
  const assumptions: CodedMessage[] = [];
  const rate = new Float64Array(n);
  if (options.naturalRate === undefined) {
    rate.fill(Math.pow(total1 / total0, 1 / t) - 1);
    assumptions.push(coded('census.assumption.closingRate', { rate: rate[0] }));
  } else if (typeof options.naturalRate === 'number') {
    rate.fill(options.naturalRate);
    assumptions.push(coded('census.assumption.givenRate', { rate: options.naturalRate }));
  } else {
    if (options.naturalRate.length !== n) throw new SpecError(`has ${options.naturalRate.length} rates for ${n} regions`, 'naturalRate');
    rate.set(options.naturalRate);
    assumptions.push(coded('census.assumption.ratesPerRegion', {}));
  }
  for (let i = 0; i < n; i++) if (!(rate[i] > -1) || !Number.isFinite(rate[i])) throw new SpecError(`rate ${rate[i]} of region "${regions[i]}" is not > -1`, 'naturalRate');
  const net = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    net[i] = pop1[i] - pop0[i] * Math.pow(1 + rate[i], t);
    sum += net[i];
  }
  if (Math.abs(sum) > 1e-9 * total1) {
    for (let i = 0; i < n; i++) net[i] -= (sum * pop1[i]) / total1;
    assumptions.push(coded('census.assumption.residualSpread', { residual: Math.round(sum) }));
  }
  assumptions.push(coded('census.assumption.residual', { years: t }));
  return { net, naturalRate: rate, unexplained: sum, assumptions: english(assumptions), messages: { assumptions } };
}

/**
 * Out- and in-totals consistent with net migration: out_i = g * P_i + max(0, -net_i) and
 * in_i = g * P_i + max(0, net_i), so in_i - out_i = net_i. g is the gross migration intensity
 * besides the net (default 0: the minimum migration consistent with the nets, i.e. only
 * net-losing regions send and only net-gaining regions receive).
 */
export function totalsFromNet(net: Float64Array, population: Float64Array, grossRate = 0): { outTotals: Float64Array; inTotals: Float64Array; assumption: string; messages: { assumption: CodedMessage } } {
  if (!(grossRate >= 0)) throw new SpecError(`${grossRate} is not >= 0`, 'grossRate');
  const outTotals = Float64Array.from(net, (v, i) => grossRate * population[i] + Math.max(0, -v));
  const inTotals = Float64Array.from(net, (v, i) => grossRate * population[i] + Math.max(0, v));
  const assumption = grossRate === 0 ? coded('census.assumption.minimumMigration', {}) : coded('census.assumption.gross', { grossRate });
  return { outTotals, inTotals, assumption: assumption.message, messages: { assumption } };
}
