import type { FlowTable } from '../core/flow-table.ts';
import { byRegion, flowMargins } from './margins.ts';
import type { RegionValues } from './types.ts';

/** Gross migration (turnover) G_i = D_i + O_i. Its sum over regions is twice the total moves. */
export function grossFlow(table: FlowTable): RegionValues {
  const m = flowMargins(table);
  const gross = new Float64Array(m.regions.length);
  for (let i = 0; i < gross.length; i++) gross[i] = m.inflow[i] + m.outflow[i];
  return byRegion(m.regions, gross);
}
