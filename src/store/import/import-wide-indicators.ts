import { InputError } from '../../core/errors.ts';
import type { MatchableRegion } from '../../core/region-matcher.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { quoteIdent } from '../duckdb/database.ts';
import { type Workspace, guardReimport, recordImport } from '../workspace.ts';
import { periodMapTable } from './checks.ts';
import { resolveRegionColumns } from './region-checks.ts';
import { resolveRoles } from './column-roles.ts';
import type { ImportSummary } from './import-flows.ts';
import type { IndicatorFile } from './import-indicators.ts';
import { refuseOverlap, refuseRepeatedKeys } from './indicator-keys.ts';
import { insertWideIndicators, plainColumns, refuseColumnClashes, yearSuffixedColumns, type RowPeriod, type YearColumn } from './wide-indicators.ts';
import { coded } from '../../core/messages/index.ts';
import { codedNotes } from './coded-notes.ts';

/**
 * A wide indicator file: one row per region (and year), one column per indicator. Three layouts:
 * - a yearbook table with a year column (城市, 年份, 城镇非私营单位平均工资（元）, 年末户籍人口(万人)):
 *   each row's year is its period, every other column an indicator named by its header;
 * - year-suffixed columns (popu_2010, popu_2020): the header names the indicator and the year;
 * - plain columns, all of the one period given with --period.
 * Units in brackets at the end of a header become the unit. A key (region, period, indicator) can
 * occur once: a region given twice for one year, or two columns naming one indicator, is refused.
 */
export async function importWideIndicators(ws: Workspace, f: IndicatorFile, region: string, regions: readonly MatchableRegion[]): Promise<ImportSummary> {
  const { st, file, options } = f;
  const periodCol = resolveRoles(st.columns, { required: ['region'], optional: ['period'] }, f.mapping, file).get('period');
  const rest = st.columns.filter((c) => c !== region && c !== periodCol);
  let cols: YearColumn[];
  let period: RowPeriod | undefined;
  let layout: { layout: 'yearColumn' | 'yearHeaders' | 'period'; period: string | null };
  if (periodCol) {
    if (options.period) throw new InputError(coded('imports.periodColumnAndFlag', { column: periodCol }), { file, row: 1, column: periodCol });
    cols = plainColumns(rest);
    period = { table: await periodMapTable(ws.db, st, periodCol), column: periodCol };
    layout = { layout: 'yearColumn', period: periodCol };
  } else {
    cols = yearSuffixedColumns(rest);
    layout = { layout: 'yearHeaders', period: null };
    if (!cols.length) {
      if (!options.period) throw new InputError(coded('imports.wideNeedsYear', {}), { file, row: 1 });
      const p = parsePeriod(options.period);
      if (!p || p.start !== p.end) throw new InputError(coded('imports.widePeriodOneYear', { period: options.period }), { file });
      cols = plainColumns(rest);
      period = { fixed: p };
      layout = { layout: 'period', period: p.text };
    }
  }
  refuseColumnClashes(cols, file);
  const map = await resolveRegionColumns(ws.db, st, [region], regions);
  await refuseRepeatedRows(ws, f, region, map, period);
  return ws.db.transaction(async () => {
    await guardReimport(ws, 'indicators', f.sha, file, options.replace ?? false, ['indicators']);
    const id = await recordImport(ws, 'indicators', file, f.sha, st.rows, { period: options.period });
    const skipped: string[] = [];
    const n = await insertWideIndicators(ws, st, region, cols, id, f.source, { codeMap: map, period, unit: options.unit, skipped, sourceZh: f.sourceZh });
    await refuseRepeatedKeys(ws, id, file);
    await refuseOverlap(ws, id, file, options.replace ?? false);
    const used = cols.filter((c) => !skipped.includes(c.column));
    const described = used.slice(0, 6).map((c) => (c.unit ? `${c.name} (${c.unit})` : c.name));
    const notes = [coded('import.wideTable', { ...layout, values: n, columns: used.length, described }), ...f.notes];
    if (skipped.length) notes.push(coded('import.columnsWithoutNumbers', { columns: skipped }));
    return { importId: id, file, kind: 'indicators', rows: n, format: st.format, encoding: st.encoding, ...codedNotes(notes) };
  });
}

/** One row per region (per year, when rows carry a year): a second row is refused with both row numbers. */
async function refuseRepeatedRows(ws: Workspace, f: IndicatorFile, region: string, map: string, period: RowPeriod | undefined): Promise<void> {
  const { st } = f;
  const perRow = period && 'table' in period ? period : null;
  const d = await ws.db.one<{ code: string; names: string[]; period: string | null; rows: bigint[] }>(
    `SELECT m.code, list(trim(s.${quoteIdent(region)}) ORDER BY ${st.rowExpr}) AS names, ${perRow ? 'p.text' : 'NULL'} AS period, list(${st.rowExpr} ORDER BY ${st.rowExpr}) AS rows
     FROM ${quoteIdent(st.table)} s JOIN ${quoteIdent(map)} m ON m.raw = s.${quoteIdent(region)}
     ${perRow ? `JOIN ${quoteIdent(perRow.table)} p ON p.raw = s.${quoteIdent(perRow.column)}::VARCHAR` : ''}
     GROUP BY ALL HAVING count(*) > 1 ORDER BY rows[2] LIMIT 1`);
  if (!d) return;
  const rows = d.rows.map(Number);
  throw new InputError(
    coded('imports.wideRowTwice', { names: [...new Set(d.names)], code: d.code, period: d.period, rows: rows.map(String), perYear: perRow !== null }),
    { file: f.file, row: rows[1], column: perRow ? perRow.column : region });
}
