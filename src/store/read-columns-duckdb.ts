import { InputError } from '../core/errors.ts';
import { coded } from '../core/messages/index.ts';
import { Database, quoteIdent } from './duckdb/database.ts';
import { queryCsvOnce, stageFile, type StageOptions, type StagedTable } from './duckdb/stage.ts';
import { queryTypedColumns } from './duckdb/typed-columns.ts';
import { checkNumbers, numberExpr } from './import/checks.ts';
import { MISSING_CODE, type CodedColumns, type CodedColumnsRequest } from './read-columns.ts';

// The DuckDB readers of read-columns.ts: every file its plain read (one pass by JavaScript over a
// plain CSV) does not take.

/**
 * readCodedColumns through DuckDB: a CSV of plain integer codes in one pass (readIntegerCodedCsv),
 * any other file staged and factorised in SQL, text joined back to the rows as codes.
 */
export async function readCodedColumnsWithDuckdb(file: string, request: CodedColumnsRequest, options: StageOptions = {}): Promise<CodedColumns> {
  const text = request.codes.flat();
  const once = await readIntegerCodedCsv(file, request, options);
  if (once) return once;
  const db = await Database.open(':memory:');
  try {
    const missing = request.missing ?? false;
    const st = await stageColumns(db, file, text, request.numeric, options, missing);
    const s = (c: string) => `s.${quoteIdent(c)}`;
    const stage = `${quoteIdent(st.table)} s`;
    const consecutive = /^s\.rowid \+ (\d+)$/.exec(st.rowExpr);
    const rowNumbers = consecutive ? Number(consecutive[1])
      : Uint32Array.from(await db.all<{ r: number }>(`SELECT (${st.rowExpr})::UINTEGER AS r FROM ${quoteIdent(st.table)} s ORDER BY s.rowid`), (x) => Number(x.r));
    const out: CodedColumns = { rows: st.rows, codes: {}, levels: {}, numbers: {}, rowNumbers, reader: 'duckdb' };
    const select: string[] = [];
    const joins: string[] = [];
    /** Groups whose codes are read as their own integers and factored here (factorIntegerCodes). */
    const integerGroups: (readonly string[])[] = [];
    for (const [g, group] of request.codes.entries()) {
      if (!group.length) continue;
      // Distinct raw cells first (hashing raw text is cheap; trimming 9 million cells is not),
      // each with its first appearance: by column within the group, then by row (row numbers
      // stay below 2^40). Then the few distinct cells are trimmed into levels.
      const firstSeen = group.map((c, j) => `SELECT ${s(c)} AS raw, min(${st.rowExpr}) + ${j} * 1099511627776 AS k FROM ${stage} GROUP BY 1`).join(' UNION ALL ');
      await db.run(`CREATE TEMP TABLE raw_${g} AS SELECT raw, coalesce(trim(raw::VARCHAR), '') AS v, min(k) AS k FROM (${firstSeen}) GROUP BY raw`);
      if (await plainIntegerCodes(db, `raw_${g}`)) {
        // Each cell's own integer, factored below as the one-pass read does: no join of 9
        // million text cells to the dictionary.
        integerGroups.push(group);
        for (const c of group) select.push(`coalesce(TRY_CAST(${s(c)} AS UINTEGER), ${BLANK_CELL})::UINTEGER`);
        continue;
      }
      await db.run(`CREATE TEMP TABLE levels_${g} AS SELECT v, (row_number() OVER (ORDER BY min(k)) - 1)::UINTEGER AS i FROM raw_${g} ${missing ? "WHERE v <> ''" : ''} GROUP BY v`);
      await db.run(`CREATE TEMP TABLE codes_${g} AS SELECT r.raw, coalesce(l.i, ${MISSING_CODE})::UINTEGER AS i FROM raw_${g} r LEFT JOIN levels_${g} l USING (v)`);
      const levels = (await db.all<{ v: string }>(`SELECT v FROM levels_${g} ORDER BY i`)).map((r) => r.v);
      for (const [j, c] of group.entries()) {
        out.levels[c] = levels;
        joins.push(`JOIN codes_${g} c${g}_${j} ON c${g}_${j}.raw IS NOT DISTINCT FROM ${s(c)}`);
        select.push(`c${g}_${j}.i`);
      }
    }
    select.push(...request.numeric.map((c) => `(${st.numeric.includes(c) ? s(c) : numberExpr(c, 's')})::DOUBLE`));
    // A join does not keep the rows' order (DuckDB's hash joins run in parallel): each row then
    // carries its place, the staged table's rowid (0 .. rows-1). A plain scan keeps the order
    // (preserve_insertion_order, DuckDB's default) and is copied straight, about a third faster.
    const positioned = joins.length > 0;
    if (positioned) select.unshift('s.rowid::UINTEGER');
    const read = await queryTypedColumns(db.conn, `SELECT ${select.join(', ')} FROM ${stage} ${joins.join(' ')}`, [], { expectedRows: st.rows, positioned });
    if (read.rows !== st.rows) throw new Error(`read ${read.rows} of ${st.rows} staged rows`);
    text.forEach((c, i) => (out.codes[c] = read.columns[i] as Uint32Array));
    for (const group of integerGroups) {
      // plainIntegerCodes bounded the codes, so factoring cannot refuse them.
      const levels = factorIntegerCodes(group.map((c) => out.codes[c]), missing)!;
      for (const c of group) out.levels[c] = levels;
    }
    request.numeric.forEach((c, i) => (out.numbers[c] = read.columns[text.length + i] as Float64Array));
    return out;
  } finally {
    db.close();
  }
}

