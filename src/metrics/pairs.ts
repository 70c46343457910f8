import type { FlowTable } from '../core/flow-table.ts';
import { flowMargins } from './margins.ts';

/**
 * Sums duplicate origin-destination rows, so corridors and concentration see one count per pair.
 * Dense accumulation when regions^2 <= 2^24 (a 128 MB ceiling), a Map otherwise. Pairs come out
 * ordered by origin, then destination. Rows are checked by flowMargins first.
 */
export interface PairTotals {
  origin: Uint32Array;
  destination: Uint32Array;
  count: Float64Array;
}

const DENSE_LIMIT = 1 << 24;

export function pairTotals(table: FlowTable): PairTotals {
  flowMargins(table);
  const r = table.regions.length;
  const { origin, destination, count } = table;
  if (r * r <= DENSE_LIMIT) {
    const dense = new Float64Array(r * r);
    const seen = new Uint8Array(r * r);
    let pairs = 0;
    for (let k = 0; k < count.length; k++) {
      const key = origin[k] * r + destination[k];
      if (!seen[key]) {
        seen[key] = 1;
        pairs++;
      }
      dense[key] += count[k];
    }
    const out = { origin: new Uint32Array(pairs), destination: new Uint32Array(pairs), count: new Float64Array(pairs) };
    let p = 0;
    for (let key = 0; key < r * r; key++) {
      if (!seen[key]) continue;
      out.origin[p] = Math.floor(key / r);
      out.destination[p] = key % r;
      out.count[p++] = dense[key];
    }
    return out;
  }
  const map = new Map<number, number>();
  for (let k = 0; k < count.length; k++) {
    const key = origin[k] * r + destination[k];
    map.set(key, (map.get(key) ?? 0) + count[k]);
  }
  const keys = [...map.keys()].sort((a, b) => a - b);
  const out = { origin: new Uint32Array(keys.length), destination: new Uint32Array(keys.length), count: new Float64Array(keys.length) };
  keys.forEach((key, p) => {
    out.origin[p] = Math.floor(key / r);
    out.destination[p] = key % r;
    out.count[p] = map.get(key) as number;
  });
  return out;
}
