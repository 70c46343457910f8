import { InputError } from '../core/errors.ts';
import type { FlowTable } from '../core/flow-table.ts';

/**
 * One pass over a FlowTable: in-flow, out-flow and intra-regional (origin = destination) flow of
 * every region. Diagonal rows are kept apart: they are stayers (a cohort table) or moves within
 * a region, not exchanges between regions, so they never enter in-flow, out-flow or net.
 * Duplicate origin-destination rows are summed. Checks every row (index range, finite count
 * >= 0) in the same loop, so a bad table fails with the row number instead of giving NaN.
 */
export interface Margins {
  regions: readonly string[];
  inflow: Float64Array;
  outflow: Float64Array;
  intra: Float64Array;
  /** Sum of flows between different regions. */
  interTotal: number;
  /** Sum of diagonal flows. */
  intraTotal: number;
  /** Number of diagonal rows seen (0 means the table carries no stayers). */
  intraRows: number;
}

export function flowMargins(table: FlowTable): Margins {
  const { regions, origin, destination, count } = table;
  const n = count.length;
  if (origin.length !== n || destination.length !== n) {
    throw new InputError(`flow table columns differ in length: origin ${origin.length}, destination ${destination.length}, count ${n}`);
  }
  const r = regions.length;
  const inflow = new Float64Array(r);
  const outflow = new Float64Array(r);
  const intra = new Float64Array(r);
  let interTotal = 0;
  let intraTotal = 0;
  let intraRows = 0;
  for (let k = 0; k < n; k++) {
    const o = origin[k];
    const d = destination[k];
    const c = count[k];
    if (!(c >= 0) || c === Infinity || o >= r || d >= r) throw badRow(table, k);
    if (o === d) {
      intra[o] += c;
      intraTotal += c;
      intraRows++;
    } else {
      outflow[o] += c;
      inflow[d] += c;
      interTotal += c;
    }
  }
  return { regions, inflow, outflow, intra, interTotal, intraTotal, intraRows };
}

function badRow(table: FlowTable, k: number): InputError {
  const r = table.regions.length;
  if (table.origin[k] >= r) return new InputError(`origin index ${table.origin[k]} is outside the ${r} regions`, { row: k + 1, column: 'origin' });
  if (table.destination[k] >= r) return new InputError(`destination index ${table.destination[k]} is outside the ${r} regions`, { row: k + 1, column: 'destination' });
  return new InputError(`flow count must be finite and >= 0, got ${table.count[k]}`, { row: k + 1, column: 'count' });
}

/** A Float64Array aligned with `regions` as an object keyed by region code. */
export function byRegion(regions: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < regions.length; i++) out[regions[i]] = values[i];
  return out;
}
