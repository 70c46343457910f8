/**
 * Primary suppression: a count of 1 to k - 1 persons is hidden. Zero is shown: it names no one
 * (docs/privacy.md says what a zero still tells).
 */
export function isSmallCell(count: number, k: number): boolean {
  return count > 0 && count < k;
}

export function primarySuppression(counts: readonly number[], k: number): boolean[] {
  return counts.map((c) => isSmallCell(c, k));
}
