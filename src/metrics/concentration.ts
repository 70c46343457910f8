import type { FlowTable } from '../core/flow-table.ts';
import { gini, normalisedEntropy, topShare } from './inequality.ts';
import { pairTotals } from './pairs.ts';

/**
 * Concentration of each origin's out-flows over destinations: share of the top k destinations,
 * Gini and normalised entropy (see inequality.ts). The possible destinations are all other
 * regions of the table (n = regions - 1), zeros included, so values are comparable between
 * origins of one table but depend on its zone system.
 */
export interface ConcentrationOptions {
  /** Top-k share. Default 5. */
  k?: number;
}

export interface OriginConcentration {
  total: number;
  /** Destinations with a positive flow. */
  destinations: number;
  topShare: number | null;
  gini: number | null;
  entropy: number | null;
}

export function destinationConcentration(table: FlowTable, options: ConcentrationOptions = {}): Record<string, OriginConcentration> {
  const k = options.k ?? 5;
  const r = table.regions.length;
  const pairs = pairTotals(table);
  const out: Record<string, OriginConcentration> = {};
  const row = new Float64Array(Math.max(r - 1, 0));
  let p = 0;
  for (let o = 0; o < r; o++) {
    row.fill(0);
    let total = 0;
    let destinations = 0;
    // pairs are sorted by origin: consume this origin's run.
    for (; p < pairs.count.length && pairs.origin[p] === o; p++) {
      const d = pairs.destination[p];
      if (d === o) continue;
      row[d < o ? d : d - 1] = pairs.count[p];
      total += pairs.count[p];
      if (pairs.count[p] > 0) destinations++;
    }
    out[table.regions[o]] = { total, destinations, topShare: topShare(row, k), gini: gini(row), entropy: normalisedEntropy(row) };
  }
  return out;
}
