import type { CompositeIndexResult, RankChangeResult, SensitivityResult } from '../../../rank/index.ts';
import { printTable, type Column, type Out } from '../../output.ts';

type Row = CompositeIndexResult['rows'][number] & { name: string | null };
interface RankOutput {
  description: string | null;
  index: Omit<CompositeIndexResult, 'rows'> & { rows: Row[] };
  rankChange?: RankChangeResult & { period: string };
  sensitivity?: SensitivityResult;
}

/** Ranking table: rank, region, score, each indicator's contribution, rank change and sensitivity when asked. */
export function printRank(out: Out, r: RankOutput, top: number | undefined): void {
  const ix = r.index;
  if (r.description) out.write(`index: ${r.description}`);
  out.write(`${ix.normalisation} normalisation, ${ix.weighting} weights: ${ix.indicators.map((k) => `${k} ${ix.directions[k] > 0 ? '+' : '-'} ${ix.weights[k].toFixed(3)}`).join(', ')}`);
  const sens = new Map(r.sensitivity?.rows.map((x) => [x.code, x]) ?? []);
  const columns: Column<Row>[] = [
    { header: 'rank', value: (x) => x.rank }, { header: 'code', value: (x) => x.code }, { header: 'name', value: (x) => x.name },
    { header: 'score', value: (x) => x.score, digits: 3 },
    ...ix.indicators.map((k) => ({ header: k, value: (x: Row) => x.contributions[k], digits: 3 })),
    ...(r.rankChange ? [{ header: `rank ${r.rankChange.period}`, value: (x: Row) => r.rankChange?.byRegion[x.code]?.rankBefore ?? null }, { header: 'change', value: (x: Row) => r.rankChange?.byRegion[x.code]?.change ?? null }] : []),
    ...(r.sensitivity ? [{ header: 'median rank', value: (x: Row) => sens.get(x.code)?.medianRank ?? null, digits: 0 }, { header: '90% interval', value: (x: Row) => sens.get(x.code)?.interval90.map((v) => v.toFixed(0)).join('-') ?? null }] : []),
  ];
  printTable(out, ix.rows, columns, { limit: top ?? 30, what: 'regions' });
  out.write('columns after score: contribution of each indicator (weight x normalised value; they add up to the score)');
  if (r.sensitivity) out.write(`sensitivity: ${r.sensitivity.draws} Dirichlet weight draws (concentration ${r.sensitivity.concentration}), seed ${r.sensitivity.seed}`);
  for (const w of new Set([...ix.warnings, ...(r.rankChange?.warnings ?? []), ...(r.sensitivity?.warnings ?? [])])) out.error(`warning: ${w}`);
}
