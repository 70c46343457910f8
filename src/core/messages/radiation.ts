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
};
