/**
 * Complementary suppression within one table whose total is shown (Cox 1980, "Suppression
 * methodology and statistical disclosure control", JASA 75(370)): while exactly one cell is
 * hidden, or the hidden cells sum to less than k, the smallest visible non-zero cell is hidden too
 * (ties: the first). Total minus the visible cells then gives only the sum of at least two hidden
 * cells, at least k, so no hidden cell follows from it.
 *
 * A reader also knows a lower bound of each hidden cell: 1, since zeros are shown, or more when
 * the cell's own parts are hidden rows (a hidden province of three cities holds at least three
 * persons). `lowerBounds` gives them (default 1 each); the hidden cells must exceed the sum of
 * their lower bounds by at least one, or each of them would be determined (three hidden cells of
 * 1 with k = 3 sum to k, and each is 1). So the loop also runs while sum - sum of bounds < 1.
 *
 * `complete` is false when no visible non-zero cell was left to hide (cells that do not sum to a
 * total of at least k): the caller must then hide the total too.
 */
export interface Complemented {
  hidden: boolean[];
  complete: boolean;
}

export function complementTable(counts: readonly number[], hidden: readonly boolean[], k: number, lowerBounds?: readonly number[]): Complemented {
  const h = [...hidden];
  for (;;) {
    let n = 0;
    let sum = 0;
    let bounds = 0;
    for (let i = 0; i < counts.length; i++) {
      if (!h[i]) continue;
      n++;
      sum += counts[i];
      bounds += Math.max(1, lowerBounds?.[i] ?? 1);
    }
    if (n === 0 || (n >= 2 && sum >= k && sum - bounds >= 1)) return { hidden: h, complete: true };
    let next = -1;
    for (let i = 0; i < counts.length; i++) if (!h[i] && counts[i] > 0 && (next < 0 || counts[i] < counts[next])) next = i;
    if (next < 0) return { hidden: h, complete: false };
    h[next] = true;
  }
}
