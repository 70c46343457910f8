import type { FlowTable } from '../core/flow-table.ts';
import { byRegion, flowMargins } from './margins.ts';
import type { RegionValues } from './types.ts';

/**
 * Net migration N_i = D_i - O_i (in-flow less out-flow); negative means the region loses people.
 * In a closed system (every origin and destination in the table) the nets sum to zero.
 */
export function netFlow(table: FlowTable): RegionValues {
  const m = flowMargins(table);
  const net = new Float64Array(m.regions.length);
  for (let i = 0; i < net.length; i++) net[i] = m.inflow[i] - m.outflow[i];
  return byRegion(m.regions, net);
}
