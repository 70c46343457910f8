import type { CompositeIndexResult } from './composite.ts';

/**
 * Rank change between two periods' indices: change = rankBefore - rankAfter (positive = moved
 * up). Regions ranked in only one period are listed apart. The two indices should use the same
 * indicators, directions, normalisation and weighting; since normalisation is relative to each
 * period's regions, compare ranks (and score differences only with care).
 */
export interface RankChangeRow {
  rankBefore: number;
  rankAfter: number;
  change: number;
  scoreBefore: number;
  scoreAfter: number;
}

export interface RankChangeResult {
  byRegion: Record<string, RankChangeRow>;
  onlyBefore: string[];
  onlyAfter: string[];
  warnings: string[];
}

export function rankChange(before: CompositeIndexResult, after: CompositeIndexResult): RankChangeResult {
  const a = new Map(after.rows.map((r) => [r.code, r]));
  const b = new Map(before.rows.map((r) => [r.code, r]));
  const byRegion: Record<string, RankChangeRow> = {};
  const onlyBefore: string[] = [];
  for (const r of before.rows) {
    const x = a.get(r.code);
    if (!x) onlyBefore.push(r.code);
    else byRegion[r.code] = { rankBefore: r.rank, rankAfter: x.rank, change: r.rank - x.rank, scoreBefore: r.score, scoreAfter: x.score };
  }
  const onlyAfter = after.rows.filter((r) => !b.has(r.code)).map((r) => r.code);
  const warnings: string[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(before.indicators, after.indicators) || !same(before.directions, after.directions) || before.normalisation !== after.normalisation || before.weighting !== after.weighting) {
    warnings.push('the two indices differ in indicators, directions, normalisation or weighting: rank changes mix method and data changes');
  }
  if (onlyBefore.length || onlyAfter.length) warnings.push('the two indices rank different sets of regions: ranks are not fully comparable');
  return { byRegion, onlyBefore, onlyAfter, warnings };
}
