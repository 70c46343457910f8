import { SpecError } from '../core/errors.ts';
import type { FlowTable } from '../core/flow-table.ts';
import { pairTotals } from './pairs.ts';

/**
 * The n largest origin-destination corridors with their share of the total flow and the running
 * (cumulative) share. Ties go to the lower origin, then destination index, so output is stable.
 */
export interface CorridorOptions {
  /** How many corridors. Default 10. */
  n?: number;
  /** Count origin = destination flows as corridors (and in the total). Default false. */
  includeIntra?: boolean;
}

export interface Corridor {
  origin: string;
  destination: string;
  count: number;
  share: number | null;
  cumulativeShare: number | null;
}

export interface CorridorsResult {
  total: number;
  corridors: Corridor[];
}

export function topCorridors(table: FlowTable, options: CorridorOptions = {}): CorridorsResult {
  const n = options.n ?? 10;
  const includeIntra = options.includeIntra ?? false;
  if (!Number.isInteger(n) || n < 1) throw new SpecError(`must be a positive integer, got ${n}`, 'n');
  const pairs = pairTotals(table);
  let total = 0;
  for (let p = 0; p < pairs.count.length; p++) if (includeIntra || pairs.origin[p] !== pairs.destination[p]) total += pairs.count[p];
  const idx = largest(pairs, n, includeIntra);
  let cumulative = 0;
  const corridors = idx.slice(0, n).map((p) => {
    cumulative += pairs.count[p];
    return {
      origin: table.regions[pairs.origin[p]],
      destination: table.regions[pairs.destination[p]],
      count: pairs.count[p],
      share: total > 0 ? pairs.count[p] / total : null,
      cumulativeShare: total > 0 ? cumulative / total : null,
    };
  });
  return { total, corridors };
}

/**
 * Indexes of the n largest pairs, largest first, ties to the lower index (pairs are in origin,
 * destination order). A bounded min-heap keeps this O(P log n) over millions of pairs.
 */
function largest(pairs: { origin: Uint32Array; destination: Uint32Array; count: Float64Array }, n: number, includeIntra: boolean): number[] {
  const c = pairs.count;
  // worse(a, b): a ranks below b.
  const worse = (a: number, b: number) => c[a] < c[b] || (c[a] === c[b] && a > b);
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let p = 0; p < c.length; p++) {
    if (!includeIntra && pairs.origin[p] === pairs.destination[p]) continue;
    if (heap.length < n) {
      heap.push(p);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (worse(heap[0], p)) {
      heap[0] = p;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
