import { feasibleIntervals, type SignedSum } from '../privacy/index.ts';

/**
 * Whether publishing a stay share tells something about hidden destination provinces. Each
 * employed graduate is in one group of the share (stayed, did not stay, region unknown) and in one
 * province cell; a group's count is spread over the provinces it occurs in, at least one and at
 * most the cell's count in each. A reader who knows which provinces each group occurs in (the
 * study province of a university is public) could combine the group counts with the province
 * table. The share is hidden when its group counts, added to what is already shown, narrow any
 * hidden province's interval of consistent values (src/metrics/privacy/intervals.ts), compared
 * with a reader who knows where the groups occur but not their counts.
 */
export interface StayGroup {
  count: number;
  /** Destination provinces the group occurs in. */
  provinces: ReadonlySet<string>;
}

export function stayNarrowsProvinces(
  candidate: readonly StayGroup[],
  shown: readonly (readonly StayGroup[])[],
  provinces: ReadonlyMap<string, number>,
  hidden: ReadonlySet<string>,
): boolean {
  if (!hidden.size) return false;
  const before = intervalsOfHidden([...shown, candidate], provinces, hidden, shown.length);
  const after = intervalsOfHidden([...shown, candidate], provinces, hidden, shown.length + 1);
  if (!after.consistent) return true;
  return after.lo.some((lo, i) => lo > before.lo[i] || after.hi[i] < before.hi[i]);
}

/**
 * Intervals of the hidden province cells (the first hidden.size unknowns) given where the shares'
 * groups occur, and the counts of the first `counted` shares.
 */
function intervalsOfHidden(shares: readonly (readonly StayGroup[])[], provinces: ReadonlyMap<string, number>, hidden: ReadonlySet<string>, counted: number) {
  const codes = [...hidden];
  const R = codes.reduce((s, c) => s + (provinces.get(c) ?? 0), 0);
  const lo: number[] = codes.map(() => 1);
  const hi: number[] = codes.map(() => R);
  const cellOf = new Map(codes.map((c, i) => [c, i]));
  const equations: SignedSum[] = [{ terms: codes.map((_, i) => i), constant: R }];
  shares.forEach((groups, share) => {
    const parts = new Map<string, number[]>();
    for (const g of groups) {
      if (g.count === 0) continue;
      const terms: number[] = [];
      for (const p of g.provinces) {
        const v = lo.length;
        lo.push(1);
        hi.push(hidden.has(p) ? R : (provinces.get(p) ?? 0));
        terms.push(v);
        const list = parts.get(p);
        if (list) list.push(v);
        else parts.set(p, [v]);
      }
      if (share < counted) equations.push({ terms, constant: g.count });
    }
    // The groups' parts in a province add up to its cell: a constant when shown, an unknown when hidden.
    for (const [p, terms] of parts) {
      const cell = cellOf.get(p);
      if (cell === undefined) equations.push({ terms, constant: provinces.get(p) ?? 0 });
      else equations.push({ terms: [...terms, cell], signs: [...terms.map(() => 1 as const), -1], constant: 0 });
    }
  });
  return feasibleIntervals(lo, hi, equations);
}
