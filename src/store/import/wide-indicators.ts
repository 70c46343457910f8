import { type Workspace } from '../workspace.ts';
import { quoteIdent } from '../duckdb/database.ts';
import type { StagedTable } from '../duckdb/stage.ts';
import { InputError } from '../../core/errors.ts';
import { numberExpr, RANGES } from './checks.ts';

export interface YearColumn {
  column: string;
  name: string;
  year: number;
}

/** Columns named like `popu_2020`, `age_65_2010`, `gdp2019`: an indicator and its year. */
export function yearSuffixedColumns(columns: readonly string[]): YearColumn[] {
  const out: YearColumn[] = [];
  for (const column of columns) {
    const m = /^(.*?)[_\s-]?((?:19|20)\d{2})$/.exec(column.trim());
    if (m && m[1]) out.push({ column, name: canonicalIndicatorName(m[1]), year: Number(m[2]) });
  }
  return out;
}

/** Census-style short names become the workspace's standard indicator names. */
function canonicalIndicatorName(raw: string): string {
  const n = raw.toLowerCase().replace(/[\s-]+/g, '_').replace(/_+$/, '');
  const known: Record<string, string> = {
    popu: 'population', pop: 'population', population: 'population', 人口: 'population',
    popu_urban: 'urban_population', popu_rural: 'rural_population',
    household: 'household_size', male_female: 'sex_ratio',
    age_0_14: 'share_age_0_14', age_15_59: 'share_age_15_59', age_60: 'share_age_60', age_65: 'share_age_65',
  };
  return known[n] ?? n;
}

export function unitOf(name: string): string | null {
  if (/population$/.test(name)) return 'persons';
  if (name.startsWith('share_')) return 'percent';
  if (name === 'household_size') return 'persons per household';
  if (name === 'sex_ratio') return 'males per 100 females';
  return null;
}

/**
 * Inserts the numeric year-suffixed columns of a staged file as indicators of the row's region.
 * Columns holding text are skipped (they are not indicators). Returns the number of values.
 */
export async function insertWideIndicators(ws: Workspace, st: StagedTable, codeColumn: string, cols: YearColumn[], importId: number, source: string, codeMap?: string): Promise<number> {
  let total = 0;
  const regionExpr = codeMap ? 'm.code' : `trim(s.${quoteIdent(codeColumn)})`;
  const join = codeMap ? `JOIN ${quoteIdent(codeMap)} m ON m.raw = s.${quoteIdent(codeColumn)}` : '';
  for (const c of cols) {
    const textual = await ws.db.one<{ n: bigint }>(
      `SELECT count(*) AS n FROM ${quoteIdent(st.table)} WHERE ${quoteIdent(c.column)} IS NOT NULL AND trim(${quoteIdent(c.column)}) NOT IN ('', 'NA', '-') AND ${numberExpr(c.column)} IS NULL`);
    if (Number(textual!.n) > 0) continue;
    const r = RANGES.indicator;
    const out = await ws.db.one<{ r: bigint; v: string }>(
      `SELECT ${st.rowExpr} AS r, ${quoteIdent(c.column)} AS v FROM ${quoteIdent(st.table)} s
       WHERE ${numberExpr(c.column)} IS NOT NULL AND (NOT isfinite(${numberExpr(c.column)}) OR ${numberExpr(c.column)} NOT BETWEEN ${r.min} AND ${r.max}) ORDER BY r LIMIT 1`);
    if (out) throw new InputError(`${out.v} is outside the accepted range of an indicator value: ${r.text}`, { file: st.file, row: Number(out.r), column: c.column });
    const before = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM indicators WHERE import_id = ?', [importId]);
    await ws.db.run(
      `INSERT INTO indicators SELECT ?, ${regionExpr}, ?, ?, ?, ?, ${numberExpr(c.column)}, ?, ?
       FROM ${quoteIdent(st.table)} s ${join} WHERE ${numberExpr(c.column)} IS NOT NULL`,
      [importId, String(c.year), c.year, c.year, c.name, unitOf(c.name), source],
    );
    const after = await ws.db.one<{ n: bigint }>('SELECT count(*) AS n FROM indicators WHERE import_id = ?', [importId]);
    total += Number(after!.n) - Number(before!.n);
  }
  return total;
}