/** What the one-pass CSV read gives a code cell that is blank. */
const BLANK_CELL = 0xfffffffe;

/**
 * The number of decimal digits of a UINTEGER expression (10 at most), in SQL: a cell is a plain
 * integer when it casts to one with as many digits as it has characters (no sign, leading zero,
 * space, decimal point, exponent or underscore), tested with no string made per row.
 */
const digitsOf = (v: string): string => `CASE ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `WHEN ${v} < ${10 ** d} THEN ${d}`).join(' ')} ELSE 10 END`;

/**
 * readCodedColumns in one pass for a CSV whose code cells are all plain integers or blank (region
 * codes such as 110000), the usual flow file: DuckDB reads the file once, casting codes and
 * numbers as it goes, and the codes are factored here in order of first appearance, as the staged
 * path does. Null when a code cell is not a plain integer (DuckDB stops at the first) or is past INTEGER_CODE_LIMIT, or the file needs
 * the staged path for any other reason (stage.ts queryCsvOnce): that path then reads it. At 9
 * million rows staging and coding took 3.5 s of a 4.5 s read.
 */
async function readIntegerCodedCsv(file: string, request: CodedColumnsRequest, options: StageOptions): Promise<CodedColumns | null> {
  const text = request.codes.flat();
  if (!text.length) return null;
  const db = await Database.open(':memory:');
  try {
    const keep = [...new Set([...text, ...request.numeric])];
    const read = await queryCsvOnce(db, file, options, keep, request.numeric, (from, params) => {
      const code = (c: string) => {
        const v = `TRY_CAST(${quoteIdent(c)} AS UINTEGER)`;
        // The first cell that is not a plain integer stops the read (a file coded by names is
        // then read by the staged path after a fraction of a pass, not a whole one).
        return `(CASE WHEN ${quoteIdent(c)} IS NULL THEN ${BLANK_CELL} WHEN ${v} IS NOT NULL AND strlen(${quoteIdent(c)}) = ${digitsOf(v)} THEN ${v} ELSE error('not a plain integer code') END)::UINTEGER`;
      };
      const select = [...text.map(code), ...request.numeric.map((c) => `${quoteIdent(c)}::DOUBLE`)];
      return queryTypedColumns(db.conn, `SELECT ${select.join(', ')} FROM ${from}`, params);
    });
    if (!read || read.rows === 0) return null;
    const out: CodedColumns = { rows: read.rows, codes: {}, levels: {}, numbers: {}, rowNumbers: 2, reader: 'duckdb' };
    let at = 0;
    for (const group of request.codes) {
      const columns = read.columns.slice(at, at + group.length) as Uint32Array[];
      at += group.length;
      const coded = factorIntegerCodes(columns, request.missing ?? false);
      if (!coded) return null;
      group.forEach((c, j) => {
        out.codes[c] = columns[j];
        out.levels[c] = coded;
      });
    }
    request.numeric.forEach((c, i) => (out.numbers[c] = read.columns[text.length + i] as Float64Array));
    return out;
  } finally {
    db.close();
  }
}

