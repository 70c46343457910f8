import { InputError } from '../../core/errors.ts';
import { coded, type CodedMessage } from '../../core/messages/index.ts';
import { parsePeriod } from '../../core/schema/period.ts';
import { type Database, quoteIdent } from '../duckdb/database.ts';
import type { StagedTable } from '../duckdb/stage.ts';

/**
 * Validation of a staged file in SQL, so a 10-million-row file is checked at DuckDB's speed. Each
 * check raises an InputError naming the file, the first offending row and column and the bad
 * value, with up to four more offending rows listed.
 */

/**
 * SQL that parses a number as people write it: "1,234", " 56 ", "7.0"; NULL when it is not one.
 * DuckDB's cast also reads "1_000" as 1000, which no yearbook writes and which more likely marks
 * a damaged cell, so a value with an underscore is not a number here.
 */
export function numberExpr(col: string, alias?: string): string {
  const c = `${alias ? alias + '.' : ''}${quoteIdent(col)}`;
  return `CASE WHEN contains(${c}, '_') THEN NULL ELSE TRY_CAST(replace(trim(${c}), ',', '') AS DOUBLE) END`;
}

/**
 * The values an import accepts, so implausible numbers (a flow of 1e308, a graduation year of
 * -2016 or 1e10, a longitude of 500) are refused with the range instead of flowing on as
 * Infinity or a database overflow.
 */
export interface ValueRange {
  min: number;
  max: number;
  /** How the range is written in messages, e.g. "0 to 10,000,000,000 (more than the world's population)". */
  text: string;
}

export const RANGES = {
  count: { min: 0, max: 1e10, text: '0 to 10,000,000,000 (more than the world\'s population)' },
  year: { min: 1900, max: 2100, text: '1900 to 2100' },
  salary: { min: 0, max: 1e7, text: '0 to 10,000,000 a month' },
  longitude: { min: -180, max: 180, text: '-180 to 180 degrees' },
  latitude: { min: -90, max: 90, text: '-90 to 90 degrees' },
  area: { min: 0, max: 5.1e8, text: '0 to 510,000,000 km² (the Earth\'s surface)' },
  indicator: { min: -1e18, max: 1e18, text: '-1e18 to 1e18' },
} as const satisfies Record<string, ValueRange>;

/**
 * SQL true when a text cell is blank as the importers' JavaScript sees it (`String.trim()` leaves
 * nothing): DuckDB's trim() removes only spaces, so a cell of a tab, a carriage return, a
 * no-break or ideographic space or a stray byte-order mark passed a SQL blank check, was then
 * skipped as blank by the region matcher and reached a NOT NULL column (found by the fuzz run).
 * The class is what trim() removes: Unicode separators, \t to \r and U+FEFF.
 */
export function blankExpr(c: string): string {
  return `(${c} IS NULL OR regexp_full_match(${c}, '[\\pZ\\t\\n\\x0B\\f\\r\\x{FEFF}]*'))`;
}

function outside(v: number, r: ValueRange | undefined): boolean {
  return r !== undefined && (v < r.min || v > r.max);
}

const outOfRange = (value: string, what: string, r: ValueRange): CodedMessage => coded('file.outOfRange', { value, what, range: r.text, min: r.min, max: r.max });
const periodWhy = (v: string | null): CodedMessage => (v === null || v.trim() === '' ? coded('file.missingPeriod', {}) : coded('file.notPeriod', { value: v }));

/** The error of a check: the first bad row's problem at its place, the next four listed after it. */
function refused<V>(st: StagedTable, col: string, bad: readonly { r: bigint; v: V }[], why: (v: V) => CodedMessage): InputError {
  return new InputError(why(bad[0].v), { file: st.file, row: Number(bad[0].r), column: col }, bad.slice(1).map((b) => ({ row: Number(b.r), text: why(b.v) })));
}

/**
 * Checks a column that is present in every row: not blank, and for a column read as numbers,
 * finite and (if asked) not negative.
 */
export async function checkRequired(db: Database, st: StagedTable, col: string, opts: { nonNegative?: boolean; what: string; range?: ValueRange }): Promise<void> {
  const c = `s.${quoteIdent(col)}`;
  const numeric = st.numeric.includes(col);
  const conds = numeric
    ? [`${c} IS NULL`, `NOT isfinite(${c})`, ...(opts.nonNegative ? [`${c} < 0`] : []), ...(opts.range ? [`${c} < ${opts.range.min}`, `${c} > ${opts.range.max}`] : [])]
    : [blankExpr(c)];
  const bad = await db.all<{ r: bigint; v: number | string | null }>(
    `SELECT ${st.rowExpr} AS r, ${c} AS v FROM ${quoteIdent(st.table)} s WHERE ${conds.join(' OR ')} ORDER BY r LIMIT 5`);
  if (!bad.length) return;
  const { what } = opts;
  const why = (v: number | string | null): CodedMessage =>
    v === null || (typeof v === 'string' && v.trim() === '') ? coded('file.missingValue', { what })
      : typeof v === 'number' && !Number.isFinite(v) ? coded('file.beyondDouble', { what })
        : typeof v === 'number' && v < 0 && opts.nonNegative ? coded('file.negative', { value: String(v), what })
          : typeof v === 'number' && outside(v, opts.range) ? outOfRange(String(v), what, opts.range!) : coded('file.notA', { value: String(v), what });
  throw refused(st, col, bad, why);
}

