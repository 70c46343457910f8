import { InputError, SpecError } from '../../core/errors.ts';

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
  const assumptions: string[] = [];
  const rate = new Float64Array(n);
  if (options.naturalRate === undefined) {
    rate.fill(Math.pow(total1 / total0, 1 / t) - 1);
    assumptions.push(
      `natural change rate ${(rate[0] * 100).toFixed(4)}% a year in every region, chosen so the national total has zero net migration (closed system: all national growth is natural)`,
    );
  } else if (typeof options.naturalRate === 'number') {
    rate.fill(options.naturalRate);
    assumptions.push(`natural change rate ${(options.naturalRate * 100).toFixed(4)}% a year in every region (given)`);
  } else {
    if (options.naturalRate.length !== n) throw new SpecError(`has ${options.naturalRate.length} rates for ${n} regions`, 'naturalRate');
    rate.set(options.naturalRate);
    assumptions.push('natural change rates per region (given)');
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
    assumptions.push(`a national residual of ${Math.round(sum)} persons (international migration, census error) was spread over regions in proportion to the second census population so that internal net migration sums to zero`);
  }
  assumptions.push(`net migration is the census residual over ${t} years: P1 - P0 (1 + r)^${t}; it nets out return and onward moves`);
  return { net, naturalRate: rate, unexplained: sum, assumptions };
}

/**
 * Out- and in-totals consistent with net migration: out_i = g * P_i + max(0, -net_i) and
 * in_i = g * P_i + max(0, net_i), so in_i - out_i = net_i. g is the gross migration intensity
 * besides the net (default 0: the minimum migration consistent with the nets, i.e. only
 * net-losing regions send and only net-gaining regions receive).
 */
export function totalsFromNet(net: Float64Array, population: Float64Array, grossRate = 0): { outTotals: Float64Array; inTotals: Float64Array; assumption: string } {
  if (!(grossRate >= 0)) throw new SpecError(`${grossRate} is not >= 0`, 'grossRate');
  const outTotals = Float64Array.from(net, (v, i) => grossRate * population[i] + Math.max(0, -v));
  const inTotals = Float64Array.from(net, (v, i) => grossRate * population[i] + Math.max(0, v));
  const assumption =
    grossRate === 0
      ? 'minimum migration: only net-losing regions send and only net-gaining regions receive (gross flows equal net flows); true gross flows are larger'
      : `gross migration ${grossRate} x population both ways in every region on top of the net change`;
  return { outTotals, inTotals, assumption };
}
