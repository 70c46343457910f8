import { MISSING } from '../../numeric/interact.ts';

/**
 * What one pass over the four columns every gravity table has (origin, destination, flow, cost)
 * finds, so that the design's later steps run only when there is something for them to do.
 *
 * Why one pass: at 9 million rows each separate scan of these columns streams 150-220 MB and
 * costs 50-250 ms on this class of machine (the loops are memory-bound), and the design used to
 * make six of them (rows to use, missing values, bad flows, bad costs, repeated pairs, empty
 * origins and destinations). A file with nothing missing, bad or repeated, the usual case, now
 * reads them once; anything unusual sends the design down the step-by-step path, whose messages
 * stay exactly as they were.
 */
export interface CoreRowScan {
  /** First row whose origin or destination is neither a region nor MISSING; -1 if none. */
  readonly badRow: number;
  /** Rows left out as intra-regional (origin = destination, `intra` off). */
  readonly intraDropped: number;
  /** Rows marked in `keep`. */
  readonly kept: number;
  /** Whether a kept row has a missing origin, destination, flow or cost. */
  readonly missing: boolean;
  /** First kept row whose flow is not a finite non-negative number; -1 if none. Meaningful only without `missing`. */
  readonly badFlow: number;
  /** First kept row whose cost breaks the decay's rule (finite; positive for a power decay); -1 if none. Meaningful only without `missing`. */
  readonly badCost: number;
  /** Whether no two kept rows share an origin-destination pair; null when the pairs were not checked (too many regions, or `missing`). */
  readonly pairsUnique: boolean | null;
  /** Flow total and row count of each region as origin and as destination over the kept rows. */
  readonly originTotal: Float64Array;
  readonly originCount: Uint32Array;
  readonly destinationTotal: Float64Array;
  readonly destinationCount: Uint32Array;
}

/** Pair spaces up to this many pairs are checked with one bit per pair (2^28 bits: 32 MiB). */
const PAIR_BITMAP_LIMIT = 2 ** 28;

/**
 * Marks the rows to use in `keep` (keep[r] = 1: origin and destination in range or MISSING, and
 * not intra-regional unless `intra`), stopping at the first out-of-range row, and gathers the
 * rest of CoreRowScan over the rows marked.
 */
export function scanCoreRows(
  origin: Uint32Array,
  destination: Uint32Array,
  flow: Float64Array,
  cost: Float64Array,
  nRegions: number,
  intra: boolean,
  positiveCost: boolean,
  keep: Uint8Array,
): CoreRowScan {
  const originTotal = new Float64Array(nRegions);
  const originCount = new Uint32Array(nRegions);
  const destinationTotal = new Float64Array(nRegions);
  const destinationCount = new Uint32Array(nRegions);
  const checkPairs = nRegions * nRegions <= PAIR_BITMAP_LIMIT;
  const seen = new Uint32Array(checkPairs ? Math.ceil((nRegions * nRegions) / 32) : 0);
  // Plain locals, read back once at the end: a closure over them would keep them in a context
  // object, a memory store per row for each counter.
  let intraDropped = 0;
  let kept = 0;
  let missing = false;
  let badFlow = -1;
  let badCost = -1;
  let repeated = false;
  let badRow = -1;
  for (let r = 0; r < origin.length; r++) {
    const o = origin[r];
    const d = destination[r];
    if ((o >= nRegions && o !== MISSING) || (d >= nRegions && d !== MISSING)) {
      badRow = r;
      break;
    }
    if (o === d && !intra) {
      intraDropped++;
      continue;
    }
    keep[r] = 1;
    kept++;
    const f = flow[r];
    const c = cost[r];
    if (o === MISSING || d === MISSING || f !== f || c !== c) {
      missing = true;
      continue;
    }
    if (badFlow < 0 && (f - f !== 0 || f < 0)) badFlow = r;
    if (badCost < 0 && (c - c !== 0 || (positiveCost && !(c > 0)))) badCost = r;
    originTotal[o] += f;
    originCount[o]++;
    destinationTotal[d] += f;
    destinationCount[d]++;
    if (checkPairs) {
      const key = o * nRegions + d;
      const word = key >>> 5;
      const bit = 1 << (key & 31);
      if (seen[word] & bit) repeated = true;
      seen[word] |= bit;
    }
  }
  return {
    badRow, intraDropped, kept, missing, badFlow, badCost,
    pairsUnique: checkPairs && !missing ? !repeated : null,
    originTotal, originCount, destinationTotal, destinationCount,
  };
}
