import type { MatchableRegion } from '../../core/region-matcher.ts';
import { type Database, quoteIdent } from '../duckdb/database.ts';
import type { StagedTable } from '../duckdb/stage.ts';
import { matcherFor } from './region-checks.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';

/** Row and column labels that statistical yearbooks use for totals, which are not regions. */
export const TOTAL_LABELS: ReadonlySet<string> = new Set([
  '合计', '总计', '小计', '全国', '全国合计', '全国总计', '总数', '全省', '全省合计', '全市', '全市合计', '全区', '全区合计',
  'total', 'totals', 'sum', 'all', 'grand total',
]);

/**
 * Whether a region cell is a total label. Yearbooks space out short labels to align them ("合  计",
 * full-width spaces too), so spaces between Han characters do not count.
 */
export function isTotalLabel(text: string): boolean {
  const label = text.normalize('NFKC').trim().toLowerCase().replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
  return TOTAL_LABELS.has(label);
}

export interface SkippedTotals {
  /** The staged table without the total rows (the same table when there were none). */
  table: StagedTable;
  /** Labels and row numbers of the rows left out, in file order. */
  skipped: { label: string; row: number }[];
}

/**
 * Leaves out the rows whose region cell is a total label (合计, 总计, 全国, Total…) that names no
 * region of the workspace: a yearbook's sum row is not a region, and refusing the whole file for it
 * sent users to edit the file by hand. A workspace that does have a region called (or aliased)
 * 全国 keeps those rows. With several region columns (a flow's origin and destination) a total in
 * any of them leaves the row out. The rows left out keep their original row numbers in later
 * messages.
 */
export async function skipTotalRows(
  db: Database, st: StagedTable, regionColumns: string | readonly string[], regions: readonly MatchableRegion[],
  /** The columns' distinct values when the caller has them already (one pass fewer over a large file). */
  values?: readonly { v: string | null }[],
): Promise<SkippedTotals> {
  const cols = (typeof regionColumns === 'string' ? [regionColumns] : [...new Set(regionColumns)]).map((k) => `s.${quoteIdent(k)}`);
  const distinct = values ? values.filter((d): d is { v: string } => d.v !== null) : await db.all<{ v: string }>(
    `SELECT DISTINCT v FROM (${cols.map((c) => `SELECT ${c} AS v FROM ${quoteIdent(st.table)} s`).join(' UNION ALL ')}) WHERE v IS NOT NULL`);
  const matcher = matcherFor(regions);
  const labels = distinct.filter((d) => isTotalLabel(d.v) && matcher.match(d.v.trim()).kind === 'unknown').map((d) => d.v);
  if (!labels.length) return { table: st, skipped: [] };
  const marks = labels.map(() => '?').join(', ');
  const any = cols.map((c) => `${c} IN (${marks})`).join(' OR ');
  const params = cols.flatMap(() => labels);
  // A row's label is the first total among its region cells.
  const skipped = await db.all<{ v: string; r: bigint }>(
    `SELECT coalesce(${cols.map((c) => `CASE WHEN ${c} IN (${marks}) THEN ${c} END`).join(', ')}) AS v, ${st.rowExpr} AS r FROM ${quoteIdent(st.table)} s WHERE ${any} ORDER BY r`, [...params, ...params]);
  const table = `${st.table}_nototal`;
  const keep = st.columns.map((k) => `s.${quoteIdent(k)}`).join(', ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} AS SELECT ${st.rowExpr} AS "_row", ${keep} FROM ${quoteIdent(st.table)} s WHERE NOT coalesce(${any}, false)`, params);
  const n = await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  return {
    table: {
      ...st, table, rows: Number(n!.n), rowExpr: 's."_row"',
      drop: async () => {
        await db.run(`DROP TABLE IF EXISTS temp.${quoteIdent(table)}`);
        await st.drop();
      },
    },
    skipped: skipped.map((s) => ({ label: s.v.trim(), row: Number(s.r) })),
  };
}

/** "skipped 2 total rows (合计 row 16, 全国 row 2)" for the import summary, coded; none without totals. */
export function totalRowsNote(skipped: SkippedTotals['skipped']): CodedMessage[] {
  if (!skipped.length) return [];
  const shown = skipped.slice(0, 5);
  return [coded('import.totalRows', { count: skipped.length, labels: shown.map((s) => s.label), rows: shown.map((s) => String(s.row)) })];
}
