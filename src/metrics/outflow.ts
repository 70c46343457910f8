import type { FlowTable } from '../core/flow-table.ts';
import { byRegion, flowMargins } from './margins.ts';
import type { RegionValues } from './types.ts';

/** Out-flow O_i = sum over j != i of F(i, j): people leaving region i for other regions. */
export function outflow(table: FlowTable): RegionValues {
  const m = flowMargins(table);
  return byRegion(m.regions, m.outflow);
}
