import type { FlowTable } from '../core/flow-table.ts';
import { flowMargins } from './margins.ts';
import type { RegionRatios } from './types.ts';

/**
 * Migration efficiency (effectiveness): E_i = (D_i - O_i) / (D_i + O_i), a ratio in [-1, 1];
 * -1 means only departures, 0 balanced exchange, 1 only arrivals. `system` is the aggregate
 * sum_i |D_i - O_i| / sum_i (D_i + O_i) in [0, 1], the MEI of Bell et al. (2002, "Cross-national
 * comparison of internal migration", Population, Space and Place 8, 435-464) divided by 100
 * (migrationIndices gives it in percent). Null where a region has no moves at all.
 */
export interface EfficiencyResult {
  byRegion: RegionRatios;
  system: number | null;
}

export function migrationEfficiency(table: FlowTable): EfficiencyResult {
  const m = flowMargins(table);
  const out: RegionRatios = {};
  let absNet = 0;
  let gross = 0;
  for (let i = 0; i < m.regions.length; i++) {
    const g = m.inflow[i] + m.outflow[i];
    const n = m.inflow[i] - m.outflow[i];
    out[m.regions[i]] = g > 0 ? n / g : null;
    absNet += Math.abs(n);
    gross += g;
  }
  return { byRegion: out, system: gross > 0 ? absNet / gross : null };
}
