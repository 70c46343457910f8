import { def } from './message.ts';

/**
 * How a measure was computed and what a reader must assume (src/app/measure: `method` and
 * `assumptions` of its result), in the English `talentflow measures` has always printed. A
 * measure's method is one code whose parameters say which measure and its numbers, so the
 * "(estimated flows)" every flow measure may end with is said in one place.
 */
const FLOW_METHOD: Readonly<Record<string, (p: { years: number; per: number; k: number }) => string>> = {
  summary: (p) => `in-flow, out-flow, net = in - out, gross = in + out, efficiency = net / gross; rates per 1,000 residents per year over ${p.years} year(s)`,
  in: () => 'in-flow: arrivals from the other regions of the table',
  out: () => 'out-flow: departures to the other regions of the table',
  net: () => 'net migration = in-flow - out-flow from stored flows',
  gross: () => 'gross migration (turnover) = in-flow + out-flow',
  efficiency: () => 'migration efficiency = net / gross, in [-1, 1]',
  rates: (p) => `crude rates per ${p.per} residents per year over ${p.years} year(s)`,
  retention: () => 'retention = stayers (origin = destination) / cohort (stayers + out-flow)',
  corridors: () => 'largest origin-destination flows with their share of all flows between different regions',
  concentration: (p) => `concentration of each origin's out-flows over the other regions: top-${p.k} share, Gini, normalised entropy`,
  intensity: () => 'Bell et al. (2002): CMI = 100 M / P, MEI = 100 sum|net| / sum gross, ANMR = 50 sum|net| / P',
};

export const MEASURE_METHOD_MESSAGES = {
  /** `years` the flows span, `per` residents of a rate, `k` destinations of a top share; each read by the measures that use it. */
  'measure.method': def({ measure: 'rates', years: 10, per: 1000, k: 5, estimated: true as boolean },
    (p) => `${FLOW_METHOD[p.measure]?.(p) ?? p.measure}${p.estimated ? ' (estimated flows)' : ''}`),
  'measure.method.change': def({ of: 'net', field: 'net', from: '2015', to: '2020' },
    (p) => `change of ${p.of} (${p.field}) from ${p.from} to ${p.to}: difference and percent change`),
  'measure.method.census': def({ from: 2010, to: 2020 },
    (p) => `census net migration ${p.from}-${p.to}: population ${p.to} - population ${p.from} - natural change (residual method, UN Manual VI)`),
  /** `estimated` of `rows` stored flow rows; all of them when equal. */
  'measure.assumption.estimatedRows': def({ estimated: 961, rows: 961 },
    (p) => `${p.estimated === p.rows ? 'all' : `${p.estimated} of ${p.rows}`} flow rows are model estimates (stored by \`talentflow estimate\`), not observed moves`),
  'measure.assumption.populations': def({ year: '2010' as string | null },
    (p) => `populations: indicator "population" in ${p.year ?? 'no year'}`),
  'measure.assumption.naturalIndicator': def({ indicator: 'natural', from: 2010, to: 2020 },
    (p) => `natural change per region from indicator "${p.indicator}" (${p.from}-${p.to})`),
  /** `byDefault`: the rate 0 was not given but is the default. */
  'measure.assumption.naturalIgnored': def({ from: 2010, to: 2020, byDefault: true as boolean },
    (p) => `natural change ignored (annual rate 0${p.byDefault ? ', the default' : ''}): net migration is the whole population change ${p.from}-${p.to}; where deaths exceeded births (much of the Northeast in the late 2010s) this overstates out-migration`),
  'measure.assumption.naturalRate': def({ from: 2010, to: 2020, rate: -0.001 },
    (p) => `natural change = population ${p.from} x ((1 + ${p.rate})^${p.to - p.from} - 1), the same annual rate for every region`),
};
