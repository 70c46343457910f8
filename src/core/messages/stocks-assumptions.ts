import { def } from './message.ts';

/**
 * What a flows-from-stocks estimate rests on (its `assumptions`, `definition`, `source` and, for
 * census-residual, `method`), in the English `talentflow estimate flows-from-stocks` has always
 * printed, so `--lang zh` and the page can say them in Chinese (stocks-assumptions-zh.ts).
 * Producers: src/models/stocks/ffs/assumptions.ts (birthplace, migest ffs_demo port),
 * src/models/stocks/{net-migration,census,flows-from-totals}.ts (census-residual), and the
 * workspace steps src/store/estimate-{birthplace,census}-flows.ts.
 */
export const STOCKS_ASSUMPTION_MESSAGES = {
  // The birthplace estimator (Abel 2013; the migest ffs_demo port).
  'ffs.assumption.closed': def({},
    () => 'stocks are by place of birth (rows) and place of residence (columns) at the start and at the end of the period; the system is closed apart from births and deaths'),
  'ffs.assumption.noGap': def({}, () => 'the change of the stock totals already equals births - deaths; no global adjustment was needed'),
  /** migest nb_scale_global before births and deaths are removed; `gap` births - deaths minus the change of the totals. */
  'ffs.assumption.gapAbsorbed': def({ gap: 8650059.66 },
    (p) => `the change of the stock totals differs from births - deaths by ${p.gap} persons; before births and deaths were removed, the native-born cells absorbed it, half at the start and half at the end, in whole persons with the rounding residual on the largest native-born cell (migest nb_scale_global)`),
  'ffs.assumption.gapMoved': def({ moved: 1200 },
    (p) => `the stock totals were made equal after births and deaths were removed by moving ${p.moved} persons into the start natives and out of the end natives, in proportion to each region's natives`),
  'ffs.assumption.birthsNative': def({ nonNegative: true as boolean },
    (p) => `births are natives of the region where they occur and have not moved by the end of the period${p.nonNegative ? ' (where births exceed the natives at the end, they are spread over all residents)' : ''}`),
  'ffs.assumption.birthsSpread': def({}, () => 'births are spread over birthplace groups in proportion to the end stocks of their region of residence'),
  'ffs.assumption.deathsProportion': def({},
    () => 'deaths in each region are spread over birthplace groups in proportion to the start stocks (natives and migrants die at the same rate)'),
  'ffs.assumption.deathsImplied': def({}, () => 'deaths by birthplace are those implied by the stocks (start + births - end), fitted together with deaths by residence'),
  'ffs.assumption.matchRescale': def({}, () => 'the two tables are rescaled to meet halfway on the number of people born in each place (Abel & Sander 2014)'),
  /** `method` open or stocks: the missing people spread like the other (open) or the same table's row. */
  'ffs.assumption.matchOpen': def({ method: 'open' },
    (p) => `people born in a place who are missing at one end moved out of or into the system, spread like the ${p.method === 'open' ? 'other' : 'same'} table's row (Abel 2013, method '${p.method}')`),
  'ffs.assumption.stayers': def({ seedGiven: false as boolean },
    (p) => `for each birthplace and residence, min(start, end) persons stayed and only the remainder moved (quasi-independence; close to the minimum migration consistent with the stocks)${p.seedGiven ? '; the given seed is not used on this path, as in migest' : ''}`),
  'ffs.assumption.independence': def({ seedGiven: true as boolean },
    (p) => `flows follow ${p.seedGiven ? 'the given seed' : 'a uniform seed'} rescaled to the start and end stocks, stayers included (independence model, Azose & Raftery 2019)`),
  'ffs.assumption.tolerance': def({ tolerance: 0.001 },
    (p) => `every IPF step stops when no cell changes by more than ${p.tolerance} in an iteration (mipfp's rule${p.tolerance >= 1e-3 ? '; at migest\'s default 1e-3 the steps are not converged and margins can be off by up to maxMarginError' : ''})`),
  // What the workspace step adds (src/store/estimate-birthplace-flows.ts).
  /** Rates from the workspace's indicators: births and deaths (`growth` false) or the natural growth rate alone; `span` the years averaged. */
  'stocks.assumption.naturalData': def({ growth: false as boolean, span: '2000-2009' },
    (p) => `natural change: births and deaths by region from the workspace's ${naturalSource(p.growth, p.span)}`),
  /** One set of rates for every region; `range` when they are the central case of the stated range (low and high given). */
  'stocks.assumption.naturalRates': def({ births: 12.5, deaths: 6.7, range: true as boolean, lowBirths: 9.5, lowDeaths: 7.5, highBirths: 15, highDeaths: 6 },
    (p) => `natural change: births and deaths at ${p.births} and ${p.deaths} per 1,000 residents a year in every region${p.range ? ` (the central case of a stated range: low ${p.lowBirths}/${p.lowDeaths}, high ${p.highBirths}/${p.highDeaths}; the workspace holds no births and deaths by region)` : ''}`),
  'stocks.assumption.naturalNone': def({}, () => 'natural change: no births and no deaths (a stated simplification)'),
  /** Sampling rates of the two tables; null for a table in persons. */
  'stocks.assumption.sampling': def({ from: 2000, fromRate: 0.095 as number | null, to: 2010, toRate: 0.1 as number | null },
    (p) => `sample counts divided by their sampling rate (${p.from}: ${p.fromRate ?? 'persons'}; ${p.to}: ${p.toRate ?? 'persons'})`),
  'stocks.assumption.diagonal': def({}, () => 'people living in their region of birth = census population minus residents born in other regions of the table'),
  /** Without stayers: the calibrated distance prior; `factor` and `minimum` null when the total was given. */
  'stocks.assumption.prior': def({ power: 1, weight: '0.09885', target: 66866381, factor: 1.5 as number | null, minimum: 44577587 as number | null },
    (p, f) => `log-linear prior: distance^-${p.power} between region centroids and a weight ${p.weight} on staying, calibrated so that ${f.number(p.target)} people move${p.factor !== null && p.minimum !== null ? ` (${p.factor} times the ${f.number(p.minimum)} of the minimum-migration estimate: an assumption)` : ' (given)'}`),
  'stocks.birthplace.definition': def({ from: 2000, to: 2010, stayers: true as boolean },
    (p) => `flows ${p.from}-${p.to} estimated from two census birthplace tables (Abel 2013, migest ffs_demo${p.stayers ? ', stayers maximised: close to minimum migration' : ', distance prior'}), in persons`),
  /**
   * `definition` and `source` of the stock tables as stored (`endSource` the second table's when it
   * differs; the `Zh` ones their Chinese lines where stored); rates null for tables in persons.
   */
  'stocks.birthplace.source': def({
    definition: 'census lifetime migrants (birthplace -> residence)', from: 2000, to: 2010, source: 'China 2000 and 2010 censuses (NBS)', endSource: null as string | null,
    definitionZh: '普查终身迁移人口（出生地 → 现住地）' as string | null, sourceZh: '中国 2000 年与 2010 年人口普查（国家统计局）' as string | null, endSourceZh: null as string | null, fromRate: 0.095 as number | null, toRate: 0.1 as number | null, population: 'population',
  }, (p) => `${p.definition} ${p.from} and ${p.to} (${p.source}${p.endSource !== null ? `; ${p.endSource}` : ''}), ${unitText(p.from, p.fromRate)} and ${unitText(p.to, p.toRate)}; census populations (indicator "${p.population}") for the people living in their region of birth`),
  // The census-residual estimator (src/models/stocks/net-migration.ts, census.ts, flows-from-totals.ts).
  /** `rate` per person a year. */
  'census.assumption.closingRate': def({ rate: 0.005655 },
    (p) => `natural change rate ${(p.rate * 100).toFixed(4)}% a year in every region, chosen so the national total has zero net migration (closed system: all national growth is natural)`),
  'census.assumption.givenRate': def({ rate: 0.004 }, (p) => `natural change rate ${(p.rate * 100).toFixed(4)}% a year in every region (given)`),
  'census.assumption.ratesPerRegion': def({}, () => 'natural change rates per region (given)'),
  /** `residual` persons, rounded. */
  'census.assumption.residualSpread': def({ residual: -1200 },
    (p) => `a national residual of ${p.residual} persons (international migration, census error) was spread over regions in proportion to the second census population so that internal net migration sums to zero`),
  'census.assumption.residual': def({ years: 10 },
    (p) => `net migration is the census residual over ${p.years} years: P1 - P0 (1 + r)^${p.years}; it nets out return and onward moves`),
  'census.assumption.minimumMigration': def({},
    () => 'minimum migration: only net-losing regions send and only net-gaining regions receive (gross flows equal net flows); true gross flows are larger'),
  'census.assumption.gross': def({ grossRate: 0.08 }, (p) => `gross migration ${p.grossRate} x population both ways in every region on top of the net change`),
  /** `perYear` the default share of the population a year (0.008). */
  'census.assumption.grossDefault': def({ perYear: 0.008 },
    (p) => `gross migration on top of the net: ${(100 * p.perYear).toFixed(1)}% of the population a year (the default, an assumption: the 2010 census counted 55.0 million inter-provincial migrants over five years, 0.8% of 1.34 billion a year), so every region both sends and receives`),
  'census.assumption.priorMasses': def({},
    () => 'prior masses: geometric mean of the two census populations; distances: great-circle (haversine, R = 6371 km) between centroids'),
  /** The gravity prior; `decaySource` where the decay came from (core/messages/stocks-assumptions-zh.ts knows the estimators' own). */
  'census.assumption.gravityPrior': def({ originExponent: 1, destinationExponent: 1, form: 'power', parameter: -1.2, decaySource: 'default: power -1.2, a typical distance elasticity of internal migration' as string | null },
    (p) => `flows follow a gravity prior m_i^${p.originExponent} m_j^${p.destinationExponent} ${p.form === 'power' ? `d_ij^${p.parameter}` : `exp(${p.parameter} d_ij)`} rescaled to the totals (doubly-constrained gravity with a fixed decay${p.decaySource ? ` from ${p.decaySource}` : ''}); no intra-regional moves`),
  'census.method': def({ years: 10 }, (p) => `net migration from two censuses (${p.years} years) -> out/in totals -> IPF of a gravity prior`),
  // What the workspace step adds (src/store/estimate-census-flows.ts).
  'census.assumption.naturalData': def({ growth: false as boolean, span: '2010-2019' },
    (p) => `natural change by region from the workspace's ${naturalSource(p.growth, p.span)}`),
  /** One rate (per person a year) with the stated spread either side; `closing` when it was not given. */
  'census.assumption.naturalRange': def({ rate: 0.00565, closing: true as boolean, spread: 0.004 },
    (p) => `natural change: one annual rate ${(100 * p.rate).toFixed(3)}% for every region${p.closing ? ' (the rate that makes national net migration zero)' : ''}; with ${(100 * p.spread).toFixed(1)} points a year less or more (the spread of provincial natural growth rates in the 2010s) each region's net moves as naturalRange shows`),
  'census.definition': def({ period: '2010-2020', minimum: false as boolean },
    (p) => `flows ${p.period} estimated from census population change alone (net migration = population change less assumed natural change; ${p.minimum ? 'minimum gross migration' : 'an assumed gross migration rate'} spread on a gravity prior), in persons`),
  'census.source': def({ from: 2010, to: 2020 }, (p) => `populations of the censuses ${p.from} and ${p.to}`),
};

/** The workspace's natural change indicators in words (src/store/queries/natural-rates.ts). */
function naturalSource(growth: boolean, span: string): string {
  return growth ? `indicator natural_growth_rate (per 1,000 a year), each region's mean over ${span}` : `indicators birth_rate and death_rate (per 1,000 a year), each region's mean over ${span}`;
}

function unitText(date: number, rate: number | null): string {
  return rate === null ? `${date}: persons` : `${date}: sample counts at rate ${rate}`;
}
