import type { FlowTable } from '../core/flow-table.ts';
import { byRegion, flowMargins } from './margins.ts';
import type { RegionValues } from './types.ts';

/** In-flow D_i = sum over j != i of F(j, i): people arriving in region i from other regions. */
export function inflow(table: FlowTable): RegionValues {
  const m = flowMargins(table);
  return byRegion(m.regions, m.inflow);
}