/**
 * Replaces integer codes by their level (in place), levels numbered in order of first appearance
 * down the first column, then the second...; a blank cell is MISSING_CODE with `missing`, else the
 * level "". Returns the levels, or null when a code is past INTEGER_CODE_LIMIT (the columns are
 * then part-coded, for the caller to drop).
 */
function factorIntegerCodes(columns: Uint32Array[], missing: boolean): string[] | null {
  // One pass, the lookup grown as larger codes appear: on a code past the bound the caller
  // drops the columns (and reads the file again through the staged path), so coding them in
  // place as we go loses nothing.
  let level = new Int32Array(1024).fill(-1);
  const levels: string[] = [];
  let blank = -1;
  for (const col of columns) {
    for (let r = 0; r < col.length; r++) {
      const v = col[r];
      if (v >= level.length) {
        if (v === BLANK_CELL) {
          if (missing) col[r] = MISSING_CODE;
          else col[r] = blank < 0 ? (blank = levels.push('') - 1) : blank;
          continue;
        }
        if (v >= INTEGER_CODE_LIMIT) return null;
        const grown = new Int32Array(Math.min(INTEGER_CODE_LIMIT, Math.max(v + 1, 2 * level.length))).fill(-1);
        grown.set(level);
        level = grown;
      }
      let l = level[v];
      if (l < 0) l = level[v] = levels.push(String(v)) - 1;
      col[r] = l;
    }
  }
  return levels;
}

/** Integer codes up to this bound are looked up in an array (64 MiB at most). */
const INTEGER_CODE_LIMIT = 1 << 24;

/**
 * Whether every distinct cell of a dictionary (`raw`: the staged cells, NULL for a blank) is an
 * integer written plainly (no sign, leading zero, space or decimal point: its text is the
 * integer's own, so nothing is lost in reading it as a number) below INTEGER_CODE_LIMIT. Census
 * and statistical region codes (110000, 21, 11010) usually are: their rows are then read as
 * integers and factored (factorIntegerCodes), where joining 18 million text cells to the
 * dictionary took most of the read (0.6-0.7 s of 1.6 at 9 million rows).
 */
async function plainIntegerCodes(db: Database, raw: string): Promise<boolean> {
  const [check] = await db.all<{ plain: boolean | null; top: number | null }>(
    `SELECT bool_and(raw IS NULL OR TRY_CAST(raw AS UINTEGER)::VARCHAR IS NOT DISTINCT FROM raw::VARCHAR) AS plain,
            max(TRY_CAST(raw AS UINTEGER))::DOUBLE AS top FROM ${quoteIdent(raw)}`);
  return check?.plain === true && (check.top ?? 0) < INTEGER_CODE_LIMIT;
}

/** Stages only the wanted columns; absent columns and cells that are not numbers are errors. */
async function stageColumns(db: Database, file: string, text: readonly string[], numeric: readonly string[], options: StageOptions, naIsMissing: boolean): Promise<StagedTable> {
  const wanted = [...new Set([...text, ...numeric])];
  const noColumn = (missing: string[], header: readonly string[]) =>
    new InputError(coded('file.noColumn', { columns: missing, header: [...header] }), { file, row: 1, column: missing[0] });
  const st = await stageFile(db, file, options, (header) => {
    const missing = wanted.filter((c) => !header.includes(c));
    if (missing.length) throw noColumn(missing, header);
    return { keep: wanted, numeric: [...numeric] };
  });
  const missing = wanted.filter((c) => !st.columns.includes(c));
  if (missing.length) throw noColumn(missing, st.columns);
  for (const c of numeric) {
    if (st.numeric.includes(c)) continue;
    // Read as text (the file has a cell DuckDB's number reader refused, or is not a CSV): NA and
    // NaN (N/A, NULL) cells become blanks when they mean missing, then every other cell must be a number.
    if (naIsMissing) await db.run(`UPDATE ${quoteIdent(st.table)} SET ${quoteIdent(c)} = NULL WHERE upper(trim(${quoteIdent(c)})) IN ('NA', 'N/A', 'NAN', 'NULL')`);
    await checkNumbers(db, st, c, { required: !naIsMissing, what: 'a number' });
  }
  return st;
}
