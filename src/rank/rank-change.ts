import { coded, withWarnings, type CodedMessage } from '../core/messages/index.ts';
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
  /** The warnings coded (core/messages), same order, for a front-end's language. */
  messages: { warnings: CodedMessage[] };
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
  const warnings: CodedMessage[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(before.indicators, after.indicators) || !same(before.directions, after.directions) || before.normalisation !== after.normalisation || before.weighting !== after.weighting) {
    warnings.push(coded('rank.changeMethodDiffers', {}));
  }
  if (onlyBefore.length || onlyAfter.length) {
    warnings.push(coded('rank.changeRegionsDiffer', { onlyBefore: onlyBefore.length, onlyAfter: onlyAfter.length, regions: [...onlyBefore, ...onlyAfter].slice(0, 10).map((code) => ({ code })) }));
  }
  return { byRegion, onlyBefore, onlyAfter, ...withWarnings(warnings) };
}
