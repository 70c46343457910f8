import { def } from './message.ts';

/**
 * What a measure request is refused for (src/app/measure): an unknown measure, options that do
 * not go together, a census interval or natural change missing. The English `talentflow
 * measures` has always written; the field it names stays in front (SpecError's field).
 */
export const MEASURE_ERROR_MESSAGES = {
  /** `measures` every measure, or empty where the caller lists none. */
  'measure.unknown': def({ measure: 'happiness', measures: ['net', 'in'] as readonly string[] },
    (p) => `unknown measure "${p.measure}"${p.measures.length ? `; one of ${p.measures.join(', ')}` : ''}`),
  'measure.losingAndGaining': def({}, () => 'give --losing or --gaining, not both'),
  'measure.oneSelection': def({}, () => 'give one of --group, --within, --region'),
  'measure.census.needsYears': def({}, () => 'census-net needs two census years: --from 2010 --to 2020 (or --period 2010-2020)'),
  'measure.census.badYears': def({ from: '2020', to: '2010' }, (p) => `--from and --to must be census years with --to later, got ${p.from} and ${p.to}`),
  'measure.census.noNatural': def({ indicator: 'natural', from: 2010, to: 2020 },
    (p) => `no values of "${p.indicator}" for period ${p.from}-${p.to} (natural change in persons over the interval)`),
  'measure.census.needsNatural': def({},
    () => 'census net migration needs natural change: --natural-rate R (annual, per person, e.g. -0.001; 0 ignores natural change) or --natural-indicator NAME'),
  'measure.change.needsPeriods': def({}, () => 'change needs two periods: --from P1 --to P2 (e.g. --from 2015 --to 2020)'),
  'measure.change.notPerRegion': def({ of: 'corridors' }, (p) => `change compares a per-region flow measure (net, in, out, gross, efficiency, rates), got "${p.of}"`),
  'measure.intensity.needsPopulation': def({},
    () => 'intensity needs the population of every region of the table (indicator "population" in the period\'s first year, or --population-year)'),
};