/**
 * Parses the distinct values of a period column (few, however long the file) and loads them into
 * a lookup table `<stage>_periods(raw, text, start, end_year)`; a bad value is an error naming its
 * first row.
 */
export async function periodMapTable(db: Database, st: StagedTable, col: string): Promise<string> {
  const c = `s.${quoteIdent(col)}`;
  const values = await db.all<{ v: string | null }>(`SELECT DISTINCT ${c}::VARCHAR AS v FROM ${quoteIdent(st.table)} s`);
  const table = `${st.table}_periods`;
  const parsed: [string, string, number, number][] = [];
  for (const { v } of values) {
    const p = v === null ? null : parsePeriod(v.replace(/\.0$/, ''));
    if (!p) {
      const r = await db.one<{ r: bigint }>(`SELECT min(${st.rowExpr}) AS r FROM ${quoteIdent(st.table)} s WHERE ${v === null ? `${c} IS NULL` : `${c}::VARCHAR = ?`}`, v === null ? [] : [v]);
      throw new InputError(periodWhy(v), { file: st.file, row: Number(r?.r), column: col });
    }
    parsed.push([v!, p.text, p.start, p.end]);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} (raw VARCHAR, text VARCHAR, start SMALLINT, end_year SMALLINT)`);
  const app = await db.conn.createAppender(table, 'main', 'temp');
  for (const [raw, text, start, end] of parsed) {
    app.appendVarchar(raw);
    app.appendVarchar(text);
    app.appendSmallInt(start);
    app.appendSmallInt(end);
    app.endRow();
  }
  app.closeSync();
  return table;
}

export async function checkNumbers(
  db: Database, st: StagedTable, col: string,
  opts: { nonNegative?: boolean; required?: boolean; integer?: boolean; what?: string; range?: ValueRange },
): Promise<void> {
  const c = quoteIdent(col);
  const num = numberExpr(col);
  const what = opts.what ?? 'a number';
  const conds = [`(NOT ${blankExpr(c)} AND ${num} IS NULL)`, `(${num} IS NOT NULL AND NOT isfinite(${num}))`];
  if (opts.required) conds.push(blankExpr(c));
  if (opts.nonNegative) conds.push(`(${num} < 0)`);
  if (opts.integer) conds.push(`(${num} <> floor(${num}))`);
  if (opts.range) conds.push(`(${num} < ${opts.range.min} OR ${num} > ${opts.range.max})`);
  const bad = await db.all<{ r: bigint; v: string | null }>(
    `SELECT ${st.rowExpr} AS r, ${c} AS v FROM ${quoteIdent(st.table)} s WHERE ${conds.join(' OR ')} ORDER BY r LIMIT 5`,
  );
  if (!bad.length) return;
  const reason = (v: string | null): CodedMessage => {
    if (v === null || v.trim() === '') return coded('file.missingValue', { what });
    const n = v.includes('_') ? NaN : Number(v.replace(/,/g, '').trim());
    if (Number.isFinite(n) && n < 0 && opts.nonNegative) return coded('file.negative', { value: v, what });
    if (Number.isFinite(n) && opts.integer && n !== Math.floor(n)) return coded('file.notWhole', { value: v });
    if (Number.isFinite(n) && outside(n, opts.range)) return outOfRange(v, what, opts.range!);
    if (/^\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)[eE][+-]?\d+\s*$/.test(v) && !Number.isFinite(n)) return coded('file.tooLarge', { value: v, what });
    return coded('file.notA', { value: v, what });
  };
  throw refused(st, col, bad, reason);
}

/** Periods must be a year or a range of years; returns nothing, raises on the first bad value. */
export async function checkPeriods(db: Database, st: StagedTable, col: string): Promise<void> {
  const c = quoteIdent(col);
  const bad = await db.all<{ r: bigint; v: string | null }>(
    `SELECT ${st.rowExpr} AS r, ${c} AS v FROM ${quoteIdent(st.table)} s
     WHERE ${c} IS NULL OR NOT regexp_full_match(trim(${c}), '\\d{4}(\\s*[-–~]\\s*\\d{4})?(\\.0)?')
        OR (regexp_full_match(trim(${c}), '\\d{4}\\s*[-–~]\\s*\\d{4}') AND ${periodEnd(col)} < ${periodStart(col)})
     ORDER BY r LIMIT 5`,
  );
  if (!bad.length) return;
  throw refused(st, col, bad, periodWhy);
}

export const periodStart = (col: string) => `CAST(regexp_extract(trim(${quoteIdent(col)}), '^(\\d{4})', 1) AS SMALLINT)`;
export const periodEnd = (col: string) =>
  `CAST(coalesce(nullif(regexp_extract(trim(${quoteIdent(col)}), '^\\d{4}\\s*[-–~]\\s*(\\d{4})$', 1), ''), regexp_extract(trim(${quoteIdent(col)}), '^(\\d{4})', 1)) AS SMALLINT)`;
export const periodText = (col: string) =>
  `CASE WHEN ${periodStart(col)} = ${periodEnd(col)} THEN CAST(${periodStart(col)} AS VARCHAR) ELSE ${periodStart(col)} || '-' || ${periodEnd(col)} END`;
