/**
 * The values of unknown counts consistent with published sums: each equation says that a signed
 * sum of unknowns equals a constant (a published total minus its published parts), each unknown
 * is a whole number within [lo, hi]. The attacker's problem of Fischetti & Salazar-González
 * (2000, "Models and algorithms for optimizing cell suppression in tabular data with linear
 * constraints", JASA 95(451)) asks for the least and greatest value of each unknown; this solves
 * its relaxation by bounds propagation: every equation in turn narrows each unknown to what the
 * others' bounds allow, until nothing narrows. The intervals contain every consistent value (they
 * may be wider than the exact ranges, never narrower). `consistent` is false when the equations
 * cannot all hold.
 */
export interface SignedSum {
  /** Indices of the unknowns. */
  terms: readonly number[];
  /** +1 or -1 for each term (default all +1). */
  signs?: readonly (1 | -1)[];
  constant: number;
}

export interface Intervals {
  lo: number[];
  hi: number[];
  consistent: boolean;
}

export function feasibleIntervals(lo: readonly number[], hi: readonly number[], equations: readonly SignedSum[], maxRounds = 500): Intervals {
  const L = [...lo];
  const H = [...hi];
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (const eq of equations) {
      // sum of sign * x over terms = constant: the range of the others' contribution bounds each term.
      let min = 0;
      let max = 0;
      eq.terms.forEach((v, i) => {
        const s = eq.signs?.[i] ?? 1;
        min += s > 0 ? L[v] : -H[v];
        max += s > 0 ? H[v] : -L[v];
      });
      for (let i = 0; i < eq.terms.length; i++) {
        const v = eq.terms[i];
        const s = eq.signs?.[i] ?? 1;
        const ownMin = s > 0 ? L[v] : -H[v];
        const ownMax = s > 0 ? H[v] : -L[v];
        // s x = constant - (others), others in [min - ownMin, max - ownMax]
        const a = eq.constant - (max - ownMax);
        const b = eq.constant - (min - ownMin);
        const newLo = Math.ceil(s > 0 ? a : -b);
        const newHi = Math.floor(s > 0 ? b : -a);
        if (newLo > L[v]) { L[v] = newLo; changed = true; }
        if (newHi < H[v]) { H[v] = newHi; changed = true; }
        if (L[v] > H[v]) return { lo: L, hi: H, consistent: false };
      }
    }
    if (!changed) break;
  }
  return { lo: L, hi: H, consistent: true };
}
