import { InputError } from '../../core/errors.ts';
import type { MatchableRegion } from '../../core/region-matcher.ts';
import { type Database, quoteIdent } from '../duckdb/database.ts';
import type { StagedTable } from '../duckdb/stage.ts';
import { matcherFor } from './region-checks.ts';
import { normaliseHeader, resolveRoles } from './column-roles.ts';
import { TOTAL_LABELS } from './total-rows.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';

/**
 * A wide OD matrix has one row per origin and one column per destination. It is recognised when
 * no destination/count columns are present and most other headers are region names.
 */
export function looksWide(columns: readonly string[], regions: readonly MatchableRegion[], mapping: Map<string, string>): boolean {
  if (mapping.has('count')) return false;
  const m = matcherFor(regions);
  const rest = columns.slice(1).filter((c) => !TOTAL_LABELS.has(normaliseHeader(c)) && !['period', 'year', '年份'].includes(normaliseHeader(c)));
  if (rest.length < 2) return false;
  const hits = rest.filter((c) => m.match(c).kind !== 'unknown').length;
  return hits >= Math.max(2, Math.ceil(rest.length * 0.6));
}

/**
 * Turns a wide matrix into a long table (origin, destination, count[, period]) with DuckDB's
 * UNPIVOT. Blank cells are no flow recorded and are skipped; total rows and columns are dropped.
 */
export async function toLongMatrix(db: Database, st: StagedTable, mapping: Map<string, string>, file: string, rows: 'origin' | 'birth' | 'residence' = 'origin'): Promise<{ table: StagedTable; notes: CodedMessage[] }> {
  const originCol = mapping.get('origin') ?? resolveRoles(st.columns, { required: [], optional: ['origin', 'region', 'name'] }, new Map(), file).values().next().value ?? st.columns[0];
  const periodCol = st.columns.find((c) => ['period', 'year', '年份', '年度'].includes(normaliseHeader(c)));
  const totals = st.columns.filter((c) => TOTAL_LABELS.has(normaliseHeader(c)));
  const dests = st.columns.filter((c) => c !== originCol && c !== periodCol && !totals.includes(c));
  if (dests.length < 1) throw new InputError(coded('imports.wideMatrixNoColumns', {}), { file, row: 1 });
  const table = `${st.table}_long`;
  const keep = [`${st.rowExpr} AS "_row"`, `${quoteIdent(originCol)} AS origin`, ...(periodCol ? [`${quoteIdent(periodCol)} AS period`] : []), ...dests.map(quoteIdent)];
  const totalRows = [...TOTAL_LABELS].map(() => '?').join(', ');
  await db.run(
    `CREATE TEMP TABLE ${quoteIdent(table)} AS
     UNPIVOT (SELECT ${keep.join(', ')} FROM ${quoteIdent(st.table)} s WHERE lower(trim(${quoteIdent(originCol)})) NOT IN (${totalRows}))
     ON ${dests.map(quoteIdent).join(', ')} INTO NAME destination VALUE count`,
    [...TOTAL_LABELS],
  );
  await db.run(`DELETE FROM ${quoteIdent(table)} WHERE count IS NULL OR trim(count) IN ('', '-', '—')`);
  const n = await db.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
  const notes = [coded('import.wideMatrix', { columns: dests.length, rows, column: originCol })];
  if (totals.length) notes.push(coded('import.totalColumns', { columns: totals }));
  return {
    table: {
      table, columns: ['origin', 'destination', 'count', ...(periodCol ? ['period'] : [])], rows: Number(n?.n ?? 0), file, format: st.format,
      encoding: st.encoding, rowExpr: 's."_row"', numeric: [], header: ['origin', 'destination', 'count', ...(periodCol ? ['period'] : [])], drop: async () => { await db.run(`DROP TABLE IF EXISTS temp.${quoteIdent(table)}`); },
    },
    notes,
  };
}
