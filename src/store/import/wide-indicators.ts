import { type Workspace } from '../workspace.ts';
import { quoteIdent } from '../duckdb/database.ts';
import type { StagedTable } from '../duckdb/stage.ts';
import { InputError } from '../../core/errors.ts';
import { coded } from '../../core/messages/index.ts';
import type { Period } from '../../core/schema/period.ts';
import { numberExpr, RANGES } from './checks.ts';
import { readIndicatorHeader, standardUnit } from './indicator-header.ts';

/** One indicator column of a wide file: its header, the indicator it holds, its unit and year. */
export interface YearColumn {
  column: string;
  name: string;
  unit: string | null;
  /** The year the header names (popu_2020); null when the period comes from a column or --period. */
  year: number | null;
}

/** Columns named like `popu_2020`, `age_65_2010`, `gdp2019`, `GDP（亿元）2019`: an indicator and its year. */
export function yearSuffixedColumns(columns: readonly string[]): YearColumn[] {
  return columns.map((c) => readIndicatorHeader(c, { yearSuffix: true })).filter((h) => h.year !== null).map((h) => ({ column: h.header, name: h.name, unit: h.unit, year: h.year }));
}

/** Every column an indicator named by its whole header (less its unit): files with a year column or --period. */
export function plainColumns(columns: readonly string[]): YearColumn[] {
  return columns.map((c) => readIndicatorHeader(c, { yearSuffix: false })).map((h) => ({ column: h.header, name: h.name, unit: h.unit, year: null }));
}

/**
 * Two columns that would give the same indicator for the same year (GDP（亿元） and GDP（万元）,
 * gdp_2019 and GDP 2019) are refused: one of them would silently overwrite, or duplicate, the other.
 */
export function refuseColumnClashes(cols: readonly YearColumn[], file: string): void {
  const seen = new Map<string, YearColumn>();
  for (const c of cols) {
    const key = `${c.name}\u0000${c.year ?? ''}`;
    const first = seen.get(key);
    if (first) throw new InputError(coded('imports.columnsClash', { first: first.column, column: c.column, name: c.name, year: c.year }), { file, row: 1, column: c.column });
    seen.set(key, c);
  }
}

/** Cells that mean "no value" in yearbooks: left out, not refused. */
const MISSING = ['', 'NA', 'N/A', 'n/a', '-', '—', '–', '…', '...', '/'];

/** Where each row's period comes from when the header names no year. */
export type RowPeriod = { fixed: Period } | { table: string; column: string };

export interface WideInsertOptions {
  /** Temporary table mapping raw region cells to codes (from resolveRegionColumns); else the cell is the code. */
  codeMap?: string;
  /** Period of columns without a year in their header. */
  period?: RowPeriod;
  /** Unit of columns whose header gives none and that are not standard indicators. */
  unit?: string;
  /** Text columns left out, for the import summary. */
  skipped?: string[];
  /** The source line in Chinese, stored beside `source` where the user gave one. */
  sourceZh?: string | null;
}

/**
 * Inserts the numeric indicator columns of a staged file as indicators of the row's region, with
 * the original header stored beside each value. A column with no number at all (names, notes) is
 * not an indicator and is left out; a column of numbers with a stray word in it is refused at
 * that cell rather than dropped whole. Returns the number of values.
 */
export async function insertWideIndicators(ws: Workspace, st: StagedTable, codeColumn: string, cols: YearColumn[], importId: number, source: string, opts: WideInsertOptions = {}): Promise<number> {
  let total = 0;
  const regionExpr = opts.codeMap ? 'm.code' : `trim(s.${quoteIdent(codeColumn)})`;
  const joins = [opts.codeMap ? `JOIN ${quoteIdent(opts.codeMap)} m ON m.raw = s.${quoteIdent(codeColumn)}` : ''];
  const p = opts.period;
  if (p && 'table' in p) joins.push(`JOIN ${quoteIdent(p.table)} p ON p.raw = s.${quoteIdent(p.column)}::VARCHAR`);
  const missing = MISSING.map(() => '?').join(', ');
  for (const c of cols) {
    const col = `s.${quoteIdent(c.column)}`;
    const num = numberExpr(c.column, 's');
    const kinds = await ws.db.one<{ numbers: bigint; words: bigint; r: bigint | null; v: string | null }>(
      `SELECT count(${num}) AS numbers, count(*) FILTER (WHERE ${num} IS NULL) AS words,
              min(${st.rowExpr}) FILTER (WHERE ${num} IS NULL) AS r, arg_min(${col}, ${st.rowExpr}) FILTER (WHERE ${num} IS NULL) AS v
       FROM ${quoteIdent(st.table)} s ${joins.join(' ')} WHERE ${col} IS NOT NULL AND trim(${col}) NOT IN (${missing})`, MISSING);
    if (Number(kinds!.numbers) === 0) {
      if (Number(kinds!.words) > 0) opts.skipped?.push(c.column);
      continue;
    }
    if (kinds!.r !== null) throw new InputError(coded('imports.notIndicatorValue', { value: String(kinds!.v) }), { file: st.file, row: Number(kinds!.r), column: c.column });
    const r = RANGES.indicator;
    const out = await ws.db.one<{ r: bigint; v: string }>(
      `SELECT ${st.rowExpr} AS r, ${col} AS v FROM ${quoteIdent(st.table)} s
       WHERE ${num} IS NOT NULL AND (NOT isfinite(${num}) OR ${num} NOT BETWEEN ${r.min} AND ${r.max}) ORDER BY r LIMIT 1`);
    if (out) throw new InputError(coded('file.outOfRange', { value: String(out.v), what: 'an indicator value', range: r.text, min: r.min, max: r.max }), { file: st.file, row: Number(out.r), column: c.column });
    const period = c.year !== null ? { sql: '?, ?, ?', params: [String(c.year), c.year, c.year] }
      : p && 'fixed' in p ? { sql: '?, ?, ?', params: [p.fixed.text, p.fixed.start, p.fixed.end] }
        : p ? { sql: 'p.text, p.start, p.end_year', params: [] }
          : null;
    if (!period) throw new InputError(coded('imports.columnNoYear', { column: c.column }), { file: st.file, row: 1, column: c.column });
    const before = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM indicators WHERE import_id = ?', [importId]);
    await ws.db.run(
      `INSERT INTO indicators (import_id, region, period, period_start, period_end, name, value, unit, source, header, source_zh)
       SELECT ?, ${regionExpr}, ${period.sql}, ?, ${num}, ?, ?, ?, ?
       FROM ${quoteIdent(st.table)} s ${joins.join(' ')} WHERE ${num} IS NOT NULL`,
      [importId, ...period.params, c.name, c.unit ?? standardUnit(c.name) ?? opts.unit ?? null, source, c.column, opts.sourceZh ?? null],
    );
    const after = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM indicators WHERE import_id = ?', [importId]);
    total += Number(after!.n) - Number(before!.n);
  }
  return total;
}
