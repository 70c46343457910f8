import { def } from './message.ts';

/**
 * What a radiation fit says (src/models/radiation/radiation.ts): its method in words and its
 * warnings. Counts are written as the English always wrote them (no digit grouping).
 */
export const RADIATION_MESSAGES = {
  /** `outflows` the outflow totals T_i: given by the caller or observed in the flows. */
  'radiation.method': def({ finiteSize: true as boolean, outflows: 'observed' as 'observed' | 'given' },
    (p) => `Simini et al. (2012) radiation model${p.finiteSize ? ' with the finite-size normalisation 1 / (1 - m_i / M)' : ''}; outflows ${p.outflows}`),
  'radiation.intraLeftOut': def({ rows: 17 },
    (p) => `${p.rows} intra-regional rows have no radiation prediction and are left out of the statistics`),
  'radiation.noInterRegional': def({}, () => 'no inter-regional rows: no statistics'),

  // Input the model cannot take (check.ts; the file and workspace reading, src/app/fit/radiation-data.ts).
  /** `values` given for `regions` regions (population, outflows); `square` the distance matrix's n x n. */
  'radiation.input.count': def({ values: 16, regions: 17, square: false as boolean },
    (p) => (p.square ? `has ${p.values} values, expected ${p.regions} x ${p.regions}` : `has ${p.values} values for ${p.regions} regions`)),
  'radiation.input.populationBad': def({ value: '0', region: 'KR11' }, (p) => `population ${p.value} of region "${p.region}" is not a positive number`),
  'radiation.input.distanceBad': def({ value: '-1', from: 'KR11', to: 'KR26' }, (p) => `distance ${p.value} between "${p.from}" and "${p.to}" is not a finite number >= 0`),
  'radiation.input.lengths': def({}, () => 'origin, destination and flow differ in length'),
  'radiation.input.regionIndex': def({ regions: 17 }, (p) => `region index outside the ${p.regions} regions`),
  'radiation.input.flowBad': def({ value: '-3' }, (p) => `flow ${p.value} is not a finite number >= 0`),
  'radiation.input.noDistance': def({ from: 'A', to: 'B' }, (p) => `no distance between ${p.from} and ${p.to}: the radiation model needs every pair`),
  'radiation.input.onePeriod': def({}, () => 'the radiation model takes one period (--period)'),
};
