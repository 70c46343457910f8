/**
 * Change of any per-region measure between two periods: difference (after - before) and percent
 * change 100 * (after - before) / |before| (null when before is 0 or either value is null).
 * Regions present in only one period are listed apart, not guessed.
 */
export interface RegionChange {
  before: number | null;
  after: number | null;
  difference: number | null;
  percentChange: number | null;
}

export interface ChangeResult {
  byRegion: Record<string, RegionChange>;
  onlyBefore: string[];
  onlyAfter: string[];
}

export function periodChange(before: Record<string, number | null>, after: Record<string, number | null>): ChangeResult {
  const byRegion: Record<string, RegionChange> = {};
  const onlyBefore: string[] = [];
  const onlyAfter: string[] = [];
  for (const code of Object.keys(before)) {
    if (!(code in after)) {
      onlyBefore.push(code);
      continue;
    }
    const b = before[code];
    const a = after[code];
    const difference = a === null || b === null ? null : a - b;
    byRegion[code] = { before: b, after: a, difference, percentChange: difference === null || b === 0 || b === null ? null : (100 * difference) / Math.abs(b) };
  }
  for (const code of Object.keys(after)) if (!(code in before)) onlyAfter.push(code);
  return { byRegion, onlyBefore, onlyAfter };
}
